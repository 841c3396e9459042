// The patient registry: create, edit, find, with identitovigilance rules that need the store or a
// clock (RNIV volet 1; ANS, Guide d'implémentation de l'identité INS dans les logiciels): RECUP and
// QUAL only after an INSi answer (insi-service.ts), the strict traits INSi gave locked, every
// change in the identity's history.
import { randomUUID } from 'node:crypto';
import { statusCarriesIns, type Identity, type Patient, type PatientSearch } from '../../shared/patients/patient';
import { changedStrictTrait, statusChangeProblem, type HeldIns } from '../../shared/patients/identity-status';
import { datesWithinOneTypo, possibleDuplicateOf } from '../../shared/patients/identity-match';
import { normalizeMatricule } from '../../shared/patients/ins';
import { searchKey } from '../../shared/names';
import { AppFailure, fieldFailure } from '../contract/failure';
import type { Db } from '../platform/database/connection';
import type { OutboxRepository } from '../platform/database/outbox-repository';
import type { PatientRepository } from './patient-repository';

export interface PatientServiceDeps {
  db: Db;
  patients: PatientRepository;
  outbox: OutboxRepository;
  now: () => Date;
  /** The person at the station, as the identity's history names her. */
  who: () => string;
  onChanged: (id: string) => void;
}

export type CreateOutcome =
  { status: 'created'; patient: Patient } | { status: 'possible_duplicates'; candidates: Patient[] };

export function createPatientService({ db, patients, outbox, now, who, onChanged }: PatientServiceDeps) {
  function checkNotInFuture(identity: Identity): void {
    const today = now().toISOString().slice(0, 10);
    if (identity.birthDate > today) throw fieldFailure('identity.birthDate', 'date.in_future');
    // The day the page gives is the station's local day, up to a day ahead of UTC in France and
    // overseas (Paris after midnight, La Réunion, Nouméa): "in the future" is past that.
    const latestLocalDay = new Date(now().getTime() + 86_400_000).toISOString().slice(0, 10);
    if (identity.identityDocument && identity.identityDocument.checkedOn > latestLocalDay) {
      throw fieldFailure('identity.identityDocument.checkedOn', 'date.in_future');
    }
  }

  function checkStatus(held: HeldIns | null, identity: Identity): void {
    const problem = statusChangeProblem(held, identity);
    if (problem) throw fieldFailure(`identity.${problem.path}`, problem.code);
  }

  function duplicateCandidates(identity: Identity): Patient[] {
    return patients
      .duplicatePool(datesWithinOneTypo(identity.birthDate), identity.sex)
      .filter(possibleDuplicateOf(identity));
  }

  return {
    create(identity: Identity, notDuplicateOf: readonly string[]): CreateOutcome {
      checkNotInFuture(identity);
      checkStatus(null, identity);
      // Read and write in one immediate transaction: the duplicate check sees what the other carts wrote.
      const outcome = db
        .transaction((): CreateOutcome => {
          const acknowledged = new Set(notDuplicateOf);
          const candidates = duplicateCandidates(identity).filter((p) => !acknowledged.has(p.id));
          if (candidates.length > 0) return { status: 'possible_duplicates', candidates };
          const at = now().toISOString();
          const patient: Patient = {
            id: randomUUID(),
            version: 1,
            ...identity,
            ins: null,
            insRetrieval: null,
            createdAt: at,
            updatedAt: at,
          };
          patients.insert(patient, { operation: 'created', by: who() });
          outbox.enqueue('patient', patient.id, patient.version, 'create', at);
          return { status: 'created', patient };
        })
        .immediate();
      if (outcome.status === 'created') onChanged(outcome.patient.id);
      return outcome;
    },

    update(id: string, version: number, identity: Identity): Patient {
      checkNotInFuture(identity);
      const updated = db
        .transaction((): Patient => {
          const current = patients.get(id);
          if (!current) throw new AppFailure('not_found', `No patient ${id}`);
          if (current.version !== version) {
            throw new AppFailure(
              'stale_version',
              'This patient was changed elsewhere since you opened it. Reload it and redo your change.',
            );
          }
          checkStatus(current, identity);
          // Traits INSi gave are not edited by hand: a correction goes through a new INSi call.
          const locked = current.ins ? changedStrictTrait(current, identity) : null;
          if (locked) throw fieldFailure(`identity.${locked}`, 'identity.strict_trait_locked');
          const at = now().toISOString();
          // A status lowered below RECUP lets the INS go (its history keeps it): only INSi gives it back.
          const keepsIns = statusCarriesIns(identity.identityStatus);
          const next: Patient = {
            ...current,
            ...identity,
            ins: keepsIns ? current.ins : null,
            insRetrieval: keepsIns ? current.insRetrieval : null,
            version: current.version + 1,
            updatedAt: at,
          };
          patients.replace(next, current, at, { operation: 'edited', by: who() });
          outbox.enqueue('patient', id, next.version, 'update', at);
          return next;
        })
        .immediate();
      onChanged(id);
      return updated;
    },

    history(id: string) {
      if (!patients.get(id)) throw new AppFailure('not_found', `No patient ${id}`);
      return patients.history(id);
    },

    get(id: string): Patient {
      const patient = patients.get(id);
      if (!patient) throw new AppFailure('not_found', `No patient ${id}`);
      return patient;
    },

    search(query: PatientSearch & { limit: number }): Patient[] {
      const nameTokens = (query.name ?? '')
        .split(/[\s,]+/)
        .map(searchKey)
        .filter(Boolean);
      const ins = query.insMatricule ? normalizeMatricule(query.insMatricule) : '';
      return patients.search({
        nameTokens,
        birthDate: query.birthDate,
        insPrefix: ins || undefined,
        limit: query.limit,
      });
    },

    count(): number {
      return patients.count();
    },
  };
}

export type PatientService = ReturnType<typeof createPatientService>;
