// The FR Core constraints the station's resources must meet beyond base R4, checked by hand
// because the FR Core package (its StructureDefinitions) cannot be fetched on the build machines:
// what each profile the station claims (meta.profile) requires, and the French identifiers
// (INS, IdNatPS) wherever they appear. Each problem is one sentence naming the element.
import type { Encounter, Identifier, Patient, Practitioner, Resource } from '@medplum/fhirtypes';
import { checkMatricule, INS_OIDS } from '../../../shared/patients/ins';
import { EXTENSION, INS_TYPE, PROFILE, SYSTEM } from './systems';

const IDENTITY_STATUSES = ['PROV', 'VALI', 'RECUP', 'QUAL'];
const INS_SYSTEMS = INS_OIDS.map((oid) => `urn:oid:${oid}`);

function typeCode(identifier: Identifier): string | undefined {
  return identifier.type?.coding?.find((c) => c.system === SYSTEM.identifierType)?.code;
}

function patientRules(p: Patient, problems: string[]): void {
  const profiles = p.meta?.profile ?? [];
  const reliability = p.extension?.filter((e) => e.url === EXTENSION.identityReliability) ?? [];
  const status = reliability[0]?.extension?.find((e) => e.url === 'identityStatus')?.valueCoding;
  if (reliability.length !== 1 || !status?.code)
    problems.push('Patient.extension: FR Core asks for one identity reliability extension with its identityStatus');
  else if (!IDENTITY_STATUSES.includes(status.code) || status.system !== SYSTEM.identityStatus) {
    problems.push(
      `Patient.extension.identityStatus: "${status.code}" is not an identity status of ${SYSTEM.identityStatus}`,
    );
  }
  const ins = (p.identifier ?? []).filter((i) => Object.values(INS_TYPE).includes(typeCode(i) ?? ''));
  for (const i of ins) {
    const oid = i.system && INS_SYSTEMS.includes(i.system) ? i.system.slice('urn:oid:'.length) : null;
    if (!oid) problems.push(`Patient.identifier (INS): the system ${i.system ?? '(none)'} is not an INS OID`);
    else if (INS_TYPE[oid] !== typeCode(i))
      problems.push(`Patient.identifier (INS): type ${typeCode(i)} does not match the OID ${oid}`);
    const problem = checkMatricule(i.value ?? '');
    if (problem) problems.push(`Patient.identifier (INS): the matricule is not valid (${problem})`);
  }
  if (profiles.includes(PROFILE.patientIns)) {
    if (ins.length !== 1)
      problems.push(`Patient.identifier: FR Core Patient INS asks for exactly one INS, not ${ins.length}`);
    if (status?.code !== 'QUAL') problems.push('Patient: an INS is sent only for a qualified identity (QUAL)');
    const official = p.name?.find((n) => n.use === 'official');
    if (!official?.family || !official.given?.length)
      problems.push('Patient.name: FR Core Patient INS asks for the official name (birth name and first names)');
    if (!p.birthDate) problems.push('Patient.birthDate: required with an INS');
    if (!p.gender) problems.push('Patient.gender: required with an INS');
  } else if (ins.length > 0) {
    problems.push('Patient.identifier: an INS is only sent under the FR Core Patient INS profile');
  }
}

function idNatPsRules(resource: Resource, problems: string[]): void {
  const visit = (value: unknown, where: string): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => visit(v, `${where}[${i}]`));
    if (!value || typeof value !== 'object') return;
    const identifier = value as Identifier;
    // A professional's IdNatPS: 8 + RPPS (11 digits), or 0 + ADELI (9 digits) for those without an RPPS yet.
    if (identifier.system === SYSTEM.idNatPs && !/^(8\d{11}|0\d{9})$/.test(identifier.value ?? '')) {
      problems.push(
        `${where}: "${identifier.value ?? ''}" is not an IdNatPS (8 and the 11 digits of the RPPS, or 0 and the 9 of ADELI)`,
      );
    }
    for (const [key, child] of Object.entries(value)) visit(child, `${where}.${key}`);
  };
  visit(resource, resource.resourceType);
}

function practitionerRules(p: Practitioner, problems: string[]): void {
  const idnps = (p.identifier ?? []).filter((i) => typeCode(i) === 'IDNPS');
  if (idnps.length !== 1 || idnps[0]!.system !== SYSTEM.idNatPs)
    problems.push('Practitioner.identifier: FR Core asks for one IdNatPS (type IDNPS, system 1.2.250.1.71.4.2.1)');
}

function encounterRules(e: Encounter, problems: string[]): void {
  if (e.class.system !== SYSTEM.actCode || e.class.code !== 'VR')
    problems.push('Encounter.class: a telemedicine act is of class VR (virtual) in v3-ActCode');
  if (!e.subject?.reference?.startsWith('Patient/')) problems.push('Encounter.subject: the act names its patient');
}

/** The FR Core problems of a resource; empty when it meets the rules the station knows. */
export function frCoreProblems(resource: Resource): string[] {
  const problems: string[] = [];
  idNatPsRules(resource, problems);
  if (resource.resourceType === 'Patient') patientRules(resource, problems);
  if (resource.resourceType === 'Practitioner' && resource.meta?.profile?.includes(PROFILE.practitioner))
    practitionerRules(resource, problems);
  if (resource.resourceType === 'Encounter') encounterRules(resource, problems);
  return problems.map((p) => `FR Core: ${p}`);
}
