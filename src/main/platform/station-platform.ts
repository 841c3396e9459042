// What every feature of the station stands on, built once per start and passed to each feature's
// factory: the data folder, the encrypted database and its guard, sealed files, the outbox, the
// station's events, the hub link and the hub token.
import fs from 'node:fs';
import os from 'node:os';
import { openStationStorageAtStart, type KeyOptions } from './database/open-at-start';
import { createOutboxRepository, type OutboxRepository } from './database/outbox-repository';
import { createHubLink, type HubLink } from './hub/hub-link';
import { createHubToken, tokenRefreshUrl, type HubToken } from './hub/hub-token';
import type { Logger } from './logger';
import { createStationEvents } from './station-events';

export interface PlatformOptions {
  dataDir: string;
  logger: Logger;
  now?: () => Date;
  stationName?: string;
  hubUrl?: string | null;
  hubToken?: string;
  fhirUrl?: string | null;
  keyOptions: KeyOptions;
  backupsKept?: number;
}

export interface PlatformHooks {
  /** Something the station's status shows changed (the hub link, the hub token). */
  statusChanged: () => void;
}

export type StationPlatform = ReturnType<typeof openStationPlatform>;

export function openStationPlatform(options: PlatformOptions, hooks: PlatformHooks) {
  const { dataDir, logger } = options;
  const now = options.now ?? (() => new Date());
  // SECURITY: the data folder holds patient records: readable by the station's user only.
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // SECURITY: records and files are encrypted at rest with the station's data key (data-key.ts).
  // Safety: checked before anything writes (WAL, quick_check, audit anchor); a doubtful database is held read-only.
  const storage = openStationStorageAtStart(dataDir, options.keyOptions, {
    now,
    logger,
    backupsKept: options.backupsKept,
  });
  const events = createStationEvents();

  const plainOutbox = createOutboxRepository(storage.db);
  // Every local change goes through the outbox: each one asks the sync to run soon (whenEnqueued).
  let enqueued: (() => void) | null = null;
  const outbox: OutboxRepository = {
    ...plainOutbox,
    enqueue(...args) {
      plainOutbox.enqueue(...args);
      enqueued?.();
    },
  };

  // The hub link's changes go first to the status, then to the features that asked, in that order.
  const linkListeners: (() => void)[] = [];
  const link: HubLink = createHubLink(options.hubUrl ?? null, () => {
    hooks.statusChanged();
    for (const listener of linkListeners) listener();
  });
  // One holder of the hub token, renewed before it expires: every user reads the current one.
  const token: HubToken | null = options.hubToken
    ? createHubToken({
        token: options.hubToken,
        refreshUrl: tokenRefreshUrl(options.hubUrl, options.fhirUrl),
        onChange: () => hooks.statusChanged(),
        log: (level, event, detail) => logger[level](event, detail),
      })
    : null;

  return {
    dataDir,
    logger,
    now,
    stationName: options.stationName ?? os.hostname(),
    keys: storage.keys,
    db: storage.db,
    sealer: storage.sealer,
    fileStore: storage.store,
    guard: storage.guard,
    events,
    outbox,
    /** Called after each change put in the outbox (the sync's kick). */
    whenEnqueued(listener: () => void): void {
      enqueued = listener;
    },
    hub: {
      url: options.hubUrl ?? null,
      fhirUrl: options.fhirUrl ?? null,
      link,
      token,
      onLinkChange: (listener: () => void) => void linkListeners.push(listener),
    },
  };
}
