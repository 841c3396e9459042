// 0036: what the agenda's screens added to 0034 (issue 22, points 2 to 4), in a migration of its
// own, because 0034 had already run on data folders (an earlier build of the same day): the act a
// follow-up was booked from, and, on an expert's station, the appointments naming her read from
// the hub.
import type { Migration } from '../migrate';

export const migration0036: Migration = {
  version: 36,
  name: '0036-agenda',
  up(db) {
    db.exec(`
      -- the act a follow-up was booked from (null: booked from the patient's screen)
      ALTER TABLE appointments ADD COLUMN encounter_id TEXT;
      -- On an expert's station: the appointments naming her, read from the hub (booked by carts), kept
      -- for her agenda offline. The patient is named as the appointment names her: her record is
      -- not on this station (no reference to patients).
      CREATE TABLE expert_appointments (
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL,
        patient_name TEXT,
        site_name TEXT,
        offer_id TEXT NOT NULL,
        expert_id TEXT NOT NULL,
        slot_id TEXT NOT NULL,
        schedule_id TEXT NOT NULL,
        start_at TEXT NOT NULL,
        end_at TEXT NOT NULL,
        reason TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('confirmed', 'cancelled')),
        cancel_reason TEXT,
        created_at TEXT NOT NULL,
        read_at TEXT NOT NULL
      );
      CREATE INDEX expert_appointments_start ON expert_appointments (start_at);
    `);
  },
};
