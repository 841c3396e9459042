// The FR Core rules checked before sending, beyond base R4: what Patient INS requires, INS and
// IdNatPS identifiers well formed wherever they are, the act of class VR. The station's own
// mappings meet them; each broken resource is refused with the element named.
import { describe, expect, it } from 'vitest';
import type { Encounter, Patient } from '@medplum/fhirtypes';
import { encounterToFhir } from '../../../src/main/sync/fhir/encounter';
import { frCoreProblems } from '../../../src/main/sync/fhir/fr-core-rules';
import { patientToFhir } from '../../../src/main/sync/fhir/patient';
import { practitionerToFhir } from '../../../src/main/sync/fhir/practitioner';
import { reportToDocumentReference } from '../../../src/main/sync/fhir/report';
import { serviceRequestToFhir } from '../../../src/main/sync/fhir/service-request';
import { FhirValidationError, validateFhir } from '../../../src/main/sync/fhir/validate';
import { expertiseRequest, finishedEncounter, qualifiedPatient, signedReport, signedReportPdf } from './fhir-samples';

describe('FR Core rules', () => {
  it('are met by every resource the station makes', () => {
    expect(frCoreProblems(patientToFhir(qualifiedPatient))).toEqual([]);
    expect(frCoreProblems(patientToFhir({ ...qualifiedPatient, identityStatus: 'PROV', ins: null }))).toEqual([]);
    expect(frCoreProblems(encounterToFhir(finishedEncounter))).toEqual([]);
    expect(frCoreProblems(serviceRequestToFhir(expertiseRequest))).toEqual([]);
    expect(
      frCoreProblems(
        reportToDocumentReference(signedReport, finishedEncounter, { pdf: signedReportPdf, superseded: false }),
      ),
    ).toEqual([]);
    expect(frCoreProblems(practitionerToFhir(signedReport.author)!)).toEqual([]);
  });

  it('refuse a Patient INS without its INS, with a wrong key, or for an identity not qualified', () => {
    const noIns: Patient = {
      ...patientToFhir(qualifiedPatient),
      identifier: patientToFhir(qualifiedPatient).identifier!.slice(0, 1),
    };
    expect(frCoreProblems(noIns)).toEqual([
      'FR Core: Patient.identifier: FR Core Patient INS asks for exactly one INS, not 0',
    ]);
    const wrongKey = patientToFhir(qualifiedPatient);
    wrongKey.identifier![1]!.value = '256122901900169';
    expect(frCoreProblems(wrongKey)).toEqual([
      'FR Core: Patient.identifier (INS): the matricule is not valid (ins.key_mismatch)',
    ]);
    const wrongOid = patientToFhir(qualifiedPatient);
    wrongOid.identifier![1]!.system = 'urn:oid:1.2.250.1.213.1.4.9';
    expect(frCoreProblems(wrongOid)).toEqual([
      'FR Core: Patient.identifier (INS): type INS-NIR does not match the OID 1.2.250.1.213.1.4.9',
    ]);
    const provisional = patientToFhir(qualifiedPatient);
    provisional.extension![0]!.extension![0]!.valueCoding!.code = 'PROV';
    expect(frCoreProblems(provisional)).toEqual([
      'FR Core: Patient: an INS is sent only for a qualified identity (QUAL)',
    ]);
    const insWithoutProfile: Patient = {
      ...patientToFhir(qualifiedPatient),
      meta: { profile: ['https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient'] },
    };
    expect(frCoreProblems(insWithoutProfile)).toEqual([
      'FR Core: Patient.identifier: an INS is only sent under the FR Core Patient INS profile',
    ]);
    expect(frCoreProblems({ ...patientToFhir(qualifiedPatient), extension: [] })).toContain(
      'FR Core: Patient.extension: FR Core asks for one identity reliability extension with its identityStatus',
    );
  });

  it('refuse a professional identifier that is not an IdNatPS, wherever it is', () => {
    const request = serviceRequestToFhir(expertiseRequest);
    request.performer![0]!.identifier!.value = '10003456789'; // the RPPS without the 8
    expect(frCoreProblems(request)).toEqual([
      'FR Core: ServiceRequest.performer[0].identifier: "10003456789" is not an IdNatPS (8 and the 11 digits of the RPPS, or 0 and the 9 of ADELI)',
    ]);
  });

  it('refuse an act that is not virtual, and say so through the validator before sending', () => {
    const inPerson: Encounter = {
      ...encounterToFhir(finishedEncounter),
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
    };
    let error: unknown;
    try {
      validateFhir(inPerson);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FhirValidationError);
    expect((error as FhirValidationError).problems).toEqual([
      'FR Core: Encounter.class: a telemedicine act is of class VR (virtual) in v3-ActCode',
    ]);
  });
});
