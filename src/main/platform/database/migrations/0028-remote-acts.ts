// 0028: on the expert's station, the acts of other stations she took part in (issue 21): the latest
// context each requesting station sent over a call, when, the calls it came over and the experts of
// this station who took part. Keyed by the requesting station's hub peer id and its act id (two
// stations may not share an act id, but nothing here trusts that). Encrypted with the database.
import type { Migration } from '../migrate';

export const migration0028: Migration = {
  version: 28,
  name: '0028-remote-acts',
  up(db) {
    db.exec(`
      CREATE TABLE remote_acts (
        peer_id TEXT NOT NULL,
        act_id TEXT NOT NULL,
        peer_name TEXT NOT NULL,
        -- The ActContext as received and parsed again by main (src/shared/calls/act-context.ts).
        context_json TEXT NOT NULL,
        composed_at TEXT NOT NULL,
        received_at TEXT NOT NULL,
        -- [callId]: the calls it came over, in order.
        call_ids_json TEXT NOT NULL,
        -- [{name, rpps, hubId}]: the experts of this station who took part.
        experts_json TEXT NOT NULL,
        PRIMARY KEY (peer_id, act_id)
      );
      CREATE INDEX remote_acts_received_at ON remote_acts (received_at);
    `);
  },
};
