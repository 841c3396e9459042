// The identity's reliability in the FHIR Patient the station sends, and what it takes back:
// - a number typed "to be checked" is never sent (ANS, Guide d'implémentation de l'identité INS
//   dans les logiciels: an INS is only the one INSi returned; FR Core Patient INS: the INS is
//   conveyed for a qualified identity only);
// - the document checked goes in FR Core's reliability extension (validationMode PA, CN, CS, LE and
//   validationDate, FR Core CodeSystem fr-core-cs-mode-validation-identity);
// - an INS taken from the region that no station says INSi gave keeps no status it could not have
//   (RNIV volet 1, status matrix): QUAL comes back VALI, the number "to be checked".
import { describe, expect, it } from 'vitest';
import { patientFromFhir, patientToFhir } from '../../../src/main/sync/fhir/patient';
import { validateFhir } from '../../../src/main/sync/fhir/validate';
import { qualifiedPatient } from './fhir-samples';

const VALIDATED = {
  ...qualifiedPatient,
  identityStatus: 'VALI' as const,
  ins: null,
  insRetrieval: null,
  typedIns: { matricule: '256122901900168', oid: '1.2.250.1.213.1.4.8' as const },
};

describe('the Patient sent: reliability, document, and never a typed number', () => {
  it('never sends a number typed "to be checked", whatever the status', () => {
    for (const identityStatus of ['PROV', 'VALI'] as const) {
      const resource = patientToFhir({ ...VALIDATED, identityStatus });
      expect(JSON.stringify(resource)).not.toContain('256122901900168');
      expect(resource.meta?.profile).toEqual(['https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient']);
      validateFhir(resource);
    }
  });

  it('names the document checked in FR Core’s reliability extension, and who checked it in the station’s own', () => {
    const resource = patientToFhir(VALIDATED);
    expect(resource.extension?.[0]).toEqual({
      url: 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability',
      extension: [
        {
          url: 'identityStatus',
          valueCoding: { system: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0445', code: 'VALI' },
        },
        { url: 'validationDate', valueDate: '2026-11-23' },
        {
          url: 'validationMode',
          valueCoding: {
            system: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-mode-validation-identity',
            code: 'CN',
          },
        },
      ],
    });
    const child = {
      ...VALIDATED,
      birthDate: '2015-06-01',
      identityDocument: {
        type: 'family_record_book' as const,
        parentDocument: 'passport' as const,
        checkedBy: 'IDE Morvan',
        checkedOn: '2026-11-23',
      },
      typedIns: null,
    };
    const sent = patientToFhir(child);
    expect(sent.extension?.[0]?.extension?.[2]?.valueCoding?.code).toBe('LE');
    expect(sent.extension?.[1]).toEqual({
      url: 'urn:relais:StructureDefinition:identity-document',
      extension: [
        { url: 'checkedBy', valueString: 'IDE Morvan' },
        { url: 'parentDocument', valueCode: 'passport' },
      ],
    });
    const { id: _i, version: _v, createdAt: _c, updatedAt: _u, typedIns: _t, ...identity } = child;
    expect(patientFromFhir(sent)).toEqual(identity);
  });

  it('keeps "birth first names not known" of a provisional identity: the first one is not the list', () => {
    const provisional = {
      ...VALIDATED,
      identityStatus: 'PROV' as const,
      birthFirstNames: '',
      identityDocument: null,
      typedIns: null,
    };
    const sent = patientToFhir(provisional);
    expect(sent.name?.[0]).toMatchObject({
      use: 'official',
      given: ['ANNE'],
      extension: [{ url: 'urn:relais:StructureDefinition:birth-first-names-unknown', valueBoolean: true }],
    });
    validateFhir(sent);
    expect(patientFromFhir(sent).birthFirstNames).toBe('');
  });
});

describe('a qualified Patient taken from the region', () => {
  it('keeps QUAL when a station says INSi gave its INS', () => {
    expect(patientFromFhir(patientToFhir(qualifiedPatient))).toMatchObject({
      identityStatus: 'QUAL',
      ins: qualifiedPatient.ins,
      insRetrieval: qualifiedPatient.insRetrieval,
    });
  });

  it('lowers QUAL to VALI when none does (typed before issue 18), the number kept "to be checked"', () => {
    const typed = patientToFhir(qualifiedPatient);
    typed.extension = typed.extension!.filter((e) => e.url !== 'urn:relais:StructureDefinition:ins-retrieval');
    expect(patientFromFhir(typed)).toMatchObject({
      identityStatus: 'VALI',
      ins: null,
      insRetrieval: null,
      typedIns: qualifiedPatient.ins,
    });
  });
});
