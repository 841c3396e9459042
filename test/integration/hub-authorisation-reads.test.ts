// The hub's authorisation matrix for reads and searches: each role reads (read, vread, history) and finds only what is routed to it.
import { describe, expect, it } from 'vitest';
import { fhir, id, snapshot, useAuthorisationHub, WHO, type Who } from '../helpers/hub-authorisation';

// Against a real hub on 127.0.0.1 (test/helpers/hub-authorisation.ts). Every refused read checks
// the answer's code and that nothing changed on the server (read back with the owner's token).
useAuthorisationHub();

// ---- reads: every resource of cart A's request, by everyone, three ways --------------------
const readable: Record<Who, (key: keyof typeof id) => boolean> = {
  cartA: (k) => ['PA', 'SRA', 'OA', 'MA', 'CA', 'CE'].includes(k), // its own, and the reply to its request
  cartB: (k) => ['PB', 'SRB', 'PC', 'SRC', 'MC'].includes(k),
  derm: (k) => ['PA', 'SRA', 'OA', 'MA', 'CA', 'CE', 'PC', 'SRC', 'MC'].includes(k), // routed by specialty, or named
  neuro: (k) => ['PB', 'SRB'].includes(k), // SRC names Dr Derm: not routed to neurology
  derm2: (k) => ['PA', 'SRA', 'OA', 'MA', 'CA', 'CE'].includes(k), // her specialty's; SRC names the other Dr Derm
};
const typeOf: Record<keyof typeof id, string> = {
  PA: 'Patient',
  SRA: 'ServiceRequest',
  OA: 'Observation',
  MA: 'Media',
  CA: 'Communication',
  CE: 'Communication',
  PB: 'Patient',
  SRB: 'ServiceRequest',
  PC: 'Patient',
  SRC: 'ServiceRequest',
  MC: 'Media',
};
const readCases = WHO.flatMap((w) =>
  (Object.keys(id) as (keyof typeof id)[]).flatMap((k) =>
    (['read', 'vread', 'history'] as const).map((how) => ({ w, k, how, allowed: readable[w](k) })),
  ),
);

describe('hub authorisation matrix: reads (read, vread, instance history)', () => {
  it.each(readCases)('$w $how $k -> allowed: $allowed', async ({ w, k, how, allowed }) => {
    const type = typeOf[k];
    const owner: Who = k === 'CE' ? 'derm' : readable.cartA(k) ? 'cartA' : 'cartB';
    const before = await snapshot(owner, type, id[k]);
    const version = (JSON.parse(before) as { meta: { versionId: string } }).meta.versionId;
    const suffix = how === 'read' ? '' : how === 'vread' ? `/_history/${version}` : '/_history';
    const answer = await fhir(w, 'GET', `/${type}/${id[k]}${suffix}`);
    if (allowed) {
      expect(answer.status).toBe(200);
      const resource = how === 'history' ? answer.json?.entry?.[0]?.resource : answer.json;
      expect(resource).toMatchObject({ resourceType: type, id: id[k] });
    } else {
      // Refused as if it did not exist: 404 and an OperationOutcome, nothing of the resource.
      expect(answer.status).toBe(404);
      expect(answer.json?.resourceType).toBe('OperationOutcome');
      expect(answer.text).not.toContain('ALPHA');
      expect(answer.text).not.toContain('BRAVO');
      expect(answer.text).not.toContain('CHARLIE');
      expect(await snapshot(owner, type, id[k])).toBe(before);
    }
  });
});

// ---- searches: filtered by the hub, whatever the query -------------------------------------
const searches: { query: string; matches: (keyof typeof id)[] }[] = [
  { query: 'Patient', matches: ['PA', 'PB', 'PC'] },
  { query: `Patient?_id=${id.PA}`, matches: ['PA'] },
  { query: 'ServiceRequest?status=active&_count=500', matches: ['SRA', 'SRB', 'SRC'] },
  { query: 'ServiceRequest?performer-type=https://relais.example/specialty|dermatologie', matches: ['SRA'] },
  { query: `Communication?based-on=ServiceRequest/${id.SRA}`, matches: ['CA', 'CE'] },
  { query: `Media?encounter=Encounter/${id.SRA}`, matches: ['MA'] },
  { query: `Media?encounter=Encounter/${id.SRC}`, matches: ['MC'] },
  { query: `Observation?encounter=Encounter/${id.SRA}`, matches: ['OA'] },
];
const searchCases = WHO.flatMap((w) =>
  searches.map((s) => ({ w, ...s, expected: s.matches.filter((k) => readable[w](k)) })),
);

describe('hub authorisation matrix: searches (filtered on the hub, no total)', () => {
  it.each(searchCases)('$w searches $query -> sees $expected', async ({ w, query, expected }) => {
    const answer = await fhir(w, 'GET', `/${query}`);
    expect(answer.status).toBe(200);
    const ids = (answer.json?.entry ?? []).map((e: { resource: { id: string } }) => e.resource.id).sort();
    expect(ids).toEqual(expected.map((k) => id[k]).sort());
    expect(answer.json?.total).toBeUndefined(); // a count would tell what is hidden
  });
});
