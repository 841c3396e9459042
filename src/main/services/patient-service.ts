// The patient registry: create, edit, find, with identitovigilance rules that need the store or a clock.
import { randomUUID } from 'node:crypto';
import type { Identity, Patient, PatientSearch } from '../../shared/patient';
import { isPossibleDuplicate } from '../../shared/identity-match';
import { normalizeMatricule } from '../../shared/ins';
import { searchKey } from '../../shared/names';
import { AppFailure, fieldFailure } from '../contract/failure';
import type { Db } from '../db/connection';
import type { OutboxRepository } from '../db/outbox-repository';
import type { PatientRepository } from '../db/patient-repository';

export interface PatientServiceDeps {
  db: Db;
  patients: PatientRepository;
  outbox: OutboxRepository;
  now: () => Date;
  onChanged: (id: string) => void;
}

export type CreateOutcome =
  | { status: 'created'; patient: Patient }
  | { status: 'possible_duplicates'; candidates: Patient[] };

const STRICT_TRAITS = ['birthName', 'firstName', 'birthFirstNames', 'birthDate', 'sex', 'birthplaceCode'] as const;

export function createPatientService({ db, patients, outbox, now, onChanged }: PatientServiceDeps) {
  function checkNotInFuture(identity: Identity, prefix: string): void {
    const today = now().toISOString().slice(0, 10);
    if (identity.birthDate > today) throw fieldFailure(`${prefix}.birthDate`, 'date.in_future');
  }

  function checkInsUnused(identity: Identity, prefix: string, ownId?: string): void {
    if (!identity.ins) return;
    const holder = patients.findByIns(identity.ins.matricule, identity.ins.oid);
    if (holder && holder.id !== ownId) {
      throw fieldFailure(`${prefix}.ins.matricule`, 'ins.already_used', { patientId: holder.id });
    }
  }

  function duplicateCandidates(identity: Identity): Patient[] {
    return patients.duplicatePool(identity.birthDate, searchKey(identity.birthName)).filter((p) => isPossibleDuplicate(identity, p));
  }

  return {
    create(identity: Identity, notDuplicateOf: readonly string[]): CreateOutcome {
      checkNotInFuture(identity, 'identity');
      // Read and write in one immediate transaction: two carts cannot create the same INS at once.
      const outcome = db.transaction((): CreateOutcome => {
        checkInsUnused(identity, 'identity');
        const acknowledged = new Set(notDuplicateOf);
        const candidates = duplicateCandidates(identity).filter((p) => !acknowledged.has(p.id));
        if (candidates.length > 0) return { status: 'possible_duplicates', candidates };
        const at = now().toISOString();
        const patient: Patient = { id: randomUUID(), version: 1, ...identity, createdAt: at, updatedAt: at };
        patients.insert(patient);
        outbox.enqueue('patient', patient.id, patient.version, 'create', at);
        return { status: 'created', patient };
      }).immediate();
      if (outcome.status === 'created') onChanged(outcome.patient.id);
      return outcome;
    },

    update(id: string, version: number, identity: Identity): Patient {
      checkNotInFuture(identity, 'identity');
      const updated = db.transaction((): Patient => {
        const current = patients.get(id);
        if (!current) throw new AppFailure('not_found', `No patient ${id}`);
        if (current.version !== version) {
          throw new AppFailure('stale_version', 'This patient was changed elsewhere since you opened it. Reload it and redo your change.');
        }
        // Traits that came from the INSi teleservice are not edited by hand: downgrade the status first.
        if (current.ins && identity.ins && STRICT_TRAITS.some((t) => current[t] !== identity[t])) {
          const changed = STRICT_TRAITS.find((t) => current[t] !== identity[t])!;
          throw fieldFailure(`identity.${changed}`, 'identity.strict_trait_locked');
        }
        checkInsUnused(identity, 'identity', id);
        const at = now().toISOString();
        const next: Patient = { ...current, ...identity, version: current.version + 1, updatedAt: at };
        patients.replace(next, current, at);
        outbox.enqueue('patient', id, next.version, 'update', at);
        return next;
      }).immediate();
      onChanged(id);
      return updated;
    },

    get(id: string): Patient {
      const patient = patients.get(id);
      if (!patient) throw new AppFailure('not_found', `No patient ${id}`);
      return patient;
    },

    search(query: PatientSearch & { limit: number }): Patient[] {
      const nameTokens = (query.name ?? '').split(/[\s,]+/).map(searchKey).filter(Boolean);
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
