// Takes a version from the regional server into the station's record: the patient's identity
// or the act's fields, written as a new local version in one transaction with the server's
// version id, and no outbox row (it came from there). What the station's rules refuse
// throws FhirMappingError, and nothing is written.
import type { Encounter as FhirEncounter, Patient as FhirPatient, Resource } from '@medplum/fhirtypes';
import type { EncounterRepository } from '../acts';
import type { PatientRepository } from '../patients';
import type { SyncRepository } from './sync-repository';
import { encounterFromFhir } from './fhir/encounter';
import { FhirMappingError } from './fhir/mapping-error';
import { patientFromFhir } from './fhir/patient';

export interface ServerVersionDeps {
  sync: SyncRepository;
  patients: PatientRepository;
  encounters: EncounterRepository;
  now: () => Date;
  inTransaction: <T>(work: () => T) => T;
  /** A record changed here because of the server: the screens showing it refresh. */
  onChanged: (entity: string, id: string) => void;
}

/** The records whose server version can be taken in; the others are measurements and consents as recorded here. */
export const TAKEN_FROM_SERVER = ['patient', 'encounter'] as const;

export function createServerVersionTaker(deps: ServerVersionDeps) {
  const at = () => deps.now().toISOString();

  function takePatient(resource: FhirPatient, versionId: string | null): void {
    const identity = patientFromFhir(resource);
    deps.inTransaction(() => {
      const current = deps.patients.get(resource.id!);
      if (!current) throw new FhirMappingError('Patient', ['the patient is no longer on this station']);
      if (identity.ins) {
        const holder = deps.patients.findByIns(identity.ins.matricule, identity.ins.oid);
        if (holder && holder.id !== current.id)
          throw new FhirMappingError('Patient', [
            `its INS is already another patient's here (${holder.id}): a possible duplicate for the identity team`,
          ]);
      }
      const next = { ...current, ...identity, version: current.version + 1, updatedAt: at() };
      deps.patients.replace(next, current, at(), { operation: 'region', by: 'regional server' });
      deps.sync.pushed('patient', current.id, next.version, 'Patient', versionId, at());
      deps.sync.clearInboundError('patient', current.id);
    });
    deps.onChanged('patient', resource.id!);
  }

  function takeEncounter(resource: FhirEncounter, versionId: string | null): void {
    deps.inTransaction(() => {
      const current = deps.encounters.get(resource.id!);
      if (!current) throw new FhirMappingError('Encounter', ['the act is no longer on this station']);
      const next = { ...encounterFromFhir(resource, current), version: current.version + 1, updatedAt: at() };
      if (!deps.encounters.update(next, current.version))
        throw new FhirMappingError('Encounter', ['the act changed here meanwhile']);
      deps.sync.pushed('encounter', current.id, next.version, 'Encounter', versionId, at());
      deps.sync.clearInboundError('encounter', current.id);
    });
    deps.onChanged('encounter', resource.id!);
  }

  return {
    /** Writes the server's version over the station's record (patients and acts only). */
    take(entity: string, resource: Resource, versionId: string | null): void {
      if (entity === 'patient' && resource.resourceType === 'Patient') return takePatient(resource, versionId);
      if (entity === 'encounter' && resource.resourceType === 'Encounter') return takeEncounter(resource, versionId);
      throw new FhirMappingError(resource.resourceType, [
        `a ${entity} is not taken from the server: the station keeps what it recorded`,
      ]);
    },
  };
}
export type ServerVersionTaker = ReturnType<typeof createServerVersionTaker>;
