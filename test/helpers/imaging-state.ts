// Looks at a station's data folder from outside, for the imaging crash tests: the files no
// record needs (stored files no row points to, unfinished writes, transfers, drops and PACS
// retrievals a stop cut short), and each imported study's state: absent, whole (all its
// instances, their files, its outbox row), marked incomplete, or something else (a problem).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { stationDatabase, stationFileSealer } from './station-database';

export interface FileCount {
  files: number;
  bytes: number;
}

export interface Leftovers {
  /** Sealed files in the store that no row points to. */
  store: FileCount;
  /** Unfinished sealed writes (`.part`) in the store. */
  partial: FileCount;
  uploads: FileCount;
  drops: FileCount;
  pacsInbox: FileCount;
  total: FileCount;
  names: string[];
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

function counted(files: string[]): FileCount {
  return { files: files.length, bytes: files.reduce((n, f) => n + fs.statSync(f).size, 0) };
}

/** What a start must remove: files no record needs. */
export function leftovers(dataDir: string): Leftovers {
  const db = stationDatabase(dataDir, { readonly: true });
  let referenced: Set<string>;
  try {
    const rows = db.prepare('SELECT sha256 FROM attachments UNION SELECT sha256 FROM dicom_instances').all() as {
      sha256: string;
    }[];
    referenced = new Set(rows.map((r) => r.sha256));
  } finally {
    db.close();
  }
  const stored = filesUnder(path.join(dataDir, 'attachments'));
  const partial = stored.filter((f) => f.endsWith('.part'));
  const unreferenced = stored.filter((f) => !f.endsWith('.part') && !referenced.has(path.basename(f)));
  const groups = {
    store: unreferenced,
    partial,
    uploads: filesUnder(path.join(dataDir, 'uploads')),
    drops: filesUnder(path.join(dataDir, 'imaging-drops')),
    pacsInbox: filesUnder(path.join(dataDir, 'pacs-inbox')),
  };
  const all = Object.values(groups).flat();
  return {
    store: counted(groups.store),
    partial: counted(groups.partial),
    uploads: counted(groups.uploads),
    drops: counted(groups.drops),
    pacsInbox: counted(groups.pacsInbox),
    total: counted(all),
    names: all.map((f) => path.relative(dataDir, f)),
  };
}

export type StudyState = 'absent' | 'whole' | 'incomplete' | `problem: ${string}`;

/**
 * Each expected study's state in the station's records. Whole means: every instance (as many as
 * `expected` says), not marked incomplete, an outbox row (or a push) of that many instances, and
 * each instance's file in the store with the SHA-256 its row says.
 */
export function studyStates(dataDir: string, expected: Record<string, number>): Record<string, StudyState> {
  const db = stationDatabase(dataDir, { readonly: true });
  const sealer = stationFileSealer(dataDir);
  const states: Record<string, StudyState> = {};
  try {
    for (const [uid, total] of Object.entries(expected)) {
      const study = db.prepare('SELECT * FROM dicom_studies WHERE study_uid = ?').get(uid) as
        { incomplete?: number } | undefined;
      const instances = db
        .prepare(
          'SELECT i.sha256 FROM dicom_instances i JOIN dicom_series s ON s.series_uid = i.series_uid WHERE s.study_uid = ?',
        )
        .all(uid) as { sha256: string }[];
      if (!study) {
        states[uid] = instances.length ? `problem: ${instances.length} instances without their study` : 'absent';
        continue;
      }
      if (study.incomplete === 1) {
        states[uid] = 'incomplete';
        continue;
      }
      const announced = db
        .prepare(
          `SELECT 1 FROM outbox WHERE entity = 'imaging_study' AND entity_id = ? AND entity_version = ?
          UNION SELECT 1 FROM sync_resources WHERE entity = 'imaging_study' AND entity_id = ? AND pushed_version = ?`,
        )
        .get(uid, instances.length, uid, instances.length);
      const badFiles = instances.filter((i) => {
        const file = path.join(dataDir, 'attachments', i.sha256.slice(0, 2), i.sha256);
        try {
          return createHash('sha256').update(sealer.read(file)).digest('hex') !== i.sha256;
        } catch {
          return true;
        }
      });
      const problems = [
        ...(instances.length !== total ? [`${instances.length} of ${total} instances, not marked incomplete`] : []),
        ...(announced ? [] : [`no outbox row for its ${instances.length} instances`]),
        ...(badFiles.length ? [`${badFiles.length} files missing or not their SHA-256`] : []),
      ];
      states[uid] = problems.length ? `problem: ${problems.join(', ')}` : 'whole';
    }
  } finally {
    db.close();
  }
  return states;
}
