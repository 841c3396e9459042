// Patient -> FHIR R4 Patient following FR Core: the identity status in the reliability extension,
// the strict traits as the official name, the used ones as the usual name, the birthplace by its
// INSEE code, and the INS only for a qualified identity (FR Core Patient INS; the INS referential
// forbids sending an INS that was not qualified).
import type { Patient as FhirPatient } from '@medplum/fhirtypes';
import type { Patient } from '../../../shared/patient';
import { EXTENSION, INS_TYPE, PROFILE, SYSTEM, uuidIdentifier } from './systems';

const GENDER = { M: 'male', F: 'female', I: 'other' } as const;

export function patientToFhir(patient: Patient): FhirPatient {
  const sendIns = patient.identityStatus === 'QUAL' && patient.ins !== null;
  const identifier: NonNullable<FhirPatient['identifier']> = [uuidIdentifier(patient.id)];
  if (sendIns && patient.ins) {
    identifier.push({
      use: 'official',
      type: { coding: [{ system: SYSTEM.identifierType, code: INS_TYPE[patient.ins.oid] ?? 'INS-NIR' }] },
      system: `urn:oid:${patient.ins.oid}`,
      value: patient.ins.matricule,
    });
  }
  const name: NonNullable<FhirPatient['name']> = [
    { use: 'official', family: patient.birthName, given: patient.birthFirstNames.split(' ').filter(Boolean) },
  ];
  if (patient.usedName || patient.usedFirstName) {
    name.push({ use: 'usual', family: patient.usedName ?? patient.birthName, given: [patient.usedFirstName ?? patient.firstName] });
  }
  return {
    resourceType: 'Patient',
    id: patient.id,
    meta: { profile: [sendIns ? PROFILE.patientIns : PROFILE.patient] },
    extension: [
      { url: EXTENSION.identityReliability, extension: [{ url: 'identityStatus', valueCoding: { system: SYSTEM.identityStatus, code: patient.identityStatus } }] },
      { url: EXTENSION.birthPlace, valueAddress: { extension: [{ url: EXTENSION.inseeCode, valueCoding: { code: patient.birthplaceCode } }] } },
    ],
    identifier,
    name,
    gender: GENDER[patient.sex],
    birthDate: patient.birthDate,
  };
}
