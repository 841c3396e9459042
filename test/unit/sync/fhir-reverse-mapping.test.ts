// The way back: a change made on the regional server taken into the station's patient or act.
// What the station sends comes back unchanged; a server edit is taken field by field; a resource
// the station's own rules refuse (a wrong INS key, an act moved to another patient) is refused
// with a sentence naming the field, never half taken.
import { describe, expect, it } from 'vitest';
import type { Encounter as FhirEncounter, Patient as FhirPatient } from '@medplum/fhirtypes';
import { contentHash, sameContent } from '../../../src/main/sync/fhir/content-hash';
import { encounterFromFhir, encounterToFhir } from '../../../src/main/sync/fhir/encounter';
import { FhirMappingError } from '../../../src/main/sync/fhir/mapping-error';
import { patientFromFhir, patientToFhir } from '../../../src/main/sync/fhir/patient';
import { finishedEncounter, qualifiedPatient } from './fhir-samples';

const identityOf = ({
  id: _id,
  version: _v,
  createdAt: _c,
  updatedAt: _u,
  typedIns: _t,
  ...identity
}: typeof qualifiedPatient) => identity;

function refusal(work: () => unknown): FhirMappingError {
  try {
    work();
  } catch (error) {
    if (error instanceof FhirMappingError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('patient from FHIR', () => {
  it('gives back exactly the identity that was sent, compound first name included', () => {
    expect(patientFromFhir(patientToFhir(qualifiedPatient))).toEqual(identityOf(qualifiedPatient));
    const compound = {
      ...qualifiedPatient,
      firstName: 'JEAN PIERRE',
      birthFirstNames: 'JEAN PIERRE LOUIS',
      sex: 'M' as const,
      usedName: null,
      identityStatus: 'PROV' as const,
      ins: null,
      insRetrieval: null,
    };
    expect(patientToFhir(compound).name).toEqual([
      { use: 'official', family: 'LE GALL', given: ['JEAN PIERRE', 'LOUIS'] },
    ]);
    expect(patientFromFhir(patientToFhir(compound))).toEqual(identityOf(compound));
    const usedFirstName = { ...qualifiedPatient, usedFirstName: 'ANNIE' };
    expect(patientFromFhir(patientToFhir(usedFirstName))).toEqual(identityOf(usedFirstName));
  });

  it('carries the commune of residence as the home address’s INSEE code, and none when unknown', () => {
    expect(patientToFhir(qualifiedPatient).address).toEqual([
      {
        use: 'home',
        extension: [
          {
            url: 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-address-insee-code',
            valueCoding: { code: '29103' },
          },
        ],
      },
    ]);
    const unknown = { ...qualifiedPatient, residenceCode: null };
    expect(patientToFhir(unknown).address).toBeUndefined();
    expect(patientFromFhir(patientToFhir(unknown)).residenceCode).toBeNull();
    const moved = patientToFhir(qualifiedPatient);
    moved.address![0]!.extension![0]!.valueCoding!.code = '2a004';
    expect(patientFromFhir(moved).residenceCode).toBe('2A004');
  });

  it('takes a used name corrected on the server', () => {
    const resource = patientToFhir(qualifiedPatient);
    resource.name = [resource.name![0]!, { use: 'usual', family: 'KERVELLA', given: ['ANNE'] }];
    expect(patientFromFhir(resource)).toMatchObject({
      birthName: 'LE GALL',
      usedName: 'KERVELLA',
      usedFirstName: null,
    });
  });

  it('refuses an identity the station’s rules refuse, naming the field', () => {
    const wrongKey = patientToFhir(qualifiedPatient);
    wrongKey.identifier![1]!.value = '256122901900169';
    expect(refusal(() => patientFromFhir(wrongKey)).problems.join()).toMatch(/^ins\.matricule: /);

    const noStatus: FhirPatient = { ...patientToFhir(qualifiedPatient), extension: [] };
    const missing = refusal(() => patientFromFhir({ ...noStatus, gender: 'unknown', name: [] }));
    expect(missing.problems).toEqual([
      'the official name (family name and first names at birth) is missing',
      'the identity status (fr-core-identity-reliability) is missing',
      'the birthplace INSEE code is missing',
      'the sex "unknown" is not one the identity allows (male, female, other)',
    ]);
    expect(missing.message).toMatch(/^The regional server's Patient cannot be taken in: /);

    // Qualified on the server, but its INS was removed: QUAL needs one.
    const qualWithoutIns = patientToFhir(qualifiedPatient);
    qualWithoutIns.identifier = qualWithoutIns.identifier!.slice(0, 1);
    expect(refusal(() => patientFromFhir(qualWithoutIns)).problems).toEqual(['ins.matricule: ins.required_for_status']);
  });
});

describe('encounter from FHIR', () => {
  it('gives back exactly the act that was sent, for every status', () => {
    for (const status of ['draft', 'in_progress', 'awaiting_report', 'closed'] as const) {
      const act = { ...finishedEncounter, status, ...(status === 'draft' ? { startedAt: null, endedAt: null } : {}) };
      expect(encounterFromFhir(encounterToFhir(act), act)).toEqual(act);
    }
    const cancelled = { ...finishedEncounter, status: 'closed' as const, startedAt: null, endedAt: null };
    expect(encounterFromFhir(encounterToFhir(cancelled), cancelled)).toEqual(cancelled);
  });

  it('takes the server’s corrections: status, period, expert, reason', () => {
    const resource: FhirEncounter = {
      ...encounterToFhir(finishedEncounter),
      status: 'finished',
      // Another system closed the act without knowing our extension: FHIR's status wins.
      extension: [],
      period: { start: '2026-11-23T09:40:00.000Z', end: '2026-11-23T10:05:00.000Z' },
      reasonCode: [{ text: 'Plaie du talon droit, stade 2' }],
      participant: [
        encounterToFhir(finishedEncounter).participant![0]!,
        {
          type: [{ coding: [{ code: 'CON' }] }],
          individual: {
            display: 'Dr Riou',
            identifier: { system: 'urn:oid:1.2.250.1.71.4.2.1', value: '810009999999' },
          },
        },
      ],
    };
    expect(encounterFromFhir(resource, finishedEncounter)).toEqual({
      ...finishedEncounter,
      status: 'closed',
      startedAt: '2026-11-23T09:40:00.000Z',
      endedAt: '2026-11-23T10:05:00.000Z',
      reason: 'Plaie du talon droit, stade 2',
      expert: { name: 'Dr Riou', role: 'physician', rpps: '10009999999', specialty: null },
    });
  });

  it('keeps the site’s commune when the server has none, takes a corrected one, ignores a malformed one', () => {
    const withCommune = (code: string | undefined): FhirEncounter => ({
      ...encounterToFhir(finishedEncounter),
      extension: encounterToFhir(finishedEncounter)
        .extension!.filter((x) => !x.url.endsWith('act-site-commune'))
        .concat(code ? [{ url: 'urn:relais:StructureDefinition:act-site-commune', valueCode: code }] : []),
    });
    expect(encounterFromFhir(withCommune(undefined), finishedEncounter).siteCommune).toBe('29019');
    expect(encounterFromFhir(withCommune('29232'), finishedEncounter).siteCommune).toBe('29232');
    expect(encounterFromFhir(withCommune('Brest'), finishedEncounter).siteCommune).toBe('29019');
  });

  it('refuses an act moved to another patient, or in a status with no meaning here', () => {
    const moved = { ...encounterToFhir(finishedEncounter), subject: { reference: 'Patient/someone-else' } };
    expect(refusal(() => encounterFromFhir(moved, finishedEncounter)).problems[0]).toMatch(
      /another patient \(Patient\/someone-else\)/,
    );
    const inError = { ...encounterToFhir(finishedEncounter), status: 'entered-in-error' as const, reasonCode: [] };
    expect(refusal(() => encounterFromFhir(inError, finishedEncounter)).problems).toEqual([
      'the status "entered-in-error" has no equivalent here',
      'the reason is missing',
    ]);
  });
});

describe('content hash', () => {
  it('is the same whatever the key order, the server’s meta or its narrative', () => {
    const sent = patientToFhir(qualifiedPatient);
    const fromServer = JSON.parse(
      JSON.stringify({
        text: { status: 'generated', div: '<div/>' },
        ...sent,
        meta: { versionId: '7', lastUpdated: '2026-11-23T10:00:00Z' },
      }),
    ) as FhirPatient;
    const reordered = Object.fromEntries(Object.entries(fromServer).reverse()) as unknown as FhirPatient;
    expect(contentHash(reordered)).toBe(contentHash(sent));
    expect(sameContent(sent, { ...sent, birthDate: '1956-12-04' })).toBe(false);
    expect(sameContent(sent, null)).toBe(false);
  });
});
