// An expert's workstation syncs its own audit trail (issue 16, point 14): a cart and an expert's
// station on one real hub with FHIR sync, a call between them through the hub, and afterwards
// every audit row of the expert's station reached the region: none refused, nothing for a
// clinician to look at on the home screen.
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken, type Claims } from '../../src/hub/tokens';
import type { ServerMessage } from '../../src/shared/hub-protocol';
import { openStation } from '../helpers/station';
import { stationDatabase } from '../helpers/station-database';
import { useTempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait';

const tempDir = useTempDir('relais-expert-audit-');
const SECRET = 'expert-audit-secret';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const token = (sub: string, role: Claims['role'], name: string) => {
  const expert = role === 'expert';
  const exp = Math.floor(Date.now() / 1000) + 600;
  return issueToken(SECRET, {
    sub,
    role,
    name,
    site: expert ? 'CHU de Rennes' : 'EHPAD Les Tilleuls',
    specialty: expert ? 'dermatologie' : null,
    exp,
  });
};

function stationOn(hub: RunningHub, sub: string, role: Claims['role'], name: string) {
  const dir = tempDir();
  const hubToken = token(sub, role, name);
  const station = openStation(dir, undefined, {
    stationName: sub,
    hubUrl: hub.url,
    hubToken,
    fhirUrl: hub.fhirUrl,
    syncTiming: { debounceMs: 5, intervalMs: 50 },
  });
  cleanups.push(() => station.close());
  const messages: ServerMessage[] = [];
  station.events.on('calls.message', (m) => messages.push(m));
  const next = async <T extends ServerMessage['type']>(type: T) => {
    await waitFor(() => messages.some((m) => m.type === type), `${sub} receives ${type}`);
    return messages.splice(
      messages.findIndex((m) => m.type === type),
      1,
    )[0] as Extract<ServerMessage, { type: T }>;
  };
  return { station, dir, hubToken, next };
}

/** Audit rows still on their way: in the outbox, neither sent nor refused. */
function auditRowsOnTheirWay(dir: string): number {
  const db = stationDatabase(dir, { readonly: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM outbox WHERE entity = 'audit' AND parked = 0").get() as { n: number })
      .n;
  } finally {
    db.close();
  }
}

describe('an expert station’s audit trail at the region', () => {
  it('ends a call with 0 refused rows: the hub takes the expert’s own AuditEvents', async () => {
    const hub = await startHub({ secret: SECRET, turnSecret: 'coturn-secret', turnUrls: [], offers: [] });
    cleanups.push(() => hub.close());
    const cart = stationOn(hub, 'cart-3', 'station', 'Chariot 3');
    const expert = stationOn(hub, 'dr-derm', 'expert', 'Dr Le Goff');
    for (const s of [cart, expert]) {
      for (let i = 0; i < 400 && (await s.station.value('calls.hub', {})).peers.length < 1; i++)
        await new Promise((r) => setTimeout(r, 10));
    }

    await cart.station.value('calls.send', { type: 'call.ring', to: 'dr-derm', reason: 'Plaie du talon' });
    const { callId } = await cart.next('call.ringing');
    await expert.next('call.incoming');
    await expert.station.value('calls.send', { type: 'call.accept', callId });
    await cart.next('call.accepted');
    await expert.station.value('calls.chat', {
      callId,
      id: 'm1',
      direction: 'received',
      author: 'IDE Morvan',
      text: 'La plaie suinte.',
      at: new Date().toISOString(),
    });
    await expert.station.value('calls.history', { limit: 5 });
    await expert.station.value('calls.send', { type: 'call.hangup', callId, reason: 'Avis donné' });
    await cart.next('call.ended');
    await expert.next('call.ended');

    const rows = await expert.station.value('audit.recent', { limit: 500 });
    expect(rows.map((r) => r.event)).toEqual(expect.arrayContaining(['call.started', 'call.answered', 'call.ended']));
    for (let i = 0; i < 400 && auditRowsOnTheirWay(expert.dir) > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(auditRowsOnTheirWay(expert.dir)).toBe(0);

    const details = await expert.station.value('sync.details', {});
    expect(details.parked).toEqual([]);
    expect((await expert.station.value('station.status', {})).sync.parked).toBe(0);
    // Every row is at the region, readable with her token.
    for (const row of rows) {
      const db = stationDatabase(expert.dir, { readonly: true });
      const { id } = db.prepare('SELECT id FROM audit_events WHERE seq = ?').get(row.seq) as { id: string };
      db.close();
      const answer = await fetch(`${hub.fhirUrl}/AuditEvent/${id}`, {
        headers: { Authorization: `Bearer ${expert.hubToken}` },
      });
      expect(answer.status, `AuditEvent of row ${row.seq} (${row.event})`).toBe(200);
    }
  });

  it('counts an audit row the region refused for the IT, on the sync screen, not in the clinician’s refused figure', async () => {
    // A regional server that refuses AuditEvents, as the hub refused an expert's before (403).
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const refuse = req.method === 'PUT' && (req.url ?? '').startsWith('/fhir/R4/AuditEvent/');
        const text = refuse ? 'An expert’s token writes only Communications (replies), not AuditEvent.' : 'Not here.';
        const body = {
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'error', code: refuse ? 'forbidden' : 'not-found', details: { text } }],
        };
        res.writeHead(refuse ? 403 : 404, { 'Content-Type': 'application/fhir+json' }).end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const dir = tempDir();
    const fhirUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/fhir/R4`;
    const station = openStation(dir, undefined, {
      stationName: 'dr-derm',
      hubToken: token('dr-derm', 'expert', 'Dr Le Goff'),
      fhirUrl,
      syncTiming: { debounceMs: 5, intervalMs: 50 },
    });
    cleanups.push(() => station.close());
    await station.value('audit.note', { event: 'activity.csvExported', fileName: 'activite-2026-11.csv' });
    for (let i = 0; i < 400 && auditRowsOnTheirWay(dir) > 0; i++) await new Promise((r) => setTimeout(r, 20));

    expect((await station.value('station.status', {})).sync).toMatchObject({ parked: 0, auditRefused: 1 });
    const details = await station.value('sync.details', {});
    expect(details.parked).toEqual([]);
    expect(details.auditRefused).toEqual([
      expect.objectContaining({
        entity: 'audit',
        entityId: '1',
        error: expect.stringMatching(/Refused by the regional server \(403\)/),
      }),
    ]);
  });
});
