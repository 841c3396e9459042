// Keeps the station's database from being written while it is held (damaged, missing, or older
// than its audit anchor): the contract's gate refuses every channel but reads and the technician's
// own, the connection itself is read-only, and the hold is kept in database-hold.json until a
// person decides, so that a restart does not forget it. It also finds a hold at run time: a read
// that meets a damaged page, the technician's integrity_check, or the region's copy of the last
// audit row saying this database is older (the anchor file can be rolled back with it).
import fs from 'node:fs';
import path from 'node:path';
import type { Channel } from '../../../shared/contract';
import type { DatabaseState, DatabaseStatus, IntegrityReport } from '../../../shared/station/database';
import { runsWhileHeld } from '../../../shared/station/database-hold-channels';
import { AppFailure } from '../../contract/failure';
import type { Db } from './connection';
import { dailyBackupDue, listBackups, takeBackup } from './database-backups';
import { checkDatabase, isDamageError } from './database-health';
import type { RegionAuditHead } from '../hub/audit-head';
import { DATABASE_PROBLEMS } from './database-problems';
import type { DatabaseSettings } from './open-at-start';

export const HOLD_FILE = 'database-hold.json';
const HOUR_MS = 60 * 60 * 1000;

export interface DatabaseHold {
  state: Exclude<DatabaseState, 'ok'>;
  problem: string;
  damaged: string[];
  since: string;
}

/** The hold a person has not settled yet, kept beside the database (no patient data in it). */
export function readHold(dataDir: string): DatabaseHold | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(dataDir, HOLD_FILE), 'utf8')) as Partial<DatabaseHold>;
    if (
      (parsed.state === 'damaged' || parsed.state === 'missing' || parsed.state === 'older') &&
      typeof parsed.problem === 'string'
    ) {
      const damaged = Array.isArray(parsed.damaged) ? parsed.damaged.map(String) : [];
      return { state: parsed.state, problem: parsed.problem, damaged, since: String(parsed.since ?? '') };
    }
  } catch {
    // None: the database is not held.
  }
  return null;
}

export function clearHold(dataDir: string): void {
  fs.rmSync(path.join(dataDir, HOLD_FILE), { force: true });
}

/** What a refused channel answers, in the English of AppFailure messages (the page shows its own words). */
export function holdFailure(state: DatabaseHold['state']): AppFailure {
  if (state === 'damaged') {
    return new AppFailure(
      'database_damaged',
      "The station's database is damaged: this station only reads records until a technician " +
        'restores a backup (Synchronisation screen, Database). Nothing was written.',
    );
  }
  const what = state === 'missing' ? 'missing' : 'older than the one it last wrote';
  return new AppFailure(
    'database_held',
    `The station's database is ${what}: nothing is written until a person decides on the ` +
      'Synchronisation screen (restore a backup, or go on with this one). Nothing was written.',
  );
}

export interface DatabaseGuardDeps {
  dataDir: string;
  db: Db;
  settings: DatabaseSettings & { backupsKept: number };
  /** The last audit row when the station started: what the region's copy is compared with. */
  startSeq: number;
  hold: DatabaseHold | null;
}

export function createDatabaseGuard(deps: DatabaseGuardDeps) {
  const { dataDir, db, settings } = deps;
  let hold: DatabaseHold | null = deps.hold;
  let timer: NodeJS.Timeout | null = null;
  const listeners = new Set<() => void>();

  function enter(next: Omit<DatabaseHold, 'since'>): void {
    if (hold) return;
    hold = { ...next, since: settings.now().toISOString() };
    // SECURITY and safety: from now on nothing on this connection writes, whoever asks.
    if (!db.readonly) db.pragma('query_only = ON');
    keepHold(hold);
    settings.logger.error('database.held', { state: hold.state, problem: hold.problem });
    for (const listener of listeners) listener();
  }
  /** The hold outlives a restart; a disk that refuses the file leaves it in memory only (said in the log). */
  function keepHold(kept: DatabaseHold): void {
    try {
      fs.writeFileSync(path.join(dataDir, HOLD_FILE), `${JSON.stringify(kept, null, 2)}\n`, { mode: 0o600 });
    } catch (error) {
      const why = String((error as Error)?.message ?? error);
      settings.logger.error('database.hold_not_kept', { file: path.join(dataDir, HOLD_FILE), error: why });
    }
  }
  if (hold) {
    if (!fs.existsSync(path.join(dataDir, HOLD_FILE))) keepHold(hold);
    settings.logger.error('database.held', { state: hold.state, problem: hold.problem });
  }

  /** A backup now (the technician's, or the day's); refused while held: a copy of a doubtful database is no backup. */
  function backup(reason: 'daily' | 'manual') {
    if (hold) throw holdFailure(hold.state);
    const taken = takeBackup(db, dataDir, reason, settings.now(), settings.backupsKept);
    settings.logger.info('database.backup_taken', { name: taken.name, bytes: taken.bytes });
    return taken;
  }

  return {
    held: (): boolean => hold !== null,
    hold: (): DatabaseHold | null => hold,
    startSeq: deps.startSeq,
    /** Told when the database becomes held while the station runs (the status is published again). */
    onHeld(listener: () => void): void {
      listeners.add(listener);
    },

    /** SECURITY: while held, only the reviewed channels run (src/shared/station/database-hold-channels.ts). */
    gate(channel: Channel): AppFailure | null {
      return hold && !runsWhileHeld(channel) ? holdFailure(hold.state) : null;
    },

    /** A handler's storage error, as a person reads it: a damaged page holds the database; a write refused while held says why. */
    failureOf(error: unknown): AppFailure | null {
      if (isDamageError(error)) {
        const message = (error as Error).message;
        enter({ state: 'damaged', damaged: [], problem: DATABASE_PROBLEMS.damagedRead(message) });
        return new AppFailure(
          'database_damaged',
          "This record is in a damaged part of the station's database and cannot be read. " +
            'A technician restores a backup (Synchronisation screen, Database).',
        );
      }
      const code = (error as { code?: unknown } | null)?.code;
      if (hold && typeof code === 'string' && code.startsWith('SQLITE_READONLY')) return holdFailure(hold.state);
      return null;
    },

    /** The technician's integrity_check; a damaged database is held from then on. */
    check(): IntegrityReport {
      const report = checkDatabase(db, 'integrity_check', settings.now);
      if (!report.ok) {
        enter({
          state: 'damaged',
          damaged: report.damaged,
          problem: DATABASE_PROBLEMS.check('integrity_check', report.problems[0], report.damaged),
        });
      }
      return report;
    },

    /**
     * The region's copy of the last audit row it acknowledged, asked just after start: a row this
     * database never reached means the whole data folder (anchor file included) was rolled back or
     * replaced. A row it holds with another hash is the audit trail's own alarm (audit.verify), not a hold.
     */
    compareWithRegion(head: RegionAuditHead): void {
      if (head.seq <= deps.startSeq || head.hash === null) return;
      const state = deps.startSeq === 0 ? 'missing' : 'older';
      enter({ state, damaged: [], problem: DATABASE_PROBLEMS.olderThanRegion(deps.startSeq, head.seq) });
    },

    backup,

    /** The daily backup, checked every hour while the station runs. */
    startDailyBackups(): void {
      timer = setInterval(() => {
        if (hold || !dailyBackupDue(dataDir, settings.now())) return;
        try {
          backup('daily');
        } catch (error) {
          settings.logger.error('database.backup_failed', {
            reason: 'daily',
            error: String((error as Error)?.message ?? error),
          });
        }
      }, HOUR_MS);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },

    status(lastRecovery: DatabaseStatus['lastRecovery']): DatabaseStatus {
      const backups = listBackups(dataDir);
      return {
        state: hold?.state ?? 'ok',
        problem: hold?.problem ?? null,
        damaged: hold?.damaged ?? [],
        since: hold?.since ?? null,
        backups: { count: backups.length, newestAt: backups[0]?.takenAt ?? null, keep: settings.backupsKept },
        lastRecovery,
      };
    },
  };
}
export type DatabaseGuard = ReturnType<typeof createDatabaseGuard>;
