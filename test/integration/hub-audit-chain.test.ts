// The hub's side of the audit trail (issue 16, point 14), over HTTP against a real hub: every
// station and every expert sends her own AuditEvents and no one else's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken, type Claims } from '../../src/hub/tokens';
import { auditHash, GENESIS_HASH, type AuditRow } from '../../src/main/audit/audit-chain';
import { auditRowToFhir } from '../../src/main/sync/fhir/audit-event';

const SECRET = 'hub-audit-chain-secret';
const exp = Math.floor(Date.now() / 1000) + 3600;
const who = {
  cartA: { sub: 'cart-a', role: 'station', name: 'Chariot A', site: 'EHPAD A', specialty: null, exp },
  cartB: { sub: 'cart-b', role: 'station', name: 'Chariot B', site: 'EHPAD B', specialty: null, exp },
  derm: { sub: 'dr-derm', role: 'expert', name: 'Dr Derm', site: 'CHU', specialty: 'dermatologie', exp },
} satisfies Record<string, Claims>;
type Who = keyof typeof who;

let hub: RunningHub;
const logged: { event: string; detail?: Record<string, unknown> }[] = [];
beforeAll(async () => {
  hub = await startHub({ secret: SECRET, turnSecret: 'coturn-secret', turnUrls: [], offers: [], log: (event, detail) => logged.push({ event, ...(detail ? { detail } : {}) }) });
});
afterAll(() => hub.close());

/** A station's trail of n rows, chained from the genesis value as the station writes it. */
function trail(n: number, station: string, change: (row: Omit<AuditRow, 'prevHash' | 'hash'>) => Omit<AuditRow, 'prevHash' | 'hash'> = (r) => r): AuditRow[] {
  const rows: AuditRow[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const content = change({ seq, id: `${station}-row-${seq}`, at: `2026-12-01T10:00:0${seq}.000Z`, station, who: station, person: null, action: 'read', event: 'patients.get', entityType: 'patient', entityId: null, patientIds: [], outcome: 'success', detail: null, origin: 'ipc' });
    const hash = auditHash(prevHash, content);
    rows.push({ ...content, prevHash, hash });
    prevHash = hash;
  }
  return rows;
}

async function put(w: Who, row: AuditRow, observer: string | null = who[w].sub) {
  const response = await fetch(`${hub.fhirUrl}/AuditEvent/${row.id}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${issueToken(SECRET, who[w])}`, 'Content-Type': 'application/fhir+json' },
    body: JSON.stringify(auditRowToFhir(row, observer)),
  });
  const json = (await response.json()) as { meta?: { versionId?: string }; issue?: { code: string; details?: { text?: string } }[]; extension?: unknown };
  return { status: response.status, json, text: json.issue?.map((i) => i.details?.text).join(' ') ?? '', code: json.issue?.[0]?.code ?? null };
}

/** Taken: created by PUT on its id (the in-memory repository answers 200 for an update that creates). */
const expectTaken = (answer: { status: number; text: string }) => expect([200, 201], answer.text).toContain(answer.status);

// A patient of cart B's that cart A tried to read (refused at the station): cart A's own row names it.
const PATIENT_B = '0b9d4a52-7c1e-4f3a-9d2b-5e6f7a8b9c0d';

describe('AuditEvents at the hub', () => {
  const a = trail(5, 'cart-a', (r) => (r.seq === 1 ? { ...r, entityId: PATIENT_B, patientIds: [PATIENT_B], outcome: 'not_found' } : r));
  const expert = trail(2, 'dr-derm');

  it('takes a station’s and an expert’s own AuditEvents, and refuses one naming someone else (403)', async () => {
    const patient = { resourceType: 'Patient', id: PATIENT_B, name: [{ family: 'KERMARREC' }] };
    const written = await fetch(`${hub.fhirUrl}/Patient/${PATIENT_B}`, { method: 'PUT', headers: { Authorization: `Bearer ${issueToken(SECRET, who.cartB)}`, 'Content-Type': 'application/fhir+json' }, body: JSON.stringify(patient) });
    expect([200, 201]).toContain(written.status);
    // Cart A's own row names cart B's patient (a read refused at cart A): recorded, not refused.
    expect(JSON.stringify(auditRowToFhir(a[0]!, 'cart-a'))).toContain(`Patient/${PATIENT_B}`);
    expectTaken(await put('cartA', a[0]!));
    expectTaken(await put('derm', expert[0]!));
    expectTaken(await put('derm', expert[1]!));
    // Cart A sends a row in cart B's name, the expert one in cart A's, and one names nobody.
    const b = trail(1, 'cart-b');
    const asB = await put('cartA', b[0]!, 'cart-b');
    expect(asB).toMatchObject({ status: 403, code: 'forbidden' });
    expect(asB.text).toMatch(/source\.observer must name you \(identifier urn:relais:peer\|cart-a\), not cart-b/);
    expect((await put('derm', trail(1, 'x', (r) => ({ ...r, id: 'derm-as-cart-a' }))[0]!, 'cart-a')).status).toBe(403);
    expect((await put('cartB', b[0]!, null)).status).toBe(403);
  });
});
