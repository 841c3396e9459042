// 0019: asynchronous téléexpertise. What a téléexpertise act adds (its clinical context, its
// urgency, when it was sent), the messages exchanged about a request (the expert's answer, her
// questions, the requester's answers), and the specialties of the last directory seen, so that a
// request can be built offline. Messages name their request without a foreign key: on an expert's
// station the request lives on the regional server, not here.
import type { Migration } from '../migrate';

export const migration0019: Migration = {
  version: 19,
  name: '0019-teleexpertise',
  up(db) {
    db.exec(`
      CREATE TABLE teleexpertise_requests (
        encounter_id TEXT PRIMARY KEY REFERENCES encounters (id),
        context TEXT NOT NULL DEFAULT '',
        priority TEXT NOT NULL CHECK (priority IN ('routine', 'urgent', 'asap')),
        submitted_at TEXT
      );
      CREATE TABLE teleexpertise_messages (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL,
        patient_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('answer', 'information_request', 'teleconsultation_proposed', 'information_provided')),
        author TEXT NOT NULL,
        recipient TEXT,
        sent_at TEXT NOT NULL,
        body TEXT NOT NULL,
        in_response_to TEXT,
        -- written on this station (and sent through the outbox), or received from the server
        origin TEXT NOT NULL CHECK (origin IN ('here', 'server')),
        received_at TEXT NOT NULL
      );
      CREATE INDEX teleexpertise_messages_request ON teleexpertise_messages (request_id, sent_at);
      CREATE TABLE directory_specialties (
        specialty TEXT PRIMARY KEY,
        seen_at TEXT NOT NULL
      );
    `);
  },
};
