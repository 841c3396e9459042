// Identity vigilance on the real station (SQLite, the contract's dispatch) and the INSi gateway
// double over HTTP. The rules, and where they are written:
// - ANS, "Guide d'implémentation de l'identité INS dans les logiciels" (v2.0, 2022): an INS is
//   only ever retrieved from the INSi teleservice (by traits or by Carte Vitale) or verified by
//   it; the strict traits of a retrieved identity are INSi's and are not edited by hand; the
//   history of the identity is kept.
// - Référentiel national d'identitovigilance (RNIV), volet 1 "Principes d'identification des
//   usagers communs à tous les acteurs de santé" (version in force from January 2024, volets 0
//   and 1 merged), the status matrix: PROV = no INS, no high-trust document; VALI = high-trust
//   document checked; RECUP = INS retrieved or verified by INSi; QUAL = RECUP + identity checked
//   on a high-trust document. Only a QUAL identity's INS may be used and shared.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { INS_OID } from '../../src/shared/patients/ins';
import { startInsiDouble, type InsiDouble } from '../helpers/insi-double';
import { openStation } from '../helpers/station';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const opened: { close(): Promise<void> | void }[] = [];
afterEach(async () => {
  for (const station of opened.splice(0)) await station.close();
});

// Jeanne Louise Martin, born 3 December 1906 in Paris 11e: the national base's traits.
const JEANNE = {
  matricule: '206127511100564',
  oid: INS_OID.NIR,
  birthName: 'MARTIN',
  birthFirstNames: 'JEANNE LOUISE',
  birthDate: '1906-12-03',
  sex: 'F' as const,
  birthplaceCode: '75111',
};
// Two Marie Le Gall born the same day, of whom only the first names and the birthplace tell apart.
const MARIE_BREST = {
  matricule: '256122901900168',
  oid: INS_OID.NIR,
  birthName: 'LE GALL',
  birthFirstNames: 'MARIE ANNE',
  birthDate: '1956-12-03',
  sex: 'F' as const,
  birthplaceCode: '29019',
};
const MARIE_QUIMPER = {
  matricule: '256122923200180',
  oid: INS_OID.NIR,
  birthName: 'LE GALL',
  birthFirstNames: 'MARIE JOSEPHE',
  birthDate: '1956-12-03',
  sex: 'F' as const,
  birthplaceCode: '29232',
};

let insi: InsiDouble;
beforeAll(async () => {
  insi = await startInsiDouble({ people: [JEANNE, MARIE_BREST, MARIE_QUIMPER], token: 'gateway-secret' });
});
afterAll(() => insi.close());

const passport = { type: 'passport', checkedBy: 'IDE Morvan', checkedOn: '2026-11-20' };

function start(withInsi = true) {
  const station = openStation(
    tempDir(),
    () => new Date('2026-11-23T10:00:00Z'),
    withInsi ? { insi: { url: insi.url, token: 'gateway-secret' } } : {},
  );
  opened.push(station);
  return station;
}

// The calls go through the dispatch's parsing: the inputs are written as a page would send them.
const call = (station: ReturnType<typeof start>, channel: string, input: unknown) =>
  station.call(channel as never, input as never) as Promise<{ ok: boolean; value?: any; error?: any }>;
async function value(station: ReturnType<typeof start>, channel: string, input: unknown) {
  const result = await call(station, channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

const martin = (overrides: Record<string, unknown> = {}) => ({
  birthName: 'Martin',
  firstName: 'Jeanne',
  birthFirstNames: 'Jeanne Louise',
  birthDate: '1906-12-03',
  sex: 'F',
  birthplaceCode: '75111',
  identityStatus: 'PROV',
  typedIns: null,
  identityDocument: null,
  ...overrides,
});
async function create(station: ReturnType<typeof start>, identity: Record<string, unknown>) {
  const created = await value(station, 'patients.create', { identity, notDuplicateOf: [] });
  expect(created.status).toBe('created');
  return created.patient;
}

describe('a typed INS proves nothing (ANS guide: an INS is only retrieved from INSi; RNIV volet 1, status matrix)', () => {
  it('refuses RECUP and QUAL without an INSi answer, at creation and at an edit, and keeps a typed INS "to be checked"', async () => {
    const station = start();
    const typedIns = { matricule: '2 06 12 75 111 005 64', oid: INS_OID.NIR };
    for (const identityStatus of ['RECUP', 'QUAL']) {
      const refused = await call(station, 'patients.create', {
        identity: martin({ identityStatus, typedIns, identityDocument: passport }),
        notDuplicateOf: [],
      });
      expect(refused.ok).toBe(false);
      expect(refused.error.fields).toEqual([{ path: 'identity.identityStatus', code: 'identity.status_needs_insi' }]);
    }
    const patient = await create(station, martin({ identityStatus: 'VALI', typedIns, identityDocument: passport }));
    expect(patient).toMatchObject({
      identityStatus: 'VALI',
      ins: null,
      typedIns: { matricule: '206127511100564', oid: INS_OID.NIR },
    });
    const upgraded = await call(station, 'patients.update', {
      id: patient.id,
      version: 1,
      identity: martin({ identityStatus: 'QUAL', typedIns, identityDocument: passport }),
    });
    expect(upgraded.ok).toBe(false);
    expect(upgraded.error.fields).toEqual([{ path: 'identity.identityStatus', code: 'identity.status_needs_insi' }]);
    expect((await value(station, 'patients.get', { id: patient.id })).identityStatus).toBe('VALI');
  });
});

describe('the INSi gateway (RNIV volet 1: RECUP = INS from INSi; QUAL = RECUP + a high-trust document checked)', () => {
  it('retrieves the INS by traits: RECUP without a checked document, INSi’s traits filled in', async () => {
    const station = start();
    expect(await value(station, 'patients.insiStatus', {})).toEqual({ configured: true });
    // Only the first first name is known: INSi gives the whole list.
    const patient = await create(station, martin({ birthFirstNames: '' }));
    const answer = await value(station, 'patients.insiSearch', { id: patient.id });
    expect(answer).toMatchObject({ outcome: 'found', identity: JEANNE, differences: ['birthFirstNames'] });
    const retrieved = await value(station, 'patients.insiAccept', {
      id: patient.id,
      version: patient.version,
      answerId: answer.answerId,
    });
    expect(retrieved).toMatchObject({
      identityStatus: 'RECUP',
      ins: { matricule: JEANNE.matricule, oid: JEANNE.oid },
      birthFirstNames: 'JEANNE LOUISE',
      insRetrieval: { operation: 'search_traits' },
    });
    // The gateway was told who asked, with the site's token.
    expect(insi.requests.at(-1)).toMatchObject({
      path: '/search-traits',
      authorization: 'Bearer gateway-secret',
      body: { traits: { birthName: 'MARTIN', birthFirstNames: 'JEANNE' } },
    });
  });

  it('qualifies the identity (QUAL) when it was checked on a high-trust document and INSi’s traits are the ones checked', async () => {
    const station = start();
    const patient = await create(station, martin({ identityStatus: 'VALI', identityDocument: passport }));
    const answer = await value(station, 'patients.insiSearch', { id: patient.id });
    expect(answer).toMatchObject({ outcome: 'found', differences: [] });
    const qualified = await value(station, 'patients.insiAccept', {
      id: patient.id,
      version: patient.version,
      answerId: answer.answerId,
    });
    expect(qualified).toMatchObject({
      identityStatus: 'QUAL',
      ins: { matricule: JEANNE.matricule },
      identityDocument: { type: 'passport', checkedBy: 'IDE Morvan', checkedOn: '2026-11-20' },
    });
    // An answer is used once.
    const again = await call(station, 'patients.insiAccept', {
      id: patient.id,
      version: qualified.version,
      answerId: answer.answerId,
    });
    expect(again.ok).toBe(false);
  });

  it('says "none found" and "several found" and changes nothing; more first names or the birthplace tell the two apart', async () => {
    const station = start();
    const nobody = await create(station, martin({ birthName: 'Martinez' }));
    expect(await value(station, 'patients.insiSearch', { id: nobody.id })).toEqual({ outcome: 'not_found' });
    const marie = await create(station, {
      ...martin({ birthName: 'Le Gall', firstName: 'Marie', birthFirstNames: 'Marie', birthDate: '1956-12-03' }),
      birthplaceCode: '99999',
    });
    expect(await value(station, 'patients.insiSearch', { id: marie.id })).toEqual({ outcome: 'several_found' });
    expect(await value(station, 'patients.get', { id: marie.id })).toMatchObject({
      identityStatus: 'PROV',
      ins: null,
      version: 1,
    });
    const edited = await value(station, 'patients.update', {
      id: marie.id,
      version: 1,
      identity: {
        ...martin({
          birthName: 'Le Gall',
          firstName: 'Marie',
          birthFirstNames: 'Marie Josèphe',
          birthDate: '1956-12-03',
        }),
        birthplaceCode: '99999',
      },
    });
    expect(await value(station, 'patients.insiSearch', { id: edited.id })).toMatchObject({
      outcome: 'found',
      identity: { matricule: MARIE_QUIMPER.matricule },
      differences: ['birthplaceCode'],
    });
  });

  it('shows the traits that differ; with them, a document checked before does not qualify: RECUP until checked again', async () => {
    const station = start();
    const patient = await create(station, {
      ...martin({ identityStatus: 'VALI', identityDocument: passport, birthFirstNames: 'Jeanne' }),
      birthplaceCode: '75056',
    });
    const answer = await value(station, 'patients.insiSearch', { id: patient.id });
    expect(answer).toMatchObject({ outcome: 'found', differences: ['birthFirstNames', 'birthplaceCode'] });
    const retrieved = await value(station, 'patients.insiAccept', {
      id: patient.id,
      version: patient.version,
      answerId: answer.answerId,
    });
    expect(retrieved).toMatchObject({
      identityStatus: 'RECUP',
      birthplaceCode: '75111',
      birthFirstNames: 'JEANNE LOUISE',
    });
    // QUAL by hand needs the document checked again, after INSi's answer.
    const keepOld = await call(station, 'patients.update', {
      id: patient.id,
      version: retrieved.version,
      identity: { ...martin({ identityStatus: 'QUAL', identityDocument: passport }) },
    });
    expect(keepOld.error.fields).toEqual([
      { path: 'identity.identityDocument.checkedOn', code: 'identity.document_before_insi' },
    ]);
    const rechecked = await value(station, 'patients.update', {
      id: patient.id,
      version: retrieved.version,
      identity: martin({ identityStatus: 'QUAL', identityDocument: { ...passport, checkedOn: '2026-11-23' } }),
    });
    expect(rechecked).toMatchObject({ identityStatus: 'QUAL', ins: { matricule: JEANNE.matricule } });
  });

  it('never gives one INS from INSi to two records: the second is a possible duplicate for the identity team', async () => {
    const station = start();
    const first = await create(station, martin({ identityStatus: 'VALI', identityDocument: passport }));
    const firstAnswer = await value(station, 'patients.insiSearch', { id: first.id });
    await value(station, 'patients.insiAccept', { id: first.id, version: 1, answerId: firstAnswer.answerId });
    const twin = await value(station, 'patients.create', {
      identity: martin({ usedName: 'Durand' }),
      notDuplicateOf: [first.id],
    });
    const answer = await value(station, 'patients.insiSearch', { id: twin.patient.id });
    const refused = await call(station, 'patients.insiAccept', {
      id: twin.patient.id,
      version: 1,
      answerId: answer.answerId,
    });
    expect(refused.error.fields).toEqual([{ path: 'id', code: 'ins.already_used', params: { patientId: first.id } }]);
    expect(await value(station, 'patients.get', { id: twin.patient.id })).toMatchObject({
      identityStatus: 'PROV',
      ins: null,
    });
  });

  it('without a configured INSi, says so and pretends nothing', async () => {
    const station = start(false);
    expect(await value(station, 'patients.insiStatus', {})).toEqual({ configured: false });
    const patient = await create(station, martin());
    const refused = await call(station, 'patients.insiSearch', { id: patient.id });
    expect(refused.ok).toBe(false);
    expect(refused.error.code).toBe('insi_unavailable');
    expect(refused.error.message).toMatch(/RELAIS_INSI_URL/);
  });
});

describe('the identity document and the birth first names (RNIV volet 1; ANS guide, the strict traits)', () => {
  it('refuses VALI without the document checked, and names who and when', async () => {
    const station = start();
    const refused = await call(station, 'patients.create', {
      identity: martin({ identityStatus: 'VALI' }),
      notDuplicateOf: [],
    });
    expect(refused.error.fields).toEqual([
      { path: 'identity.identityDocument.type', code: 'identity.document_required' },
    ]);
    const future = await call(station, 'patients.create', {
      identity: martin({ identityStatus: 'VALI', identityDocument: { ...passport, checkedOn: '2026-11-25' } }),
      notDuplicateOf: [],
    });
    expect(future.error.fields).toEqual([{ path: 'identity.identityDocument.checkedOn', code: 'date.in_future' }]);
    const patient = await create(
      station,
      martin({
        identityStatus: 'VALI',
        identityDocument: { type: 'national_id_card', checkedBy: 'Dr Le Goff', checkedOn: '2026-11-23' },
      }),
    );
    expect(patient.identityDocument).toEqual({
      type: 'national_id_card',
      parentDocument: null,
      checkedBy: 'Dr Le Goff',
      checkedOn: '2026-11-23',
    });
  });

  it('never takes the first first name for the list: VALI without all the birth first names is refused', async () => {
    const station = start();
    const refused = await call(station, 'patients.create', {
      identity: martin({ identityStatus: 'VALI', identityDocument: passport, birthFirstNames: '' }),
      notDuplicateOf: [],
    });
    expect(refused.error.fields).toEqual([
      { path: 'identity.birthFirstNames', code: 'first_names.required_unless_provisional' },
    ]);
    const provisional = await create(station, martin({ birthFirstNames: '' }));
    expect(provisional.birthFirstNames).toBe('');
  });
});

describe('strict traits of a retrieved identity (ANS guide: INSi’s traits are not edited by hand; the history is kept)', () => {
  it('refuses a strict-trait edit of RECUP/QUAL, corrects through a new INSi call, and keeps every change in the history', async () => {
    const station = start();
    const patient = await create(station, martin({ identityStatus: 'VALI', identityDocument: passport }));
    const answer = await value(station, 'patients.insiSearch', { id: patient.id });
    const qualified = await value(station, 'patients.insiAccept', {
      id: patient.id,
      version: 1,
      answerId: answer.answerId,
    });
    for (const change of [{ birthName: 'Martins' }, { birthFirstNames: 'Jeanne Marie' }, { birthplaceCode: '75056' }]) {
      const refused = await call(station, 'patients.update', {
        id: patient.id,
        version: qualified.version,
        identity: martin({ identityStatus: 'QUAL', identityDocument: passport, ...change }),
      });
      expect(refused.error.fields).toEqual([
        { path: `identity.${Object.keys(change)[0]}`, code: 'identity.strict_trait_locked' },
      ]);
    }
    // The used name is not a strict trait.
    const used = await value(station, 'patients.update', {
      id: patient.id,
      version: qualified.version,
      identity: martin({ identityStatus: 'QUAL', identityDocument: passport, usedName: 'Durand' }),
    });

    // The national base corrected her birthplace: a new INSi call (verification) brings it.
    insi.people[0] = { ...JEANNE, birthplaceCode: '75112' };
    try {
      const verified = await value(station, 'patients.insiVerify', { id: patient.id });
      expect(verified).toMatchObject({ outcome: 'traits_differ', differences: ['birthplaceCode'] });
      const corrected = await value(station, 'patients.insiAccept', {
        id: patient.id,
        version: used.version,
        answerId: verified.answerId,
      });
      expect(corrected).toMatchObject({
        birthplaceCode: '75112',
        identityStatus: 'RECUP',
        insRetrieval: { operation: 'verify' },
      });
    } finally {
      insi.people[0] = JEANNE;
    }

    const history = await value(station, 'patients.history', { id: patient.id });
    expect(history.map((h: { version: number; operation: string }) => [h.version, h.operation])).toEqual([
      [4, 'insi_verify'],
      [3, 'edited'],
      [2, 'insi_search_traits'],
      [1, 'created'],
    ]);
    expect(history[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'birthplaceCode', from: '75111', to: '75112' },
        { field: 'identityStatus', from: 'QUAL', to: 'RECUP' },
      ]),
    );
    expect(history[1].changes).toEqual([{ field: 'usedName', from: null, to: 'DURAND' }]);
    expect(history[2].changes).toEqual(
      expect.arrayContaining([
        { field: 'identityStatus', from: 'VALI', to: 'QUAL' },
        { field: 'ins', from: null, to: `${JEANNE.matricule} (${JEANNE.oid})` },
      ]),
    );
  });
});
