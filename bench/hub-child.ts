// The hub in its own process for the sync bench, so that the bench measures the station's
// memory and not the hub's (its in-memory FHIR store grows with every record, by design).
// Beside it, in the same process, a plain HTTP sink that writes each PUT body to disk: the
// reference the resumable uploads are compared with, in the same situation (another process,
// the same disk). Prints the addresses, then serves until killed.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { startHub } from '../src/hub/server';

const { SECRET, UPLOADS_DIR } = process.env;
if (!SECRET || !UPLOADS_DIR) throw new Error('SECRET and UPLOADS_DIR are required');
const plainDir = `${UPLOADS_DIR}-plain`;
fs.mkdirSync(plainDir, { recursive: true });
let n = 0;
const plain = http.createServer((req, res) => {
  req.pipe(fs.createWriteStream(path.join(plainDir, String(n++)))).on('finish', () => res.writeHead(204).end());
});
plain.listen(0, '127.0.0.1', () => {
  void startHub({
    secret: SECRET,
    turnSecret: 'x',
    turnUrls: [],
    offers: [],
    uploadsDir: UPLOADS_DIR,
    ratePerSecond: 1e6,
    burst: 1e6,
  }).then((hub) => {
    const plainUrl = `http://127.0.0.1:${(plain.address() as { port: number }).port}/`;
    process.stdout.write(`${JSON.stringify({ fhirUrl: hub.fhirUrl, uploadsUrl: hub.uploadsUrl, plainUrl })}\n`);
  });
});
