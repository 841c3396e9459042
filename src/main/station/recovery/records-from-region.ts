// The patients and acts a restored (or emptied, or older) database lacks, taken back from the
// region: each Patient and Encounter this station wrote that it no longer holds is written here as
// the region holds it, marked as in sync with that version (no outbox row: it came from there).
// Records it still holds are left to the regular pull, which resumes from the database's own
// cursor (older than the backup), and takes the region's newer versions. What the station's rules
// refuse (an INS already another patient's here, an act whose patient is gone) is counted and said.
import type { Encounter as FhirEncounter, Patient as FhirPatient } from '@medplum/fhirtypes';
import type { Encounter, Professional } from '../../../shared/acts/encounter';
import type { Db } from '../../platform/database/connection';
import type { EncounterRepository } from '../../acts';
import type { PatientRepository } from '../../patients';
import type { SyncRepository } from '../../sync';
import { encounterFromFhir } from '../../sync';
import { FhirMappingError } from '../../sync';
import { patientFromFhir } from '../../sync';
import { SYSTEM } from '../../sync';

export interface RecordsTaken {
  patients: number;
  encounters: number;
  /** Why some could not be taken back, one sentence each. */
  refused: string[];
}

interface Deps {
  db: Db;
  patients: PatientRepository;
  encounters: EncounterRepository;
  sync: SyncRepository;
  now: () => Date;
}

type Versioned<T> = T & { id: string; meta: { versionId?: string; lastUpdated: string } };

/** The requester as the region holds her: FHIR's participant carries no role, so "other" unless she was the expert too. */
function requesterOf(resource: FhirEncounter): Professional {
  const ref = resource.participant?.find((p) =>
    p.type?.some((t) => t.coding?.some((c) => c.system === SYSTEM.participationType && c.code === 'REF')),
  );
  const idNatPs = ref?.individual?.identifier?.system === SYSTEM.idNatPs ? ref.individual.identifier.value : undefined;
  const rpps = idNatPs && /^8\d{11}$/.test(idNatPs) ? idNatPs.slice(1) : null;
  return {
    name: ref?.individual?.display?.trim() || 'unknown (from the region)',
    role: 'other',
    rpps,
    specialty: null,
  };
}

export function takeMissingRecords(
  deps: Deps,
  found: { patients: Versioned<FhirPatient>[]; encounters: Versioned<FhirEncounter>[] },
): RecordsTaken {
  const at = deps.now().toISOString();
  const taken: RecordsTaken = { patients: 0, encounters: 0, refused: [] };
  const refuse = (what: string, error: unknown) => {
    if (!(error instanceof FhirMappingError)) throw error;
    taken.refused.push(`${what}: ${error.message}`);
  };
  for (const resource of found.patients) {
    if (deps.patients.get(resource.id)) continue;
    try {
      deps.db.transaction(() => {
        const identity = patientFromFhir(resource);
        const holder = identity.ins ? deps.patients.findByIns(identity.ins.matricule, identity.ins.oid) : null;
        if (holder) throw new FhirMappingError('Patient', [`its INS is already another patient's here (${holder.id})`]);
        const patient = {
          id: resource.id,
          version: 1,
          typedIns: null,
          ...identity,
          createdAt: resource.meta.lastUpdated,
          updatedAt: resource.meta.lastUpdated,
        };
        deps.patients.insert(patient, { operation: 'region', by: 'regional server' });
        deps.sync.pushed('patient', resource.id, 1, 'Patient', resource.meta.versionId ?? null, at);
      })();
      taken.patients++;
    } catch (error) {
      refuse(`Patient/${resource.id}`, error);
    }
  }
  for (const resource of found.encounters) {
    if (deps.encounters.get(resource.id)) continue;
    try {
      deps.db.transaction(() => {
        const patientId = /^Patient\/(.+)$/.exec(resource.subject?.reference ?? '')?.[1];
        if (!patientId || !deps.patients.get(patientId))
          throw new FhirMappingError('Encounter', [
            `its patient (${resource.subject?.reference ?? 'none'}) is not on this station`,
          ]);
        const blank: Encounter = {
          id: resource.id,
          version: 1,
          patientId,
          act: 'teleconsultation',
          assisted: false,
          requester: requesterOf(resource),
          expert: null,
          site: '',
          siteCommune: null,
          specialty: null,
          reason: '',
          callId: null,
          status: 'draft',
          startedAt: null,
          endedAt: null,
          createdAt: resource.meta.lastUpdated,
          updatedAt: resource.meta.lastUpdated,
        };
        deps.encounters.insert(encounterFromFhir(resource, blank));
        deps.sync.pushed('encounter', resource.id, 1, 'Encounter', resource.meta.versionId ?? null, at);
      })();
      taken.encounters++;
    } catch (error) {
      refuse(`Encounter/${resource.id}`, error);
    }
  }
  return taken;
}
