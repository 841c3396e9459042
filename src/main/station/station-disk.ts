// The station's disk, watched: the status says when it is full and how much to free (the page
// shows it on every screen), a write refused for lack of space is answered as disk_full, and the
// audit rows that waited in memory are written, first and in order, as soon as space is back.
import type { DiskStatus } from '../../shared/station/station';
import type { FailureOf } from '../contract/dispatch';
import type { Logger } from '../platform/logger';
import { createDiskSpace, DEFAULT_DISK_RESERVE_MB, isDiskFull } from '../platform/disk/disk-space';

export interface StationDiskOptions {
  /** Space kept free for the records' database: new files are refused below it (RELAIS_DISK_RESERVE_MB). */
  reserveBytes?: number;
  /** How often the free space is measured (tests shorten it). */
  checkIntervalMs?: number;
}

/** The audit trail's rows waiting in memory (audit-service.ts). */
interface WaitingAudit {
  flush(): void;
  waiting(): { waiting: number; lost: number };
}

const MB = 1024 * 1024;
const CHECK_INTERVAL_MS = 5_000;

export function createStationDisk(dataDir: string, options: StationDiskOptions, logger: Logger) {
  const space = createDiskSpace({
    dir: dataDir,
    reserveBytes: options.reserveBytes ?? DEFAULT_DISK_RESERVE_MB * MB,
    logger,
  });
  let audit: WaitingAudit | null = null;
  let onChange: () => void = () => {};
  let timer: NodeJS.Timeout | null = null;
  /** What the page was last told, to tell it again only when something it shows changed. */
  let told = '';

  function status(): DiskStatus {
    const counts = audit?.waiting() ?? { waiting: 0, lost: 0 };
    return { ...space.state(), auditWaiting: counts.waiting, auditLost: counts.lost };
  }

  function check(): void {
    if (audit && audit.waiting().waiting > 0 && !space.state().writesRefused) {
      try {
        audit.flush();
        logger.info('audit.waiting_written', { lost: audit.waiting().lost });
      } catch (error) {
        if (isDiskFull(error)) space.noteRefused();
        else
          logger.error('audit.waiting_not_written', {
            waiting: audit.waiting().waiting,
            error: String((error as Error)?.message ?? error),
          });
      }
    }
    const now = status();
    const shown = JSON.stringify([
      now.full,
      now.writesRefused,
      Math.ceil(now.neededBytes / MB),
      now.auditWaiting,
      now.auditLost,
    ]);
    if (shown !== told) {
      told = shown;
      onChange();
    }
  }

  return {
    status,
    roomFor: space.roomFor,
    /** The dispatcher's mapping: a write refused for lack of space is answered as disk_full, and said at once on the status. */
    failureOf: ((error) => {
      const failure = space.failure(error);
      if (failure) check();
      return failure;
    }) satisfies FailureOf,
    /** Starts watching, once the audit trail and the status's publisher exist. */
    watch(waitingAudit: WaitingAudit, publish: () => void): void {
      audit = waitingAudit;
      onChange = publish;
      told = JSON.stringify([false, false, 0, 0, 0]);
      timer = setInterval(check, options.checkIntervalMs ?? CHECK_INTERVAL_MS);
      timer.unref();
    },
    close(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
