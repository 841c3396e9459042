// 0034: the appointments this station booked (issue 22, point 2). A booking is kept here at once,
// pending, with its outbox row, so that a nurse books at the cart without network; the hub then
// confirms it or refuses it (the slot was taken meanwhile: the next free slots it proposed are kept
// for the screen; or another final refusal, with the hub's words). A cancellation or a move is a
// new version of the row, queued the same way; `confirmed_version` is the version the hub took, so
// that what it has not yet taken is shown.
import type { Migration } from '../migrate';

export const migration0034: Migration = {
  version: 34,
  name: '0034-appointments',
  up(db) {
    db.exec(`
      CREATE TABLE appointments (
        id TEXT PRIMARY KEY,
        version INTEGER NOT NULL CHECK (version > 0),
        patient_id TEXT NOT NULL REFERENCES patients (id),
        offer_id TEXT NOT NULL,
        expert_id TEXT NOT NULL,
        slot_id TEXT NOT NULL,
        schedule_id TEXT NOT NULL,
        start_at TEXT NOT NULL,
        end_at TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'refused', 'cancelled')),
        cancel_reason TEXT,
        moved_from TEXT REFERENCES appointments (id),
        moved_to TEXT REFERENCES appointments (id),
        -- the next free slots the hub proposed when it refused the booking (JSON array)
        proposed_slots TEXT NOT NULL DEFAULT '[]',
        -- why the hub refused the booking: slot_taken, or refused (another final refusal), and its words
        refusal_code TEXT CHECK (refusal_code IN ('slot_taken', 'refused')),
        refusal_detail TEXT,
        confirmed_version INTEGER,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX appointments_start ON appointments (start_at);
      CREATE INDEX appointments_patient ON appointments (patient_id, start_at);
    `);
  },
};
