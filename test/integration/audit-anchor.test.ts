// The audit trail anchored at the region (issue 16, point 4). Someone holding the station's files
// and its data key edits audit row 3, recomputes every later hash and rewrites the local anchor
// file: the chain holds on the station, but not against what the region acknowledged. First the
// acknowledgements the station kept name row 3; with those deleted too, the region's own copy of
// the last row it acknowledged still tells; and the station's next rows no longer link at the
// region: refused, an alert for the IT, not a clinician's "refused" figure.
import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken } from '../../src/hub/tokens';
import { provisionalIdentity, validatedIdentity } from '../helpers/identities';
import { openStation } from '../helpers/station';
import { stationDatabase } from '../helpers/station-database';
import { useTempDir } from '../helpers/temp-dir';
import { auditRowsSettled, rewriteAuditTrail } from '../helpers/audit-sync';

const tempDir = useTempDir('relais-audit-anchor-');
const SECRET = 'audit-anchor-secret';
const token = issueToken(SECRET, {
  sub: 'cart-12',
  role: 'station',
  name: 'Chariot 12',
  site: 'EHPAD Les Tilleuls',
  specialty: null,
  exp: Math.floor(Date.now() / 1000) + 600,
});
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function stationAt(hub: RunningHub, dir: string) {
  const station = openStation(dir, undefined, {
    hubUrl: hub.url,
    hubToken: token,
    fhirUrl: hub.fhirUrl,
    syncTiming: { debounceMs: 5, intervalMs: 50 },
  });
  const stop = station.close;
  let closed = false;
  const close = async () => {
    if (!closed) await stop();
    closed = true;
  };
  cleanups.push(close);
  return { ...station, close };
}

describe('the audit trail anchored at the region', () => {
  it('fails verify() after row 3 is edited and the chain and anchor recomputed, against the region’s acknowledgements', async () => {
    const hub = await startHub({ secret: SECRET, turnSecret: 'coturn-secret', turnUrls: [], offers: [] });
    cleanups.push(() => hub.close());
    const dir = tempDir();
    const first = stationAt(hub, dir);
    const created = await first.value('patients.create', { identity: validatedIdentity(), notDuplicateOf: [] });
    if (created.status !== 'created') throw new Error('not created');
    for (let i = 0; i < 5; i++) await first.value('patients.get', { id: created.patient.id });
    await auditRowsSettled(dir);
    // Intact, the trail matches all three: the anchor file, the acknowledgements kept here, the region's copy.
    expect(await first.value('audit.verify', {})).toMatchObject({
      ok: true,
      checked: 6,
      lastSeq: 6,
      warnings: [],
      anchors: [
        { source: 'anchor file', seq: 6 },
        { source: 'regional acknowledgement', seq: 6 },
        { source: 'regional server', seq: 6 },
      ],
    });
    await first.close();

    rewriteAuditTrail(dir, 3, 'Dr Personne (IdNatPS 899999999999)');
    const second = stationAt(hub, dir);
    const verdict = await second.value('audit.verify', {});
    expect(verdict).toMatchObject({ ok: false, brokenAt: 3, reason: 'anchor_mismatch' });
    expect(verdict.message).toMatch(/Audit row 3 is not the one the regional server acknowledged/);
    await second.close();

    // The acknowledgements kept on the station are deleted too: the region's copy still tells.
    const attacker = stationDatabase(dir);
    attacker.exec('DROP TRIGGER audit_acknowledgements_no_delete; DELETE FROM audit_acknowledgements;');
    attacker.close();
    const third = stationAt(hub, dir);
    const againstRegion = await third.value('audit.verify', {});
    expect(againstRegion).toMatchObject({ ok: false, brokenAt: 6, reason: 'anchor_mismatch' });
    expect(againstRegion.message).toMatch(/Audit row 6 is not the one the regional server acknowledged/);

    // The next row follows the rewritten chain: the region refuses it, and only the IT is told.
    await third.value('patients.get', { id: created.patient.id });
    await auditRowsSettled(dir);
    const details = await third.value('sync.details', {});
    expect(details.auditRefused).toEqual([
      expect.objectContaining({ entityId: '7', error: expect.stringMatching(/does not follow row 6/) }),
    ]);
    expect(details.parked).toEqual([]);
    expect((await third.value('station.status', {})).sync).toMatchObject({ parked: 0, auditRefused: 1 });

    // The next row waits for row 7 at the region (neither refused nor counted) and holds no record back.
    const later = await third.value('patients.create', { identity: provisionalIdentity(), notDuplicateOf: [] });
    if (later.status !== 'created') throw new Error('not created');
    const auditWaiting = () => {
      const reader = stationDatabase(dir, { readonly: true });
      try {
        return reader
          .prepare("SELECT entity_id, last_error FROM outbox WHERE entity = 'audit' AND parked = 0")
          .all() as { entity_id: string; last_error: string | null }[];
      } finally {
        reader.close();
      }
    };
    for (let i = 0; i < 300 && !auditWaiting()[0]?.last_error; i++) await new Promise((r) => setTimeout(r, 20));
    expect(auditWaiting()).toEqual([
      { entity_id: '8', last_error: expect.stringMatching(/waits for audit row 7 of this station before row 8/) },
    ]);
    expect((await third.value('station.status', {})).sync).toMatchObject({ pending: 0, parked: 0, auditRefused: 1 });
    const patient = await fetch(`${hub.fhirUrl}/Patient/${later.patient.id}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(patient.status).toBe(200);
  });
});
