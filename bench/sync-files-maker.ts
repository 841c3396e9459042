// The station of the files half of the sync bench (bench/sync-files.ts), made in a process of its
// own: the 500 MB written through the contract leave the maker's memory high, and the bench
// measures the memory of the process that sends them from where it starts.
// Usage: node --import tsx bench/sync-files-maker.ts <data folder> <folder of plain copies> <count of sounds> <MB each>
// The plain copies (named by their SHA-256) are the bytes the reference sends by plain PUT.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { silentLogger } from '../src/main/platform/logger';
import { createStation, type Station } from '../src/main/station';
import { consentTo } from '../test/helpers/consent';
import { contractValue } from '../test/helpers/contract-value';
import { provisionalIdentity } from '../test/helpers/identities';
import { stationDatabase } from '../test/helpers/station-database';

/** Sounds kept by a station's calls, each call linked to its act with the patient's consent, as a nurse records them. */
async function keepSounds(
  station: Station,
  dataDir: string,
  plainDir: string,
  count: number,
  megabytes: number,
): Promise<void> {
  fs.mkdirSync(plainDir, { recursive: true });
  const journal = stationDatabase(dataDir);
  // One patient followed over many acts (a heart murmur listened to at each).
  const created = await contractValue(station, 'patients.create', {
    identity: provisionalIdentity(),
    notDuplicateOf: [],
  });
  if (created.status !== 'created') throw new Error('the patient was not created');
  const patientId = created.patient.id;
  for (let i = 0; i < count; i++) {
    const callId = `bench-call-${i}`;
    journal
      .prepare(
        "INSERT INTO calls (id, direction, remote_id, remote_name, remote_role, remote_site, ringing_at) VALUES (?, 'outgoing', 'dr', 'Dr', 'expert', 'CHU', ?)",
      )
      .run(callId, new Date().toISOString());
    const act = await contractValue(station, 'encounters.create', {
      patientId,
      act: 'teleconsultation',
      assisted: true,
      requester: { name: 'IDE', role: 'nurse' },
      site: 'EHPAD',
      reason: 'Souffle ?',
      callId,
    });
    await consentTo(station, act.id);
    const bytes = randomBytes(megabytes * 1024 * 1024);
    fs.writeFileSync(path.join(plainDir, createHash('sha256').update(bytes).digest('hex')), bytes);
    const begun = await contractValue(station, 'attachments.begin', {
      callId,
      kind: 'auscultation',
      mime: 'audio/wav',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bodySite: 'mitral',
      device: 'Stéthoscope',
      author: 'IDE',
      takenAt: new Date().toISOString(),
    });
    for (let offset = 0; offset < bytes.length; offset += 393_216) {
      await contractValue(station, 'attachments.chunk', {
        uploadId: begun.uploadId,
        offset,
        data: bytes.subarray(offset, offset + 393_216).toString('base64'),
      });
    }
    await contractValue(station, 'attachments.finish', { uploadId: begun.uploadId });
  }
  journal.close();
}

const [dataDir, plainDir, count, megabytes] = process.argv.slice(2);
if (!dataDir || !plainDir || !count || !megabytes)
  throw new Error('Usage: sync-files-maker.ts <data folder> <folder of plain copies> <count> <MB each>');
const station = createStation({ dataDir, mode: 'browser', logger: silentLogger });
void keepSounds(station, dataDir, plainDir, Number(count), Number(megabytes)).then(() => station.close());
