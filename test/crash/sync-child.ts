// The station process the crash test kills: it runs the real station (SQLite, outbox, sync
// worker) against the hub's FHIR endpoint. "work": creates patients and acts (téléconsultations
// and téléexpertises) with consents, vital signs, files and reports, syncing as it goes, until it is killed. "drain": syncs until nothing waits, then
// exits 0 (1 if anything was refused or conflicts). Run with: node --import tsx sync-child.ts
import { silentLogger } from '../../src/main/platform/logger';
import { createStation } from '../../src/main/station';
import type { StationStatus } from '../../src/shared/station/station';
import { mulberry32 } from '../../devices/random';
import { loadFhirDefinitions } from '../../src/main/sync/fhir/validate';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { stationDatabase } from '../helpers/station-database';

const { DATA_DIR, FHIR_URL, UPLOADS_URL, TOKEN, MODE, SEED } = process.env;
if (!DATA_DIR || !FHIR_URL || !UPLOADS_URL || !TOKEN)
  throw new Error('DATA_DIR, FHIR_URL, UPLOADS_URL and TOKEN are required');
const station = createStation({
  dataDir: DATA_DIR,
  mode: 'browser',
  logger: silentLogger,
  hubToken: TOKEN,
  fhirUrl: FHIR_URL,
  uploadsUrl: UPLOADS_URL,
  syncTiming: { debounceMs: 1, intervalMs: 50 },
});
// Calls come from the hub in real life; here they are written into the journal directly.
const journal = stationDatabase(DATA_DIR);
journal.pragma('busy_timeout = 5000');
const random = mulberry32(Number(SEED ?? 1));
const letters = (n: number) =>
  Array.from({ length: n }, () => String.fromCharCode(65 + Math.floor(random() * 26))).join('');

async function value<T>(channel: Parameters<typeof station.dispatch>[0], input: unknown): Promise<T> {
  const result = await station.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

async function work(): Promise<never> {
  // Load the FHIR definitions first, so that the kills land in real work.
  loadFhirDefinitions();
  process.stdout.write('working\n');
  for (;;) {
    const year = 1930 + Math.floor(random() * 80);
    const identity = {
      birthName: `CRASH${letters(6)}`,
      firstName: letters(5),
      birthDate: `${year}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
      sex: random() < 0.5 ? 'F' : 'M',
      birthplaceCode: '29019',
      identityStatus: 'PROV',
    };
    const created = await value<{ status: string; patient?: { id: string } }>('patients.create', {
      identity,
      notDuplicateOf: [],
    });
    if (created.status !== 'created' || !created.patient) continue;
    const at = new Date().toISOString();
    // One act in four is held during a call, with a call row as the hub announced it.
    let callId: string | null = null;
    if (random() < 0.25) {
      callId = randomUUID();
      journal
        .prepare(
          "INSERT INTO calls (id, direction, remote_id, remote_name, remote_role, remote_site, ringing_at) VALUES (?, 'outgoing', 'dr', 'Dr', 'expert', 'CHU', ?)",
        )
        .run(callId, at);
    }
    // One act in three is a téléexpertise (also sent as a ServiceRequest), asked by a GP with an RPPS.
    const expertise = random() < 0.33;
    const encounter = await value<{ id: string }>('encounters.create', {
      patientId: created.patient.id,
      act: expertise ? 'teleexpertise' : 'teleconsultation',
      assisted: !expertise,
      requester: expertise
        ? { name: 'Dr Crash', role: 'physician', rpps: '10001234567' }
        : { name: 'IDE Crash', role: 'nurse' },
      site: 'EHPAD',
      reason: `Motif ${letters(4)}`,
      callId,
    });
    await value('encounters.consent', {
      encounterId: encounter.id,
      scope: 'act',
      decision: 'given',
      givenBy: { kind: 'patient' },
      collectedBy: 'IDE Crash',
      collectedAt: at,
    });
    await value('encounters.setStatus', { id: encounter.id, version: 1, status: 'in_progress' });
    // The call's act gets an auscultation file (up to 3 MB), recorded with the patient's consent to recording.
    if (callId) {
      await value('encounters.consent', {
        encounterId: encounter.id,
        scope: 'recording',
        decision: 'given',
        givenBy: { kind: 'patient' },
        collectedBy: 'IDE Crash',
        collectedAt: at,
      });
      const bytes = randomBytes(100_000 + Math.floor(random() * 3_000_000));
      const begun = await value<{ uploadId: string }>('attachments.begin', {
        callId,
        kind: 'auscultation',
        mime: 'audio/wav',
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        bodySite: 'mitral',
        device: 'Stéthoscope',
        author: 'IDE Crash',
        takenAt: at,
      });
      for (let offset = 0; offset < bytes.length; offset += 393_216) {
        await value('attachments.chunk', {
          uploadId: begun.uploadId,
          offset,
          data: bytes.subarray(offset, offset + 393_216).toString('base64'),
        });
      }
      await value('attachments.finish', { uploadId: begun.uploadId });
    }
    await value('encounters.observe', {
      encounterId: encounter.id,
      vital: { code: 'spo2', value: 90 + Math.floor(random() * 10), unit: '%' },
      takenAt: at,
      method: 'device',
      device: 'oximeter',
      takenBy: 'IDE Crash',
    });
    if (random() < 0.5) {
      await value('encounters.setStatus', { id: encounter.id, version: 2, status: 'awaiting_report' });
      // The expert's report (a Binary and a DocumentReference on the server).
      await value('encounters.report', {
        encounterId: encounter.id,
        text: `Compte rendu ${letters(40)}`,
        author: { name: 'Dr Expert', role: 'physician', rpps: '10003456789' },
      });
    }
    await new Promise((r) => setTimeout(r, Math.floor(random() * 15)));
  }
}

async function drain(): Promise<never> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const status = await value<StationStatus>('station.status', {});
    if (status.sync.parked > 0 || status.sync.conflicts > 0) {
      process.stdout.write(`refused or conflicting: ${JSON.stringify(status.sync)}\n`);
      process.exit(1);
    }
    // Files of calls that never got their act (killed in between) rightly wait for one.
    const waiting = (
      journal.prepare('SELECT count(*) AS n FROM outbox WHERE parked = 0 AND waiting_for IS NULL').get() as {
        n: number;
      }
    ).n;
    if (waiting === 0) {
      await station.close();
      process.exit(0);
    }
    if (Date.now() > deadline) {
      const rows = journal
        .prepare(
          'SELECT seq, entity, entity_id, attempts, last_error, next_attempt_at FROM outbox WHERE parked = 0 AND waiting_for IS NULL LIMIT 10',
        )
        .all();
      process.stdout.write(
        `still pending after 60 s: ${JSON.stringify(status.sync)}, ${waiting} not waiting for an act: ${JSON.stringify(rows)}\n`,
      );
      process.exit(1);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

void (MODE === 'drain' ? drain() : work()).catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(2);
});
