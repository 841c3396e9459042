// The identity rules a person meets in the form and the kiosk, each against its published source:
// - ANS, "Guide d'implémentation de l'identité INS dans les logiciels" (v2.0, 2022): the strict
//   traits (birth name, the LIST of birth first names, birth date, sex, birthplace code), of which
//   none is derived from another; an INS only from the INSi teleservice.
// - RNIV volet 1, "Principes d'identification des usagers communs à tous les acteurs de santé"
//   (volets 0 and 1 merged, in force from January 2024): the status matrix (PROV, VALI = high-trust
//   document checked, RECUP = INS from INSi, QUAL = RECUP + document) and the high-trust documents
//   (passport, national identity card, residence permit; §3.3.3: for a minor, the family record
//   book with a parent's high-trust document).
import { describe, expect, it } from 'vitest';
import { IdentitySchema } from '../../../src/shared/patients/patient';
import { statusChangeProblem } from '../../../src/shared/patients/identity-status';
import { INS_OID } from '../../../src/shared/patients/ins';
import { parseWithFieldErrors } from '../../../src/shared/validation';
import { cardTraitsToCopy, readCarteVitaleNumber } from '../../../src/shared/kiosk/carte-vitale';

const PASSPORT = { type: 'passport', checkedBy: 'IDE Morvan', checkedOn: '2026-11-20' };
const identity = (overrides: Record<string, unknown> = {}) => ({
  birthName: 'Martin',
  firstName: 'Jeanne',
  birthFirstNames: 'Jeanne Louise',
  birthDate: '1906-12-03',
  sex: 'F',
  birthplaceCode: '75111',
  identityStatus: 'VALI',
  identityDocument: PASSPORT,
  typedIns: null,
  ...overrides,
});
const fieldErrors = (input: unknown) => {
  const parsed = parseWithFieldErrors(IdentitySchema, input);
  return parsed.success ? [] : parsed.fields;
};

describe('birth first names, a strict trait (ANS guide: the list of birth first names is one of the five INS traits)', () => {
  it('is never defaulted from the first first name', () => {
    expect(
      IdentitySchema.parse(identity({ identityStatus: 'PROV', identityDocument: null, birthFirstNames: '' }))
        .birthFirstNames,
    ).toBe('');
    expect(
      IdentitySchema.parse(identity({ identityStatus: 'PROV', identityDocument: null, birthFirstNames: undefined }))
        .birthFirstNames,
    ).toBe('');
  });

  it('may be empty only in a provisional identity (RNIV: VALI and above rest on the document’s traits, all of them)', () => {
    for (const identityStatus of ['VALI', 'RECUP', 'QUAL']) {
      expect(fieldErrors(identity({ identityStatus, birthFirstNames: '' }))).toContainEqual({
        path: 'birthFirstNames',
        code: 'first_names.required_unless_provisional',
      });
    }
  });
});

describe('the identity document (RNIV volet 1: VALI and QUAL need a high-trust document checked)', () => {
  it('is required for VALI and QUAL, and names its type, who checked it and when', () => {
    for (const identityStatus of ['VALI', 'QUAL']) {
      expect(fieldErrors(identity({ identityStatus, identityDocument: null }))).toEqual([
        { path: 'identityDocument.type', code: 'identity.document_required' },
      ]);
    }
    expect(fieldErrors(identity({ identityDocument: { ...PASSPORT, checkedBy: ' ' } }))).toEqual([
      { path: 'identityDocument.checkedBy', code: 'field.required' },
    ]);
    expect(fieldErrors(identity({ identityDocument: { ...PASSPORT, checkedOn: '2026-02-30' } }))).toEqual([
      { path: 'identityDocument.checkedOn', code: 'date.invalid' },
    ]);
    expect(fieldErrors(identity({ identityDocument: { ...PASSPORT, type: 'driving_licence' } }))).toEqual([
      { path: 'identityDocument.type', code: 'field.invalid_choice' },
    ]);
    for (const type of ['passport', 'national_id_card', 'residence_permit'])
      expect(fieldErrors(identity({ identityDocument: { ...PASSPORT, type } }))).toEqual([]);
  });

  it('takes a family record book only for a minor, and only with a parent’s document (RNIV volet 1, §3.3.3)', () => {
    const child = {
      birthDate: '2015-06-01',
      birthName: 'Morvan',
      firstName: 'Lou',
      birthFirstNames: 'Lou',
      sex: 'F',
      birthplaceCode: '29019',
    };
    const book = { type: 'family_record_book', checkedBy: 'IDE Morvan', checkedOn: '2026-11-20' };
    expect(fieldErrors(identity({ ...child, identityDocument: book }))).toEqual([
      { path: 'identityDocument.parentDocument', code: 'identity.parent_document_required' },
    ]);
    expect(
      IdentitySchema.parse(identity({ ...child, identityDocument: { ...book, parentDocument: 'national_id_card' } }))
        .identityDocument,
    ).toEqual({ ...book, parentDocument: 'national_id_card' });
    // Eighteen on 1 June 2033: the book no longer does from that day.
    expect(
      fieldErrors(
        identity({ ...child, identityDocument: { ...book, parentDocument: 'passport', checkedOn: '2033-06-01' } }),
      ),
    ).toEqual([{ path: 'identityDocument.type', code: 'identity.family_book_only_for_minor' }]);
    expect(fieldErrors(identity({ identityDocument: { ...book, parentDocument: 'passport' } }))).toEqual([
      { path: 'identityDocument.type', code: 'identity.family_book_only_for_minor' },
    ]);
  });
});

describe('the status an INSi answer alone gives (RNIV volet 1: RECUP and QUAL need an INS from INSi)', () => {
  const parsed = (overrides: Record<string, unknown>) => IdentitySchema.parse(identity(overrides));
  const fromInsi = {
    identityStatus: 'RECUP' as const,
    ins: { matricule: '206127511100564', oid: INS_OID.NIR },
    insRetrieval: { operation: 'search_traits' as const, at: '2026-11-21T09:00:00.000Z', by: 'IDE Morvan' },
  };

  it('refuses RECUP and QUAL to a new identity or one without an INS from INSi, whatever INS was typed', () => {
    const typed = { typedIns: { matricule: '206127511100564', oid: INS_OID.NIR } };
    for (const identityStatus of ['RECUP', 'QUAL']) {
      expect(statusChangeProblem(null, parsed({ identityStatus, ...typed }))).toEqual({
        path: 'identityStatus',
        code: 'identity.status_needs_insi',
      });
      expect(
        statusChangeProblem(
          { identityStatus: 'VALI', ins: null, insRetrieval: null },
          parsed({ identityStatus, ...typed }),
        ),
      ).toEqual({ path: 'identityStatus', code: 'identity.status_needs_insi' });
    }
    expect(statusChangeProblem(null, parsed({ ...typed }))).toBeNull();
  });

  it('takes RECUP to QUAL only with a document checked since INSi’s answer; keeps QUAL; lowers freely', () => {
    expect(statusChangeProblem(fromInsi, parsed({ identityStatus: 'QUAL' }))).toEqual({
      path: 'identityDocument.checkedOn',
      code: 'identity.document_before_insi',
    });
    expect(
      statusChangeProblem(
        fromInsi,
        parsed({ identityStatus: 'QUAL', identityDocument: { ...PASSPORT, checkedOn: '2026-11-21' } }),
      ),
    ).toBeNull();
    expect(statusChangeProblem({ ...fromInsi, identityStatus: 'QUAL' }, parsed({ identityStatus: 'QUAL' }))).toBeNull();
    expect(statusChangeProblem(fromInsi, parsed({ identityStatus: 'PROV', identityDocument: null }))).toBeNull();
  });
});

describe('a typed INS, "to be checked"', () => {
  it('is checked against the sex and birth date typed: a parent’s card shows', () => {
    expect(
      fieldErrors(identity({ typedIns: { matricule: '1 06 12 75 111 005 17', oid: INS_OID.NIR } })),
    ).toContainEqual({ path: 'typedIns.matricule', code: 'ins.sex_mismatch' });
    expect(fieldErrors(identity({ typedIns: { matricule: '206127511100565', oid: INS_OID.NIR } }))).toEqual([
      { path: 'typedIns.matricule', code: 'ins.key_mismatch' },
    ]);
  });
});

describe('the Carte Vitale number in the cabin (a card may carry a parent’s number: RNIV volet 1; ANS guide, the card is only a key to INSi)', () => {
  const reading = readCarteVitaleNumber('256122901912343');
  it('gives nothing to copy until the pharmacist says whose card it is', () => {
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(cardTraitsToCopy(reading.facts, null)).toBeNull();
    expect(cardTraitsToCopy(reading.facts, 'someone_else')).toBeNull();
    expect(cardTraitsToCopy(reading.facts, 'patient')).toEqual({ sex: 'F', birthplaceCode: '29019' });
  });
});
