// "Récupérer l'INS" and "Vérifier l'INS": asks the INSi teleservice (through the site's gateway)
// for a patient's INS, keeps its answer here, and takes it into the record only when a person
// accepts it: INSi's traits replace the typed ones, its INS is recorded, and the status becomes
// RECUP, or QUAL when the identity was checked on a high-trust document bearing those very traits
// (RNIV volet 1, status matrix; ANS, Guide d'implémentation de l'identité INS dans les logiciels).
import { randomUUID } from 'node:crypto';
import type { InsiIdentity, InsiOutcome } from '../../shared/patients/insi';
import { INSI_TRAITS } from '../../shared/patients/insi';
import { statusAfterInsi } from '../../shared/patients/identity-status';
import type { InsRetrieval, Patient } from '../../shared/patients/patient';
import { AppFailure, fieldFailure } from '../contract/failure';
import type { Db } from '../platform/database/connection';
import type { OutboxRepository } from '../platform/database/outbox-repository';
import type { PatientRepository } from './patient-repository';
import { InsiGatewayError, type InsiClient, type InsiOperator, type InsiTraits } from './insi/insi-client';

export interface InsiServiceDeps {
  db: Db;
  patients: PatientRepository;
  outbox: OutboxRepository;
  /** Null: no INSi gateway on this station (RELAIS_INSI_URL unset). */
  client: InsiClient | null;
  now: () => Date;
  /** The person at the station, as the history names her. */
  who: () => string;
  operator: () => InsiOperator;
  onChanged: (id: string) => void;
}

interface HeldAnswer {
  patientId: string;
  version: number;
  operation: InsRetrieval['operation'];
  identity: InsiIdentity;
  differences: InsiTraitName[];
  expiresAt: number;
}
type InsiTraitName = (typeof INSI_TRAITS)[number];

const ANSWER_LIFETIME_MS = 15 * 60_000;
const HISTORY_OPERATION = {
  search_traits: 'insi_search_traits',
  search_card: 'insi_search_card',
  verify: 'insi_verify',
} as const;
const UNKNOWN_BIRTHPLACE = '99999';

export const NO_INSI_TEXT =
  'No INSi gateway is configured on this station (RELAIS_INSI_URL): the INS cannot be retrieved here, and identities stay provisional (PROV) or validated (VALI).';

const traitsOf = (p: Patient, withBirthplace: boolean): InsiTraits => ({
  birthName: p.birthName,
  // All the birth first names when known; the first one only otherwise (INSi gives the list back).
  birthFirstNames: p.birthFirstNames || p.firstName,
  birthDate: p.birthDate,
  sex: p.sex,
  birthplaceCode: withBirthplace && p.birthplaceCode !== UNKNOWN_BIRTHPLACE ? p.birthplaceCode : null,
});

const differencesOf = (p: Patient, identity: InsiIdentity): InsiTraitName[] =>
  INSI_TRAITS.filter((trait) => p[trait] !== identity[trait]);

/** The first first name: the record's when INSi's list begins with it (a compound name stays whole), else INSi's first. */
function firstNameFrom(p: Patient, identity: InsiIdentity): string {
  const list = identity.birthFirstNames.split(' ');
  const mine = p.firstName.split(' ');
  return mine.every((name, i) => list[i] === name) ? p.firstName : list[0]!;
}

export function createInsiService(deps: InsiServiceDeps) {
  const held = new Map<string, HeldAnswer>();

  function client(): InsiClient {
    if (!deps.client) throw new AppFailure('insi_unavailable', NO_INSI_TEXT);
    return deps.client;
  }

  function patient(id: string): Patient {
    const found = deps.patients.get(id);
    if (!found) throw new AppFailure('not_found', `No patient ${id}`);
    return found;
  }

  async function ask<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof InsiGatewayError) throw new AppFailure('insi_unavailable', error.message);
      throw error;
    }
  }

  type Held = { answerId: string; identity: InsiIdentity; differences: InsiTraitName[] };
  function hold(p: Patient, operation: InsRetrieval['operation'], identity: InsiIdentity): Held {
    const now = deps.now().getTime();
    for (const [key, answer] of held) if (answer.expiresAt <= now) held.delete(key);
    const answerId = randomUUID();
    const differences = differencesOf(p, identity);
    held.set(answerId, {
      patientId: p.id,
      version: p.version,
      operation,
      identity,
      differences,
      expiresAt: now + ANSWER_LIFETIME_MS,
    });
    return { answerId, identity, differences };
  }

  return {
    configured: () => deps.client !== null,

    /** INSi's answer to the patient's traits: the birthplace is added when several people match. */
    async search(id: string): Promise<InsiOutcome> {
      const insi = client();
      const p = patient(id);
      let answer = await ask(() => insi.searchByTraits(traitsOf(p, false), deps.operator()));
      if (answer.result === 'several_found' && traitsOf(p, true).birthplaceCode) {
        answer = await ask(() => insi.searchByTraits(traitsOf(p, true), deps.operator()));
      }
      if (answer.result !== 'found') return { outcome: answer.result };
      return { outcome: 'found', ...hold(p, 'search_traits', answer.identity) };
    },

    /** INSi checks the INS the record holds against its traits; a correction of the traits comes this way. */
    async verify(id: string): Promise<InsiOutcome> {
      const insi = client();
      const p = patient(id);
      if (!p.ins) {
        throw new AppFailure(
          'validation_failed',
          'This identity holds no INS from INSi to verify: retrieve it first.',
          [{ path: 'id', code: 'identity.no_ins_to_verify' }],
        );
      }
      const ins = p.ins;
      const answer = await ask(() => insi.verify(ins, traitsOf(p, true), deps.operator()));
      if (answer.result === 'verified') {
        deps.patients.noteUnchanged(p, deps.now().toISOString(), { operation: 'insi_verified', by: deps.who() });
        return { outcome: 'verified' };
      }
      if (answer.result === 'not_found') return { outcome: 'not_found' };
      return { outcome: 'traits_differ', ...hold(p, 'verify', answer.identity) };
    },

    /** Takes a held answer into the record, as it was shown: for that version of the record, once. */
    accept(id: string, version: number, answerId: string): Patient {
      const answer = held.get(answerId);
      if (!answer || answer.patientId !== id || answer.expiresAt <= deps.now().getTime()) {
        throw new AppFailure(
          'not_found',
          'This INSi answer is no longer held (used, expired, or for another patient): ask INSi again.',
        );
      }
      const next = deps.db
        .transaction((): Patient => {
          const current = patient(id);
          if (current.version !== version || answer.version !== version) {
            throw new AppFailure(
              'stale_version',
              'This patient was changed since INSi answered. Reload the record and ask INSi again.',
            );
          }
          const { matricule, oid } = answer.identity;
          const holder = deps.patients.findByIns(matricule, oid);
          if (holder && holder.id !== id) throw fieldFailure('id', 'ins.already_used', { patientId: holder.id });
          const at = deps.now().toISOString();
          const by = deps.who();
          const typedIsThisOne = current.typedIns?.matricule === matricule && current.typedIns.oid === oid;
          const updated: Patient = {
            ...current,
            birthName: answer.identity.birthName,
            firstName: firstNameFrom(current, answer.identity),
            birthFirstNames: answer.identity.birthFirstNames,
            birthDate: answer.identity.birthDate,
            sex: answer.identity.sex,
            birthplaceCode: answer.identity.birthplaceCode,
            ins: { matricule, oid },
            insRetrieval: { operation: answer.operation, at, by },
            typedIns: typedIsThisOne ? null : current.typedIns,
            identityStatus: statusAfterInsi(current.identityDocument !== null, answer.differences.length > 0),
            version: current.version + 1,
            updatedAt: at,
          };
          deps.patients.replace(updated, current, at, { operation: HISTORY_OPERATION[answer.operation], by });
          deps.outbox.enqueue('patient', id, updated.version, 'update', at);
          return updated;
        })
        .immediate();
      held.delete(answerId);
      deps.onChanged(id);
      return next;
    },
  };
}
export type InsiService = ReturnType<typeof createInsiService>;
