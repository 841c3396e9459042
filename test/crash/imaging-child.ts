// The station process the imaging crash tests kill: the real station on a data folder, which
// imports a patient's CT three ways, each through the contract: from a drive (DRIVE), from files
// dropped on the page (DROP), and from the hospital PACS (PACS_URL, PACS_STUDY). It prints
// "started" once the station is up (its start-up cleaning done) and waits for "go" on stdin, so
// that the test can look at the data folder first; then one line per step: "scan <where> <json
// of each study's state>", "imported <where>", and "done" before it exits 0.
// KILL_AT kills it at a chosen point (the deterministic test): "store:N" just after the Nth file
// is sealed into the store, "inbox:N" after the Nth file retrieved from the PACS, "drop:N" after
// the Nth chunk dropped. Run with: node --import tsx imaging-child.ts
import fs from 'node:fs';
import path from 'node:path';
import { createLogger } from '../../src/main/platform/logger';
import { createStation } from '../../src/main/station';
import type { ScannedStudy } from '../../src/shared/imaging/imaging';

const { DATA_DIR, DRIVE, DROP, PACS_URL, PACS_STUDY, KILL_AT } = process.env;
if (!DATA_DIR) throw new Error('DATA_DIR is required');
const PATIENT = {
  birthName: 'KERMARREC',
  firstName: 'ANNA',
  birthDate: '1951-03-14',
  sex: 'F',
  birthplaceCode: '29019',
  identityStatus: 'PROV',
} as const;
const DROP_CHUNK = 48_000;

// The chosen point of a deterministic kill: "store", "inbox" or "drop", and how many events in.
const [killKind, killCount] = (KILL_AT ?? ':0').split(':') as [string, string];
let seen = 0;
/** Kills this process, without any clean-up, at the chosen event. */
function reached(kind: string): void {
  if (kind === killKind && ++seen === Number(killCount)) process.kill(process.pid, 'SIGKILL');
}
if (killKind === 'store' || killKind === 'inbox') {
  // Sealed files are written whole then renamed into place: a rename into the store (or the
  // PACS inbox) is one file kept.
  const folder = path.join(DATA_DIR, killKind === 'store' ? 'attachments' : 'pacs-inbox');
  const rename = fs.renameSync;
  fs.renameSync = (from: fs.PathLike, to: fs.PathLike) => {
    rename(from, to);
    if (String(to).startsWith(folder) && !String(to).endsWith('.part')) reached(killKind);
  };
}

const station = createStation({
  dataDir: DATA_DIR,
  mode: 'browser',
  logger: createLogger(),
  pacsUrl: PACS_URL ?? null,
});

async function value<T>(channel: Parameters<typeof station.dispatch>[0], input: unknown): Promise<T> {
  const result = await station.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const stateOf = (s: { alreadyImported: boolean; incomplete?: boolean }) =>
  s.alreadyImported ? 'whole' : s.incomplete ? 'incomplete' : 'new';
const line = (text: string) => process.stdout.write(`${text}\n`);

async function patientId(): Promise<string> {
  const found = await value<{ id: string }[]>('patients.search', { name: PATIENT.birthName });
  if (found[0]) return found[0].id;
  const created = await value<{ status: string; patient?: { id: string } }>('patients.create', {
    identity: PATIENT,
    notDuplicateOf: [],
  });
  if (!created.patient) throw new Error(`patient not created: ${created.status}`);
  return created.patient.id;
}

/** Imports what a scan found that the station does not hold whole yet. */
async function importScanned(
  where: string,
  scan: { scanId: string; studies: ScannedStudy[] },
  patient: string,
): Promise<void> {
  line(`scan ${where} ${JSON.stringify(Object.fromEntries(scan.studies.map((s) => [s.studyUid, stateOf(s)])))}`);
  const wanted = scan.studies.filter((s) => !s.alreadyImported).map((s) => s.studyUid);
  if (wanted.length) await value('imaging.import', { scanId: scan.scanId, studyUids: wanted, patientId: patient });
  line(`imported ${where}`);
}

async function drop(folder: string, patient: string): Promise<void> {
  const { dropId } = await value<{ dropId: string }>('imaging.dropBegin', {});
  for (const [n, name] of fs.readdirSync(folder).sort().entries()) {
    const bytes = fs.readFileSync(path.join(folder, name));
    for (let offset = 0; offset < bytes.length; offset += DROP_CHUNK) {
      await value('imaging.dropChunk', {
        dropId,
        file: n,
        offset,
        data: bytes.subarray(offset, offset + DROP_CHUNK).toString('base64'),
      });
      reached('drop');
    }
  }
  await importScanned('drop', await value('imaging.dropScan', { dropId }), patient);
}

async function pacs(studyUid: string, patient: string): Promise<void> {
  type Found = { studyUid: string; alreadyImported: boolean; incomplete?: boolean };
  const found = await value<Found[]>('pacs.search', { patientName: `${PATIENT.birthName}*` });
  const study = found.find((s) => s.studyUid === studyUid);
  if (!study) throw new Error(`the PACS does not list ${studyUid}`);
  line(`scan pacs ${JSON.stringify({ [studyUid]: stateOf(study) })}`);
  if (!study.alreadyImported) await value('pacs.retrieve', { studyUid, patientId: patient });
  line('imported pacs');
}

async function work(): Promise<void> {
  const patient = await patientId();
  if (DRIVE) await importScanned('drive', await value('imaging.scan', { folder: DRIVE }), patient);
  if (DROP) await drop(DROP, patient);
  if (PACS_URL && PACS_STUDY) await pacs(PACS_STUDY, patient);
  line('done');
  await station.close();
  process.exit(0);
}

line('started');
process.stdin.setEncoding('utf8');
process.stdin.on('data', (text: string) => {
  if (!text.includes('go')) return;
  void work().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack}\n`);
    process.exit(2);
  });
});
