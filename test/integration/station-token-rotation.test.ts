// A whole station on a real hub that hands out short-lived tokens (5 s): past its first token's
// expiry it is still connected (the WebSocket moved to the renewed token without going offline)
// and still syncing; a renewal the hub refuses shows in the station's status and log with what a
// person must do.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type HubOptions, type RunningHub } from '../../src/hub/server';
import { issueToken, type NewClaims } from '../../src/hub/tokens';
import { createLogger } from '../../src/main/platform/logger';
import type { StationStatus } from '../../src/shared/station/station';
import { validatedIdentity } from '../helpers/identities';
import { openStation } from '../helpers/station';
import { useTempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait';

const SECRET = 'rotation-secret';
const LIFE_SECONDS = 5;
const tempDir = useTempDir();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const nowSeconds = () => Math.floor(Date.now() / 1000);
const claims = (extra: Partial<NewClaims> = {}): NewClaims => ({
  sub: 'cart-9',
  role: 'station',
  name: 'Chariot 9',
  site: 'EHPAD',
  specialty: null,
  exp: nowSeconds() + LIFE_SECONDS,
  ...extra,
});

async function stationOn(token: string, hubOptions: Partial<HubOptions> = {}) {
  const hubLog: string[] = [];
  const hub: RunningHub = await startHub({
    secret: SECRET,
    turnSecret: 'x',
    turnUrls: [],
    offers: [],
    refreshLifetimeSeconds: LIFE_SECONDS,
    log: (event) => hubLog.push(event),
    ...hubOptions,
  });
  cleanups.push(() => hub.close());
  const logLines: { level: string; event: string; [k: string]: unknown }[] = [];
  const logger = createLogger((line) => logLines.push(JSON.parse(line) as (typeof logLines)[number]));
  const station = openStation(tempDir(), undefined, {
    logger,
    hubUrl: hub.url,
    hubToken: token,
    fhirUrl: hub.fhirUrl,
    syncTiming: { debounceMs: 5, intervalMs: 100 },
  });
  cleanups.push(() => station.close());
  // Every status the station publishes, as the home screen receives them.
  const statuses: StationStatus[] = [];
  station.events.on('station.statusChanged', (s) => statuses.push(s));
  return { hub, hubLog, station, logLines, statuses, latest: () => statuses.at(-1) };
}

describe('the station past its first token’s expiry', () => {
  it('stays connected and keeps syncing on renewed tokens', async () => {
    const first = issueToken(SECRET, claims());
    const firstExp = JSON.parse(Buffer.from(first.split('.')[0]!, 'base64url').toString()).exp as number;
    const { hub, hubLog, station, logLines, statuses, latest } = await stationOn(first);
    await waitFor(() => latest()?.hub.state === 'online', 'the hub link online', 8_000);
    const onlineAt = statuses.findIndex((s) => s.hub.state === 'online');

    // Waits (for a condition, not a duration) until the first token is a second past its expiry.
    await waitFor(() => Date.now() > (firstExp + 1) * 1000, 'the first token to expire', 15_000);
    const created = await station.value('patients.create', { identity: validatedIdentity() });
    if (created.status !== 'created') throw new Error('no patient');
    await waitFor(
      () => latest()?.sync.pending === 0 && latest()?.sync.lastSyncAt !== null,
      'the patient synced',
      15_000,
    );

    const status = await station.value('station.status', {});
    expect(status.hub.state).toBe('online');
    expect(status.hub.token?.state).toBe('valid');
    expect(Date.parse(status.hub.token!.expiresAt!)).toBeGreaterThan(firstExp * 1000);
    // The WebSocket moved to each renewed token before the old one ran out: never offline, never refused.
    expect(statuses.slice(onlineAt).map((s) => s.hub.state)).not.toContain('offline');
    expect(hubLog).not.toContain('hub.upgrade_refused');
    expect(logLines.filter((l) => l.event === 'hub.token_refreshed').length).toBeGreaterThanOrEqual(1);
    expect(logLines.filter((l) => l.event === 'hub.online').length).toBeGreaterThanOrEqual(2); // the first connection, then one per renewal
    const reader = issueToken(SECRET, claims({ exp: nowSeconds() + 600 }));
    const onServer = await fetch(`${hub.fhirUrl}/Patient/${created.patient.id}`, {
      headers: { Authorization: `Bearer ${reader}` },
    });
    expect(onServer.status).toBe(200);
    // Calls still reach the hub on the renewed connection.
    expect((await station.value('calls.hub', {})).you?.id).toBe('cart-9');
  });

  it('does not ask the hub to renew an expert station’s access, and says at its expiry what to do', async () => {
    // The hub renews station tokens only (it would answer 403): an expert's access is asked for anew.
    const { station, logLines, latest } = await stationOn(
      issueToken(SECRET, claims({ sub: 'dr-derm', role: 'expert', specialty: 'dermatologie' })),
    );
    await waitFor(() => latest()?.hub.token?.state === 'expired', 'the expiry in the status', 10_000);
    expect(latest()!.hub.token).toMatchObject({ holder: 'expert', reason: null });
    expect(logLines.find((l) => l.event === 'hub.token_expired')).toMatchObject({
      level: 'error',
      action: expect.stringContaining('demandez un nouvel accès expert'),
    });
    expect(
      logLines.filter((l) => l.event === 'hub.token_refresh_refused' || l.event === 'hub.token_refreshed'),
    ).toEqual([]);
    expect((await station.value('station.status', {})).hub.token?.state).toBe('expired');
  });

  it('learns early, from the hub refusing its connection, that its long-lived token is no longer accepted', async () => {
    // Signed with a key the hub retired: still 10 minutes to live, refused everywhere (401).
    const { station, logLines, latest } = await stationOn(
      issueToken('a-retired-secret', claims({ exp: nowSeconds() + 600 })),
    );
    await waitFor(() => latest()?.hub.token?.state === 'refresh_refused', 'the refusal in the status', 10_000);
    expect(logLines.find((l) => l.event === 'hub.refused')).toMatchObject({ status: 401 });
    expect(logLines.find((l) => l.event === 'hub.token_refresh_refused')).toMatchObject({
      status: 401,
      reason: expect.stringContaining('bad_signature'),
    });
    expect((await station.value('station.status', {})).hub.token?.state).toBe('refresh_refused');
  });

  it('is cut from the region the moment the region revokes its token, and says so plainly', async () => {
    const revocations = path.join(tempDir(), 'revoked.json');
    fs.writeFileSync(revocations, '{}');
    const token = issueToken(SECRET, claims({ exp: nowSeconds() + 600 }));
    const { logLines, latest } = await stationOn(token, { revocationsFile: revocations, revocationsPollMs: 50 });
    await waitFor(() => latest()?.hub.state === 'online', 'the hub link online', 8_000);
    const chain = (JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as { chain: string }).chain;
    fs.writeFileSync(revocations, JSON.stringify({ tokens: [chain] }));
    // Its connection is closed, refused when it comes back, and the renewal it then asks is refused.
    await waitFor(() => latest()?.hub.token?.refusal === 'revoked', 'the revocation in the status', 10_000);
    expect(latest()!.hub.state).not.toBe('online');
    expect(latest()!.hub.token).toMatchObject({
      state: 'refresh_refused',
      refusal: 'revoked',
      reason: expect.stringContaining('revoked by the region'),
    });
    expect(logLines.find((l) => l.event === 'hub.token_refresh_refused')).toMatchObject({
      level: 'error',
      refusal: 'revoked',
      action: expect.stringContaining('new station token'),
    });
  });
});
