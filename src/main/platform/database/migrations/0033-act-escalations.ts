// 0033: the urgent call's escalation kept in the act it was placed from (issue 22, point 4): one
// row per expert the alert rang or skipped, in order, with the rota line that chose her and what
// came of the ring. Written once per step by the station (checked against the act and the call
// journal), never changed nor deleted: it is what the team did, minute by minute.
import type { Migration } from '../migrate';

export const migration0033: Migration = {
  version: 33,
  name: '0033-act-escalations',
  up(db) {
    db.exec(`
      CREATE TABLE act_escalation_steps (
        escalation_id TEXT NOT NULL,
        rank INTEGER NOT NULL CHECK (rank >= 1),
        encounter_id TEXT NOT NULL REFERENCES encounters (id),
        offer_id TEXT NOT NULL,
        expert_id TEXT NOT NULL,
        expert_name TEXT NOT NULL,
        call_id TEXT REFERENCES calls (id),
        rung_at TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('answered', 'no_answer', 'declined', 'busy', 'offline', 'cancelled')),
        waited_seconds INTEGER NOT NULL CHECK (waited_seconds >= 0),
        delay_seconds INTEGER NOT NULL CHECK (delay_seconds >= 1),
        source_kind TEXT NOT NULL,
        source_detail TEXT NOT NULL,
        decided_by TEXT NOT NULL CHECK (decided_by IN ('hub', 'station')),
        recorded_at TEXT NOT NULL,
        PRIMARY KEY (escalation_id, rank)
      );
      CREATE INDEX act_escalation_steps_act ON act_escalation_steps (encounter_id, rung_at);
      CREATE TRIGGER act_escalation_steps_sealed_update BEFORE UPDATE ON act_escalation_steps
        BEGIN SELECT RAISE(ABORT, 'an escalation step is never changed'); END;
      CREATE TRIGGER act_escalation_steps_sealed_delete BEFORE DELETE ON act_escalation_steps
        BEGIN SELECT RAISE(ABORT, 'an escalation step is never changed'); END;
    `);
  },
};
