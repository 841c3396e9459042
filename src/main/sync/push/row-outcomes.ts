// What becomes of an outbox row the push could not send now: it waits (with back-off, or as long
// as the server asked), waits apart for its act, or is parked for a person; and what a refusal
// from the server means for it. One step of the push (push-worker.ts).
import { pausedMessage } from '../../platform/hub/hub-pace';
import type { FhirAnswer } from '../fhir-client';
import type { PushDeps, PushReport } from '../push-worker';
import { refusalVerdict } from '../server-refusal';
import type { OutboxRow } from '../sync-repository';

export type RowOutcomes = ReturnType<typeof createRowOutcomes>;

export function createRowOutcomes(deps: PushDeps) {
  const random = deps.random ?? Math.random;

  const backoffMs = (attempts: number) => Math.min(5 * 60_000, 1000 * 2 ** attempts) * (0.5 + random());

  const later = (row: OutboxRow, why: string, report: PushReport, stop: boolean, delayMs?: number): 'next' | 'stop' => {
    deps.sync.retryLater(
      row.seq,
      why,
      new Date(deps.now().getTime() + (delayMs ?? backoffMs(row.attempts))).toISOString(),
    );
    if (stop) report.stoppedBy = why;
    return stop ? 'stop' : 'next';
  };
  /**
   * The server asked for a pause (429): this record waits that long, its attempts unchanged (it
   * did nothing wrong), and the pass stops: the pause holds for every request to the server.
   */
  const waitAsAsked = (row: OutboxRow, report: PushReport): 'stop' => {
    const waitMs = Math.max(deps.client.pace.waitMs(), 1000);
    const why = pausedMessage(waitMs);
    deps.sync.waitAsAsked(row.seq, why, new Date(deps.now().getTime() + waitMs).toISOString());
    report.stoppedBy = why;
    return 'stop';
  };
  const park = (row: OutboxRow, why: string, report: PushReport): 'next' => {
    deps.sync.park(row.seq, why);
    if (row.entity === 'audit') report.auditRefused++;
    else report.parked++;
    return 'next';
  };

  /** Waits, apart from the rest, until the call is linked to an act (tried again then, or in 10 minutes). */
  const waitForAct = (row: OutboxRow, why: string): 'next' => {
    deps.sync.waitForAct(row.seq, why, new Date(deps.now().getTime() + 10 * 60_000).toISOString());
    return 'next';
  };

  /** A refusal: waits and stops the pass when the server may take it later, parks it with the reason otherwise. */
  function answerNotOk(row: OutboxRow, answer: FhirAnswer, report: PushReport): 'next' | 'stop' {
    const verdict = refusalVerdict(answer);
    if (verdict.kind === 'pause') return waitAsAsked(row, report);
    return verdict.kind === 'later' ? later(row, verdict.why, report, verdict.stop) : park(row, verdict.why, report);
  }

  return { backoffMs, later, waitAsAsked, park, waitForAct, answerNotOk };
}
