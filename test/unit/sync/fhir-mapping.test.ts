// The FHIR R4 mapping of the station's records, against fixtures reviewed by hand (FR Core
// Patient/Patient INS, Encounter class VR, vital-signs Observation, Consent), each also checked
// by the R4 validator; and a broken resource refused with a sentence naming what is wrong.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { consentToFhir } from '../../../src/main/sync/fhir/consent';
import { encounterToFhir } from '../../../src/main/sync/fhir/encounter';
import { observationToFhir } from '../../../src/main/sync/fhir/observation';
import { patientToFhir } from '../../../src/main/sync/fhir/patient';
import { FhirValidationError, validateFhir } from '../../../src/main/sync/fhir/validate';
import { bloodPressure, consentToAct, finishedEncounter, qualifiedPatient } from './fhir-samples';

const fixture = (name: string) => JSON.parse(fs.readFileSync(path.resolve('test/fixtures/fhir', `${name}.json`), 'utf8')) as unknown;

describe('FHIR mapping', () => {
  it('maps a qualified patient to FR Core Patient INS, with the INS slice and the identity status', () => {
    const resource = patientToFhir(qualifiedPatient);
    expect(resource).toEqual(fixture('patient-qualified'));
    expect(validateFhir(resource)).toBe(resource);
  });

  it('never sends the INS of an identity that is not qualified', () => {
    for (const identityStatus of ['RECUP', 'VALI', 'PROV'] as const) {
      const resource = patientToFhir({ ...qualifiedPatient, identityStatus, ins: identityStatus === 'RECUP' ? qualifiedPatient.ins : null });
      expect(resource.identifier?.map((i) => i.system)).toEqual(['urn:ietf:rfc:3986']);
      expect(resource.meta?.profile).toEqual(['https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient']);
      expect(resource.extension?.[0]?.extension?.[0]?.valueCoding?.code).toBe(identityStatus);
      validateFhir(resource);
    }
    // Without used traits, a single official name; "I" (indeterminate) is "other".
    const plain = patientToFhir({ ...qualifiedPatient, usedName: null, sex: 'I' });
    expect(plain.name).toEqual([{ use: 'official', family: 'LE GALL', given: ['ANNE', 'MARIE'] }]);
    expect(plain.gender).toBe('other');
  });

  it('maps an act to Encounter class VR with its participants, period and status', () => {
    const resource = encounterToFhir(finishedEncounter);
    expect(resource).toEqual(fixture('encounter-teleconsultation-assisted'));
    validateFhir(resource);
    const draft = encounterToFhir({ ...finishedEncounter, status: 'draft', startedAt: null, endedAt: null, expert: null });
    expect(draft).toMatchObject({ status: 'planned', participant: [{ individual: { display: 'IDE Morvan' } }] });
    expect(draft.period).toBeUndefined();
    expect(encounterToFhir({ ...finishedEncounter, status: 'closed', startedAt: null, endedAt: null }).status).toBe('cancelled');
    expect(encounterToFhir({ ...finishedEncounter, status: 'in_progress', endedAt: null })).toMatchObject({ status: 'in-progress', period: { start: '2026-11-23T09:42:00.000Z' } });
  });

  it('maps vital signs to the vital-signs profile with LOINC and UCUM', () => {
    const resource = observationToFhir(bloodPressure, finishedEncounter);
    expect(resource).toEqual(fixture('observation-blood-pressure'));
    validateFhir(resource);
    const spo2 = observationToFhir({ ...bloodPressure, vital: { code: 'spo2', value: 96, unit: '%' }, method: 'device', device: 'CMS50D+' }, finishedEncounter);
    expect(spo2).toMatchObject({ code: { coding: [{ system: 'http://loinc.org', code: '59408-5' }] }, valueQuantity: { value: 96, unit: '%', system: 'http://unitsofmeasure.org', code: '%' }, device: { display: 'CMS50D+' } });
    expect(spo2.component).toBeUndefined();
    validateFhir(spo2);
    const temperature = observationToFhir({ ...bloodPressure, vital: { code: 'body_temperature', value: 38.4, unit: 'Cel' } }, finishedEncounter);
    expect(temperature.code.coding?.[0]?.code).toBe('8310-5');
  });

  it('maps consent to the act as permit, and a refusal to share images as deny', () => {
    const resource = consentToFhir(consentToAct, finishedEncounter);
    expect(resource).toEqual(fixture('consent-act-given'));
    validateFhir(resource);
    const refused = consentToFhir({ ...consentToAct, scope: 'image_sharing', decision: 'refused' }, finishedEncounter);
    expect(refused).toMatchObject({ scope: { coding: [{ code: 'patient-privacy' }] }, provision: { type: 'deny', action: [{ coding: [{ code: 'disclose' }] }] } });
    validateFhir(refused);
  });

  it('refuses a resource that is not valid R4, saying what and where', () => {
    const broken = { ...patientToFhir(qualifiedPatient), birthDate: '03/12/1956', gender: undefined, favouriteColour: 'blue' };
    let error: unknown;
    try {
      validateFhir(broken as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FhirValidationError);
    expect((error as FhirValidationError).message).toMatch(/^The Patient to send is not valid FHIR R4: /);
    expect((error as FhirValidationError).problems.join('\n')).toMatch(/Patient\.birthDate/);
    expect((error as FhirValidationError).problems.join('\n')).toMatch(/favouriteColour/);
    // A Consent without a policy breaks an R4 invariant (ppc-1).
    const noPolicy = { ...consentToFhir(consentToAct, finishedEncounter), policyRule: undefined };
    expect(() => validateFhir(noPolicy as never)).toThrow(FhirValidationError);
  });
});
