// The station killed with SIGKILL at random points while it imports a patient's CT from a drive,
// from files dropped on the page and from the hospital PACS (Orthanc), started again each time
// (test/crash/imaging-child.ts). After each start: the start removed every file no record needs
// and said how many and how much; every study is whole (all its instances, their files, its
// outbox row), absent, or marked incomplete; the scan says so; an incomplete study is whole
// after the next import. Each data folder starts as an earlier version left it, with one drive
// study half imported (marked incomplete at the upgrade), and a run that finishes its imports
// starts a new folder, so that the kills keep landing in imports. Prints where the kills landed
// and what the starts removed.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mulberry32 } from '../../devices/random';
import { createDicomWebClient } from '../../src/main/imaging/dicomweb-client';
import { startImagingChild, type ImagingChild, type ImagingChildEnv } from '../helpers/imaging-child-process';
import { writeEarlierVersionRecords } from '../helpers/earlier-version-imaging';
import { leftovers, studyStates, type StudyState } from '../helpers/imaging-state';
import { startOrthanc, type RunningOrthanc } from '../helpers/orthanc';
import { writeSyntheticCt } from '../helpers/synthetic-ct';
import { useTempDir } from '../helpers/temp-dir';

const KILLS = Number(process.env.RELAIS_IMAGING_CRASH_KILLS ?? 30);
const NAME = 'KERMARREC^ANNA';
const ROOT = '1.2.826.0.1.3680043.10.1234.617';
/** Each study and its instances: two on the drive, one dropped, one in the PACS. */
const EXPECTED = { [`${ROOT}.1.1`]: 96, [`${ROOT}.2.1`]: 32, [`${ROOT}.3.1`]: 16, [`${ROOT}.4.1`]: 24 };
const tempDir = useTempDir('relais-imaging-crash-');
let orthanc: RunningOrthanc;
let sources: { DRIVE: string; DROP: string; PACS_URL: string; PACS_STUDY: string };
/** The part of the second drive study an earlier version had imported when it was stopped. */
let halfImported: string[];

beforeAll(async () => {
  orthanc = await startOrthanc();
  const source = tempDir();
  writeSyntheticCt(path.join(source, 'drive', 'a'), 96, 256, NAME, `${ROOT}.1`);
  halfImported = writeSyntheticCt(path.join(source, 'drive', 'b'), 32, 256, NAME, `${ROOT}.2`).slice(0, 14);
  writeSyntheticCt(path.join(source, 'drop'), 16, 128, NAME, `${ROOT}.3`);
  const pacsFiles = writeSyntheticCt(path.join(source, 'pacs'), 24, 128, NAME, `${ROOT}.4`);
  await createDicomWebClient({ baseUrl: orthanc.dicomWebUrl }).store(
    pacsFiles.map((f) => new Uint8Array(fs.readFileSync(f))),
  );
  sources = {
    DRIVE: path.join(source, 'drive'),
    DROP: path.join(source, 'drop'),
    PACS_URL: orthanc.dicomWebUrl,
    PACS_STUDY: `${ROOT}.4.1`,
  };
}, 60_000);
afterAll(() => orthanc?.stop());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** What each run's last line before its kill says it was doing. */
const STAGES: Record<string, string> = {
  started: 'scanning the drive',
  'scan drive': 'importing from the drive',
  'imported drive': 'dropping files',
  'scan drop': 'importing the drop',
  'imported drop': 'searching the PACS',
  'scan pacs': 'retrieving from the PACS and importing',
  'imported pacs': 'closing',
};

/** A data folder as an earlier version left it: the second drive study half imported, never announced. */
function earlierVersionFolder(): string {
  const dir = tempDir();
  writeEarlierVersionRecords(dir, [{ files: halfImported, announced: false }]);
  return dir;
}
const SCAN_STATE: Record<string, string> = { absent: 'new', whole: 'whole', incomplete: 'incomplete' };

/** What the station said it removed at start (null: nothing). */
const removedAtStart = (child: ImagingChild) =>
  child.log.find((l) => l.event === 'files.orphans_removed') as { files: number; bytes: number } | undefined;

/** Starts a station on the folder and checks what its start left; returns the child, waiting for "go", and each study's state. */
async function startAndCheck(
  env: ImagingChildEnv,
  totals: { starts: number; files: number; bytes: number; startMs: number },
) {
  const before = fs.existsSync(path.join(env.DATA_DIR, 'attachments')) ? leftovers(env.DATA_DIR) : null;
  const spawned = Date.now();
  const child = startImagingChild(env);
  await child.line('started');
  totals.startMs += Date.now() - spawned;
  const removed = removedAtStart(child);
  if (before && before.total.files > 0) {
    expect(removed, `${before.names.join(', ')}\n${child.output()}`).toMatchObject({
      files: before.total.files,
      bytes: before.total.bytes,
    });
    totals.starts++;
    totals.files += before.total.files;
    totals.bytes += before.total.bytes;
  } else {
    expect(removed).toBeUndefined();
  }
  expect(leftovers(env.DATA_DIR).names, 'files left after a start').toEqual([]);
  const states = studyStates(env.DATA_DIR, EXPECTED);
  const problems = Object.entries(states).filter(([, s]) => s.startsWith('problem'));
  expect(problems, 'studies neither whole, absent nor marked incomplete').toEqual([]);
  return { child, states };
}

/** Checks each "scan" line against the states the records had at start. */
function checkScans(child: ImagingChild, states: Record<string, StudyState>): void {
  for (const scan of child.lines.filter((l) => l.startsWith('scan '))) {
    const said = JSON.parse(scan.split(' ').slice(2).join(' ')) as Record<string, string>;
    for (const [uid, state] of Object.entries(said))
      expect({ uid, state }).toEqual({ uid, state: SCAN_STATE[states[uid]!] });
  }
}

it(`imports whole or not at all across ${KILLS} SIGKILLs, and leaves no orphan file after a start`, async () => {
  const started = Date.now();
  const random = mulberry32(1717);
  const totals = { starts: 0, files: 0, bytes: 0, startMs: 0 };
  const stages = new Map<string, number>();
  const seen = { absent: 0, whole: 0, incomplete: 0 };
  /** Studies seen marked incomplete at a start, by folder; and how many a later import made whole. */
  const incomplete = new Set<string>();
  let completed = 0;
  let finished = 0;

  // One run to the end on a folder of its own: it works, and how long it takes sets the kills' range.
  const calibration = await startAndCheck({ DATA_DIR: earlierVersionFolder(), ...sources }, totals);
  const t0 = Date.now();
  calibration.child.go();
  await calibration.child.line('done', 60_000);
  const workMs = Date.now() - t0;
  expect((await calibration.child.exited).code, calibration.child.output()).toBe(0);

  let dataDir = earlierVersionFolder();
  /** Follows the incomplete studies of the folder; `atStart`: counts the states too. */
  const track = (states: Record<string, StudyState>, atStart = true) => {
    for (const [uid, state] of Object.entries(states)) {
      if (state === 'incomplete') incomplete.add(`${dataDir}|${uid}`);
      else if (state === 'whole' && incomplete.delete(`${dataDir}|${uid}`)) completed++;
      if (atStart) seen[state as keyof typeof seen]++;
    }
  };
  for (let i = 0; i < KILLS; i++) {
    const { child, states } = await startAndCheck({ DATA_DIR: dataDir, ...sources }, totals);
    track(states);
    child.go();
    const ended = await Promise.race([
      child.line('done', 60_000).then(
        () => true,
        () => true, // ended otherwise: its exit code says how
      ),
      sleep(Math.floor(random() * workMs)).then(() => false),
    ]);
    checkScans(child, states);
    if (ended) {
      // Finished before the kill: everything is whole; the next runs take a new folder.
      expect((await child.exited).code, child.output()).toBe(0);
      const states = studyStates(dataDir, EXPECTED);
      expect(Object.values(states)).toEqual(Object.values(EXPECTED).map(() => 'whole'));
      track(states, false);
      finished++;
      dataDir = earlierVersionFolder();
      continue;
    }
    await child.kill();
    const last = (child.lines.at(-1) ?? 'started').split(' ').slice(0, 2).join(' ');
    const where = STAGES[last] ?? last;
    stages.set(where, (stages.get(where) ?? 0) + 1);
  }

  // The last folder's import run to the end: whatever was incomplete is whole now.
  const final = await startAndCheck({ DATA_DIR: dataDir, ...sources }, totals);
  track(final.states);
  final.child.go();
  await final.child.line('done', 60_000);
  expect((await final.child.exited).code, final.child.output()).toBe(0);
  checkScans(final.child, final.states);
  const states = studyStates(dataDir, EXPECTED);
  expect(states).toEqual(Object.fromEntries(Object.keys(EXPECTED).map((uid) => [uid, 'whole'])));
  track(states, false);
  // Only the folders left for good when a run finished can hold an incomplete study: none is left.
  expect([...incomplete]).toEqual([]);
  expect(completed).toBeGreaterThan(0);

  console.log(
    [
      `imaging crash test: ${KILLS} SIGKILLs in ${((Date.now() - started) / 1000).toFixed(0)} s ` +
        `(a start takes ${(totals.startMs / (KILLS + 2)).toFixed(0)} ms, then a whole run ${workMs} ms), ${finished} runs finished before their kill`,
      `  kills landed: ${[...stages].map(([where, n]) => `${where} ${n}`).join(', ')}`,
      `  studies at the starts: ${seen.whole} whole, ${seen.absent} absent, ${seen.incomplete} marked incomplete, 0 otherwise`,
      `  studies an earlier version left half imported: ${completed} completed by a later import, killed or not on the way`,
      `  starts that removed files: ${totals.starts}, ${totals.files} files, ${(totals.bytes / 1e6).toFixed(1)} MB in all; none left after any start`,
      "  the last folder's import run to the end: every study whole, with its outbox row and its files",
    ].join('\n'),
  );
}, 600_000);
