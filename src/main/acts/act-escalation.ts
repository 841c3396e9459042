// The urgent call's escalation kept in the act it was placed from (issue 22, point 4). The page
// runs the escalation and reports each step once its outcome is known; main owns the record: it
// checks that the act is this station's, that a call named is one this station rang and rang that
// expert (her name is then the journal's, not the page's), and keeps each step once.
// Kept on the station only: the act's call records are not sent to the region either (only the
// chat is, as Communications), and this record goes with them when calls are synced.
import type { EscalationStep, EscalationStepInput } from '../../shared/acts/escalation';
import { AppFailure, fieldFailure } from '../contract/failure';
import type { Db } from '../platform/database/connection';
import type { CallRepository } from '../calls';
import type { EncounterRepository } from './encounter-repository';

interface StepRow {
  escalation_id: string;
  rank: number;
  offer_id: string;
  expert_id: string;
  expert_name: string;
  call_id: string | null;
  rung_at: string;
  outcome: EscalationStep['outcome'];
  waited_seconds: number;
  delay_seconds: number;
  source_kind: EscalationStep['source']['kind'];
  source_detail: string;
  decided_by: EscalationStep['source']['decidedBy'];
  recorded_at: string;
}

const stepFromRow = (r: StepRow): EscalationStep => ({
  escalationId: r.escalation_id,
  rank: r.rank,
  offerId: r.offer_id,
  expertId: r.expert_id,
  expertName: r.expert_name,
  callId: r.call_id,
  rungAt: r.rung_at,
  outcome: r.outcome,
  waitedSeconds: r.waited_seconds,
  delaySeconds: r.delay_seconds,
  source: { kind: r.source_kind, detail: r.source_detail, decidedBy: r.decided_by },
  recordedAt: r.recorded_at,
});

export function createEscalationRepository(db: Db) {
  const insertStmt = db.prepare(`INSERT OR IGNORE INTO act_escalation_steps
    (escalation_id, rank, encounter_id, offer_id, expert_id, expert_name, call_id, rung_at, outcome,
     waited_seconds, delay_seconds, source_kind, source_detail, decided_by, recorded_at)
    VALUES (@escalationId, @rank, @encounterId, @offerId, @expertId, @expertName, @callId, @rungAt, @outcome,
     @waitedSeconds, @delaySeconds, @sourceKind, @sourceDetail, @decidedBy, @recordedAt)`);
  const ofActStmt = db.prepare<[string], StepRow>(
    'SELECT * FROM act_escalation_steps WHERE encounter_id = ? ORDER BY rung_at, escalation_id, rank',
  );
  const actOfStmt = db.prepare<[string], { encounter_id: string }>(
    'SELECT encounter_id FROM act_escalation_steps WHERE escalation_id = ? LIMIT 1',
  );
  return {
    /** False when this step (its alert and rank) was already kept. */
    insert(encounterId: string, step: EscalationStep): boolean {
      const { source, ...fields } = step;
      return (
        insertStmt.run({
          ...fields,
          encounterId,
          sourceKind: source.kind,
          sourceDetail: source.detail,
          decidedBy: source.decidedBy,
        }).changes > 0
      );
    },
    ofAct: (encounterId: string): EscalationStep[] => ofActStmt.all(encounterId).map(stepFromRow),
    /** The act an alert's steps were kept in, or null for an alert not seen yet. */
    actOf: (escalationId: string): string | null => actOfStmt.get(escalationId)?.encounter_id ?? null,
  };
}
export type EscalationRepository = ReturnType<typeof createEscalationRepository>;

export interface ActEscalationDeps {
  db: Db;
  steps: EscalationRepository;
  encounters: Pick<EncounterRepository, 'get'>;
  calls: Pick<CallRepository, 'remoteOf'>;
  now: () => Date;
  onChanged: (encounterId: string) => void;
}

// A page's clock a little ahead of the station's is tolerated; a step hours ahead is not a ring.
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export function createActEscalation({ db, steps, encounters, calls, now, onChanged }: ActEscalationDeps) {
  return {
    record(input: EscalationStepInput): { outcome: 'recorded' | 'already_recorded' } {
      const { encounterId, callId = null, ...fields } = input;
      const step = { ...fields, callId };
      const kept = db.transaction(() => {
        if (!encounters.get(encounterId))
          throw new AppFailure('not_found', 'This act is not recorded on this station.');
        const actOfAlert = steps.actOf(step.escalationId);
        if (actOfAlert !== null && actOfAlert !== encounterId)
          throw fieldFailure('escalationId', 'escalation.other_act');
        if (Date.parse(step.rungAt) > now().getTime() + FUTURE_TOLERANCE_MS)
          throw fieldFailure('rungAt', 'date.in_future');
        if (step.outcome === 'answered' && step.callId === null) throw fieldFailure('callId', 'escalation.call_needed');
        let expertName = step.expertName;
        if (step.callId !== null) {
          // SECURITY: a call named must be in this station's journal and have rung this expert.
          const remote = calls.remoteOf(step.callId);
          if (!remote) throw fieldFailure('callId', 'escalation.call_unknown');
          if (remote.id !== step.expertId) throw fieldFailure('expertId', 'escalation.not_the_call_expert');
          expertName = remote.name;
        }
        return steps.insert(encounterId, { ...step, expertName, recordedAt: now().toISOString() });
      })();
      if (kept) onChanged(encounterId);
      return { outcome: kept ? 'recorded' : 'already_recorded' };
    },

    ofAct(encounterId: string): EscalationStep[] {
      if (!encounters.get(encounterId)) throw new AppFailure('not_found', 'This act is not recorded on this station.');
      return steps.ofAct(encounterId);
    },
  };
}
