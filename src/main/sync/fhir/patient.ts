// Patient -> FHIR R4 Patient following FR Core: the identity status and the document checked in
// the reliability extension, the strict traits as the official name, the used ones as the usual
// name, the birthplace by its INSEE code, the commune of residence (when known) as the home
// address's INSEE code, and the INS only for a qualified identity (FR Core Patient INS; the INS
// referential forbids sending an INS that was not qualified). A number typed "to be checked" is
// never sent: it is not the patient's INS.
//
// patientFromFhir is the way back, for a change made on the server: the same fields, checked by
// the station's own identity rules (the INS key, the status that allows an INS...). An INS no
// station says it got from INSi (an identity qualified by typing, before issue 18) does not keep
// its status: QUAL comes back VALI and RECUP comes back PROV, the number kept "to be checked".
import type { Patient as FhirPatient } from '@medplum/fhirtypes';
import { checkCoherence } from '../../../shared/patients/ins';
import { InsSchema, RegionIdentitySchema, statusCarriesIns, type Patient } from '../../../shared/patients/patient';
import { documentFromExtensions, reliabilityExtensions, retrievalFromExtensions } from './identity-reliability';
import { FhirMappingError } from './mapping-error';
import { EXTENSION, INS_TYPE, PROFILE, SYSTEM, uuidIdentifier } from './systems';

/** What the region's Patient gives the station's record; a typed number only when its status was lowered. */
export type RegionIdentity = Omit<Patient, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'typedIns'> & {
  typedIns?: Patient['typedIns'];
};

const GENDER = { M: 'male', F: 'female', I: 'other' } as const;

/** The first name as one entry (it may be compound: "JEAN PIERRE"), then the other birth first names. */
function givenNames(patient: Patient): string[] {
  if (!patient.birthFirstNames) return [patient.firstName];
  const others = patient.birthFirstNames.startsWith(patient.firstName)
    ? patient.birthFirstNames.slice(patient.firstName.length)
    : patient.birthFirstNames;
  return [patient.firstName, ...others.split(' ').filter(Boolean)];
}

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
    {
      use: 'official',
      family: patient.birthName,
      given: givenNames(patient),
      // A provisional identity whose birth first names are not known yet: the first one is not the list.
      ...(patient.birthFirstNames
        ? {}
        : { extension: [{ url: EXTENSION.birthFirstNamesUnknown, valueBoolean: true }] }),
    },
  ];
  if (patient.usedName || patient.usedFirstName) {
    name.push({
      use: 'usual',
      family: patient.usedName ?? patient.birthName,
      given: [patient.usedFirstName ?? patient.firstName],
    });
  }
  return {
    resourceType: 'Patient',
    id: patient.id,
    meta: { profile: [sendIns ? PROFILE.patientIns : PROFILE.patient] },
    extension: [
      ...reliabilityExtensions(patient.identityStatus, patient.identityDocument, sendIns ? patient.insRetrieval : null),
      {
        url: EXTENSION.birthPlace,
        valueAddress: { extension: [{ url: EXTENSION.inseeCode, valueCoding: { code: patient.birthplaceCode } }] },
      },
    ],
    identifier,
    name,
    gender: GENDER[patient.sex],
    birthDate: patient.birthDate,
    ...(patient.residenceCode
      ? {
          address: [
            {
              use: 'home' as const,
              extension: [{ url: EXTENSION.inseeCode, valueCoding: { code: patient.residenceCode } }],
            },
          ],
        }
      : {}),
  };
}

const SEX = { male: 'M', female: 'F', other: 'I' } as const;
const OID_OF_SYSTEM = (system: string | undefined) =>
  system?.startsWith('urn:oid:') ? system.slice('urn:oid:'.length) : null;

export function patientFromFhir(resource: FhirPatient): RegionIdentity {
  const problems: string[] = [];
  const official = resource.name?.find((n) => n.use === 'official') ?? resource.name?.[0];
  const usual = resource.name?.find((n) => n.use === 'usual');
  if (!official?.family || !official.given?.length)
    problems.push('the official name (family name and first names at birth) is missing');
  const status = resource.extension
    ?.find((e) => e.url === EXTENSION.identityReliability)
    ?.extension?.find((e) => e.url === 'identityStatus')?.valueCoding?.code;
  if (!status) problems.push('the identity status (fr-core-identity-reliability) is missing');
  const birthplace = resource.extension
    ?.find((e) => e.url === EXTENSION.birthPlace)
    ?.valueAddress?.extension?.find((e) => e.url === EXTENSION.inseeCode)?.valueCoding?.code;
  if (!birthplace) problems.push('the birthplace INSEE code is missing');
  const residence =
    resource.address?.find((a) => a.use === 'home')?.extension?.find((e) => e.url === EXTENSION.inseeCode)?.valueCoding
      ?.code ?? null;
  const gender = resource.gender && resource.gender in SEX ? SEX[resource.gender as keyof typeof SEX] : null;
  if (!gender) problems.push(`the sex "${resource.gender ?? ''}" is not one the identity allows (male, female, other)`);
  const insIdentifier = resource.identifier?.find((i) =>
    Object.values(INS_TYPE).includes(i.type?.coding?.find((c) => c.system === SYSTEM.identifierType)?.code ?? ''),
  );
  if (problems.length > 0) throw new FhirMappingError('Patient', problems);
  const family = official!.family!;
  const given = official!.given!;
  const firstNamesUnknown =
    official!.extension?.some((e) => e.url === EXTENSION.birthFirstNamesUnknown && e.valueBoolean === true) ?? false;
  const parsed = RegionIdentitySchema.safeParse({
    birthName: family,
    firstName: given[0],
    birthFirstNames: firstNamesUnknown ? '' : given.join(' '),
    birthDate: resource.birthDate ?? '',
    sex: gender,
    birthplaceCode: birthplace,
    usedName: usual?.family && usual.family !== family ? usual.family : '',
    usedFirstName: usual?.given?.[0] && usual.given[0] !== given[0] ? usual.given[0] : '',
    identityStatus: status,
    identityDocument: documentFromExtensions(resource.extension),
    residenceCode: residence,
  });
  if (!parsed.success)
    throw new FhirMappingError(
      'Patient',
      parsed.error.issues.map((i) => `${i.path.join('.') || 'identity'}: ${i.message}`),
    );
  const { typedIns: _none, ...identity } = parsed.data;
  const ins = insIdentifier
    ? InsSchema.safeParse({ matricule: insIdentifier.value ?? '', oid: OID_OF_SYSTEM(insIdentifier.system) ?? '' })
    : null;
  if (ins && !ins.success)
    throw new FhirMappingError(
      'Patient',
      ins.error.issues.map((i) => `ins.${i.path.join('.')}: ${i.message}`),
    );
  const insProblem = !statusCarriesIns(identity.identityStatus)
    ? ins
      ? 'ins.not_allowed_for_status'
      : null
    : !ins
      ? 'ins.required_for_status'
      : checkCoherence(ins.data.matricule, identity.sex, identity.birthDate);
  if (insProblem) throw new FhirMappingError('Patient', [`ins.matricule: ${insProblem}`]);
  const retrieval = retrievalFromExtensions(resource.extension);
  if (ins && !retrieval) {
    // No station says INSi gave this INS: it proves nothing here (RNIV volet 1, status matrix).
    return {
      ...identity,
      identityStatus: identity.identityStatus === 'QUAL' ? 'VALI' : 'PROV',
      ins: null,
      insRetrieval: null,
      typedIns: ins.data,
    };
  }
  return { ...identity, ins: ins?.data ?? null, insRetrieval: ins ? retrieval : null };
}
