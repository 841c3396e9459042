// 0024: who gave each consent (the patient, a legal representative, the personne de confiance, or
// nobody could in a vital emergency: src/shared/acts/consent.ts), kept as JSON; the consents recorded
// before were never asked who gave them, so they read "unknown" (shown "non précisé"), never a
// guess. And whether a measurement outside the usual range was confirmed by the person who took it.
import type { Migration } from '../migrate';

export const migration0024: Migration = {
  version: 24,
  name: '0024-consent-givers',
  up(db) {
    db.exec(`
      ALTER TABLE encounter_consents ADD COLUMN given_by TEXT NOT NULL DEFAULT '{"kind":"unknown"}' CHECK (json_valid(given_by));
      ALTER TABLE encounter_observations ADD COLUMN unusual_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (unusual_confirmed IN (0, 1));
    `);
  },
};
