// The hub in its own process for the sync bench, so that the bench measures the station's
// memory and not the hub's (its in-memory FHIR store grows with every record, by design).
// Prints its FHIR and upload addresses, then serves until killed.
import { startHub } from '../src/hub/server';

const { SECRET, UPLOADS_DIR } = process.env;
if (!SECRET || !UPLOADS_DIR) throw new Error('SECRET and UPLOADS_DIR are required');
void startHub({ secret: SECRET, turnSecret: 'x', turnUrls: [], offers: [], uploadsDir: UPLOADS_DIR, ratePerSecond: 1e6, burst: 1e6 }).then((hub) => {
  process.stdout.write(`${JSON.stringify({ fhirUrl: hub.fhirUrl, uploadsUrl: hub.uploadsUrl })}\n`);
});
