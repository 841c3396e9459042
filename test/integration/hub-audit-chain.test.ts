// The hub's side of the audit anchor (issue 16, points 4 and 14), over HTTP against a real hub:
// every station and every expert sends her own AuditEvents and no one else's; an AuditEvent is
// never replaced; a row is taken only if it follows the last one the region acknowledged for that
// sender; and each token reads the region's copy of its own last row, and only its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken, type NewClaims } from '../../src/hub/tokens';
import { auditHash, GENESIS_HASH, type AuditRow } from '../../src/main/audit/audit-chain';
import { auditRowToFhir } from '../../src/main/sync/fhir/audit-event';

const SECRET = 'hub-audit-chain-secret';
const exp = Math.floor(Date.now() / 1000) + 3600;
const who = {
  cartA: { sub: 'cart-a', role: 'station', name: 'Chariot A', site: 'EHPAD A', specialty: null, exp },
  cartB: { sub: 'cart-b', role: 'station', name: 'Chariot B', site: 'EHPAD B', specialty: null, exp },
  derm: { sub: 'dr-derm', role: 'expert', name: 'Dr Derm', site: 'CHU', specialty: 'dermatologie', exp },
} satisfies Record<string, NewClaims>;
type Who = keyof typeof who;

let hub: RunningHub;
const logged: { event: string; detail?: Record<string, unknown> }[] = [];
beforeAll(async () => {
  hub = await startHub({
    secret: SECRET,
    turnSecret: 'coturn-secret',
    turnUrls: [],
    offers: [],
    log: (event, detail) => logged.push({ event, ...(detail ? { detail } : {}) }),
  });
});
afterAll(() => hub.close());

/** A station's trail of n rows, chained from the genesis value as the station writes it. */
function trail(
  n: number,
  station: string,
  change: (row: Omit<AuditRow, 'prevHash' | 'hash'>) => Omit<AuditRow, 'prevHash' | 'hash'> = (r) => r,
): AuditRow[] {
  const rows: AuditRow[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const content = change({
      seq,
      id: `${station}-row-${seq}`,
      at: `2026-12-01T10:00:0${seq}.000Z`,
      station,
      who: station,
      person: null,
      action: 'read',
      event: 'patients.get',
      entityType: 'patient',
      entityId: null,
      patientIds: [],
      outcome: 'success',
      detail: null,
      origin: 'ipc',
    });
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
  const json = (await response.json()) as {
    meta?: { versionId?: string };
    issue?: { code: string; details?: { text?: string } }[];
    extension?: unknown;
  };
  return {
    status: response.status,
    json,
    text: json.issue?.map((i) => i.details?.text).join(' ') ?? '',
    code: json.issue?.[0]?.code ?? null,
  };
}

/** Taken: created by PUT on its id (the in-memory repository answers 200 for an update that creates). */
const expectTaken = (answer: { status: number; text: string }) =>
  expect([200, 201], answer.text).toContain(answer.status);

async function head(w: Who | null, method = 'GET') {
  const response = await fetch(new URL('/audit/head', hub.fhirUrl), {
    method,
    headers: w ? { Authorization: `Bearer ${issueToken(SECRET, who[w])}` } : {},
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

// A patient of cart B's that cart A tried to read (refused at the station): cart A's own row names it.
const PATIENT_B = '0b9d4a52-7c1e-4f3a-9d2b-5e6f7a8b9c0d';

describe('AuditEvents at the hub', () => {
  const a = trail(5, 'cart-a', (r) =>
    r.seq === 1 ? { ...r, entityId: PATIENT_B, patientIds: [PATIENT_B], outcome: 'not_found' } : r,
  );
  const expert = trail(2, 'dr-derm');

  it('takes a station’s and an expert’s own AuditEvents, and refuses one naming someone else (403)', async () => {
    const patient = { resourceType: 'Patient', id: PATIENT_B, name: [{ family: 'KERMARREC' }] };
    const headers = {
      Authorization: `Bearer ${issueToken(SECRET, who.cartB)}`,
      'Content-Type': 'application/fhir+json',
    };
    const written = await fetch(`${hub.fhirUrl}/Patient/${PATIENT_B}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify(patient),
    });
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
    // Nothing of cart B's reached the region.
    expect((await head('cartB')).json).toEqual({ station: 'cart-b', chains: [] });
  });

  it('never replaces an AuditEvent it holds: the same row again is answered as held, another content is refused (409)', async () => {
    const again = await put('cartA', a[0]!);
    expect(again.status).toBe(200);
    expect(again.json.meta?.versionId).toBeDefined();
    const edited = trail(1, 'cart-a', (r) => ({ ...r, who: 'someone else' }))[0]!;
    const refused = await put('cartA', edited);
    expect(refused).toMatchObject({ status: 409, code: 'conflict' });
    expect(refused.text).toMatch(/never replaced/);
    const read = await fetch(`${hub.fhirUrl}/AuditEvent/${a[0]!.id}`, {
      headers: { Authorization: `Bearer ${issueToken(SECRET, who.cartA)}` },
    });
    const stored = (await read.json()) as { meta: { versionId: string }; agent: { name: string }[] };
    expect(stored.meta.versionId).toBe(again.json.meta?.versionId);
    expect(stored.agent[0]!.name).toBe('cart-a');
  });

  it('takes a row only if it follows the last one acknowledged: later ones wait, forks are refused and logged', async () => {
    expectTaken(await put('cartA', a[1]!));
    // Row 4 before row 3: the region waits for row 3 (FHIR's "transient": send it again later).
    expect(await put('cartA', a[3]!)).toMatchObject({ status: 409, code: 'transient' });
    // A row 3 that does not follow row 2 (the trail rewritten before it), and another row 2.
    const forged = trail(3, 'cart-a', (r) =>
      r.seq === 1 ? { ...r, who: 'someone else' } : { ...r, id: `forged-${r.seq}` },
    );
    const fork = await put('cartA', forged[2]!);
    expect(fork).toMatchObject({ status: 409, code: 'conflict' });
    expect(fork.text).toMatch(/Audit row 3 does not follow row 2/);
    expect(await put('cartA', forged[1]!)).toMatchObject({
      status: 409,
      code: 'conflict',
      text: expect.stringMatching(/already acknowledged audit row 2/),
    });
    const refusal = {
      event: 'hub.audit_chain_refused',
      detail: expect.objectContaining({ station: 'cart-a', site: 'cart-a', seq: 3, reason: 'does_not_follow' }),
    };
    expect(logged).toEqual(expect.arrayContaining([refusal]));
    for (const row of a.slice(2)) expectTaken(await put('cartA', row));
    // POST would make a new id for the same row: refused.
    const headers = {
      Authorization: `Bearer ${issueToken(SECRET, who.cartA)}`,
      'Content-Type': 'application/fhir+json',
    };
    const posted = await fetch(`${hub.fhirUrl}/AuditEvent`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ ...auditRowToFhir(a[4]!, 'cart-a'), id: undefined }),
    });
    expect(posted.status).toBe(405);
  });

  it('keeps one chain per station of a token: an expert’s second workstation starts its own', async () => {
    const laptop = trail(2, 'dr-derm-laptop');
    for (const row of laptop) expectTaken(await put('derm', row));
    // Its row 1 is not the first workstation's row 1: each follows its own chain.
    expect(await put('derm', trail(3, 'dr-derm', (r) => ({ ...r, id: `desk-${r.seq}` }))[2]!)).toMatchObject({
      status: 409,
      code: 'conflict',
    });
  });

  it('tells each token the last row the region acknowledged in each of its chains, and only its own', async () => {
    expect(await head('cartA')).toEqual({
      status: 200,
      json: {
        station: 'cart-a',
        chains: [{ site: 'cart-a', seq: 5, hash: a[4]!.hash, acknowledgedAt: expect.any(String) }],
      },
    });
    expect((await head('derm')).json).toEqual({
      station: 'dr-derm',
      chains: [
        expect.objectContaining({ site: 'dr-derm', seq: 2, hash: expert[1]!.hash }),
        expect.objectContaining({ site: 'dr-derm-laptop', seq: 2 }),
      ],
    });
    expect((await head('cartB')).json).toEqual({ station: 'cart-b', chains: [] });
    expect((await head(null)).status).toBe(401);
    expect((await head('cartA', 'POST')).status).toBe(405);
  });
});
