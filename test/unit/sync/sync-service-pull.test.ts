// When the sync pulls the region's changes: after the outbox is drained, not only after a pass that
// pushed nothing. A station that writes at every moment (each record read is an audit row, pushed
// at the next pass) once never pulled while a nurse kept pressing "Vérifier les réponses
// maintenant": each press pushed the rows the screen's reads had written, and the expert's answer
// waited at the region (the teleexpertise e2e failed so, late in a CI run).
import { afterEach, describe, expect, it } from 'vitest';
import { createSyncService } from '../../../src/main/sync/sync-service';
import type { PushReport } from '../../../src/main/sync/push-worker';
import type { SyncRepository } from '../../../src/main/sync/sync-repository';

const pushed = (n: number): PushReport => ({
  pushed: n,
  parked: 0,
  auditRefused: 0,
  conflicts: 0,
  stoppedBy: null,
  regionLost: 0,
  unreachable: false,
});

const services: { stop(): void }[] = [];
afterEach(() => services.splice(0).forEach((s) => s.stop()));

function station(opts: { pushes: number[]; left: boolean[] }) {
  const pulls: number[] = [];
  let pass = 0;
  const service = createSyncService({
    server: 'http://region.invalid/fhir/R4',
    worker: { runOnce: async () => pushed(opts.pushes[pass] ?? 0) },
    puller: {
      runOnce: async () => {
        pulls.push(pass);
        return { applied: 0, skipped: 0, deferred: 0, refused: 0, stoppedBy: null };
      },
    },
    sync: {} as SyncRepository,
    hasWork: () => opts.left[pass] ?? false,
    onChange: () => {
      pass++;
    },
    log: () => {},
    intervalMs: 3_600_000,
  });
  services.push(service);
  return { service, pulls };
}

describe('the pull of the region’s changes', () => {
  it('runs when a person asks, after a pass that pushed what the station had just written', async () => {
    const { service, pulls } = station({ pushes: [2, 1, 3], left: [false, false, false] });
    await service.runNow();
    await service.runNow();
    await service.runNow();
    expect(pulls).toEqual([0, 1, 2]);
  });

  it('waits while records are still left to push, and runs once they are gone', async () => {
    const { service, pulls } = station({ pushes: [50, 10], left: [true, false] });
    await service.runNow();
    expect(pulls).toEqual([]);
    await service.runNow();
    expect(pulls).toEqual([1]);
  });
});
