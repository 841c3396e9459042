// 0033: the urgent call's escalation steps kept in the act, one row per expert rung or skipped in
// an alert, with a known outcome, never changed nor deleted.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/platform/database/migrate';
import { upTo } from '../../helpers/migrations';

describe('0033 act_escalation_steps', () => {
  it('keeps each step of an alert once, with a known outcome, never changed nor deleted', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(33));
    db.pragma('foreign_keys = OFF');
    const insert = db.prepare(`INSERT INTO act_escalation_steps (escalation_id, rank, encounter_id, offer_id, expert_id,
      expert_name, call_id, rung_at, outcome, waited_seconds, delay_seconds, source_kind, source_detail, decided_by, recorded_at)
      VALUES ('alert-1', ?, 'act-1', 'neuro-garde', 'dr-garde', 'Dr Garde', NULL, 'now', ?, 10, 10, 'weekly', '', 'hub', 'now')`);
    insert.run(1, 'no_answer');
    insert.run(2, 'answered');
    expect(() => insert.run(2, 'answered')).toThrow(/UNIQUE/);
    expect(() => insert.run(3, 'perhaps')).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE act_escalation_steps SET outcome = 'answered'").run()).toThrow(/never changed/);
    expect(() => db.prepare('DELETE FROM act_escalation_steps').run()).toThrow(/never changed/);
  });
});
