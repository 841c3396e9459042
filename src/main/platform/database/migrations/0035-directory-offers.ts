// 0035: the last directory of offers the hub sent, kept whole (issue 22: "the stations read them,
// cached for offline"): a cart started while the network is down still shows the region's offers,
// their hours and who serves them, and can book or wait for the hub. Replaced whole at each
// directory; each offer is kept as the hub sent it (JSON), read back through the offer's schema.
import type { Migration } from '../migrate';

export const migration0035: Migration = {
  version: 35,
  name: '0035-directory-offers',
  up(db) {
    db.exec(`
      CREATE TABLE directory_offers (
        position INTEGER PRIMARY KEY CHECK (position >= 0),
        offer_id TEXT NOT NULL UNIQUE,
        offer TEXT NOT NULL,
        seen_at TEXT NOT NULL
      );
    `);
  },
};
