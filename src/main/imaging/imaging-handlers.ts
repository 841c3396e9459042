// The station's imaging, composed apart from the rest of the station: import from drives,
// dropped files and the hospital PACS, frames decoded off the main thread, and the contract
// channels that reach them.
import os from 'node:os';
import path from 'node:path';
import type { Handlers } from '../../shared/contract';
import type { CallRepository } from '../calls';
import type { Db } from '../platform/database/connection';
import type { EncounterRepository } from '../acts';
import { createImagingRepository } from './imaging-repository';
import type { OutboxRepository } from '../platform/database/outbox-repository';
import type { PatientRepository } from '../patients';
import { createDicomWebClient } from './dicomweb-client';
import { createFramePool } from './frame-pool';
import { createImagingDrops } from './imaging-drop';
import { createImagingService } from './imaging-service';
import { IMAGING_DROPS_DIR, PACS_INBOX_DIR, STORE_DIR } from '../platform/files/leftover-files';
import { createKeepPool } from './keep-pool';
import { createPacsService } from './pacs-service';
import type { StationEvents } from '../platform/station-events';
import type { FileSealer } from '../platform/security/sealed-file';
import type { AttachmentStore } from '../platform/files/attachment-store';
import type { IdentityOverride } from './imaging-identity';

type ImagingChannel = Extract<keyof Handlers, `imaging.${string}` | `pacs.${string}`>;

export interface StationImagingDeps {
  db: Db;
  dataDir: string;
  outbox: OutboxRepository;
  patients: PatientRepository;
  encounters: EncounterRepository;
  calls: CallRepository;
  /** The sealed store files are kept in by their SHA-256. */
  store: AttachmentStore;
  sealer: FileSealer;
  /** The key the store's files are sealed with: the import workers seal with it. */
  filesKey: Buffer;
  now: () => Date;
  events: StationEvents;
  imagingWorker: string | null;
  pacsUrl: string | null;
  /** Throws disk_full when `bytes` more would eat into the space kept for the records (disk-space.ts). */
  roomFor: (bytes: number, what: string) => void;
  /** A study filed although its traits differ from the record's: the audit trail's row. */
  onIdentityOverride: (override: IdentityOverride) => void;
}

export function createStationImaging(deps: StationImagingDeps) {
  const repository = createImagingRepository(deps.db);
  const drops = createImagingDrops({
    dir: path.join(deps.dataDir, IMAGING_DROPS_DIR),
    sealer: deps.sealer,
    now: deps.now,
    roomFor: deps.roomFor,
  });
  const framePool = createFramePool({ workerFile: deps.imagingWorker });
  // One import worker per core, two at most (a cart PC has two): bench/imaging.bench.ts measures it.
  const keepPool = createKeepPool({
    workerFile: deps.imagingWorker,
    filesKey: deps.filesKey,
    storeDir: path.join(deps.dataDir, STORE_DIR),
    workers: Math.min(Number(process.env.RELAIS_IMPORT_WORKERS ?? 2), os.availableParallelism()),
  });
  const imaging = createImagingService({
    db: deps.db,
    imaging: repository,
    outbox: deps.outbox,
    patients: deps.patients,
    encounters: deps.encounters,
    store: deps.store,
    now: deps.now,
    onProgress: (progress) => deps.events.emit('imaging.progress', progress),
    onPatientImaging: (patientId) => deps.events.emit('imaging.changed', { patientId }),
    readFrame: (bytes, index) => framePool.read(bytes, index),
    keepFile: keepPool ? (file, source) => keepPool.keep(file, source) : undefined,
    keepers: keepPool?.width,
    roomFor: deps.roomFor,
    onIdentityOverride: deps.onIdentityOverride,
  });
  const pacs = createPacsService({
    client: deps.pacsUrl ? createDicomWebClient({ baseUrl: deps.pacsUrl }) : null,
    imaging,
    repository,
    attachments: deps.calls,
    encounters: deps.encounters,
    patients: deps.patients,
    store: deps.store,
    sealer: deps.sealer,
    inboxDir: path.join(deps.dataDir, PACS_INBOX_DIR),
    roomFor: deps.roomFor,
  });

  const handlers: Pick<Handlers, ImagingChannel> = {
    'imaging.scan': ({ folder }) => imaging.scan(folder),
    'imaging.import': (input) => imaging.import(input),
    'imaging.studies': ({ patientId }) => imaging.studiesOf(patientId),
    'imaging.dropBegin': () => drops.begin(),
    'imaging.dropChunk': ({ dropId, file, offset, data }) =>
      drops.chunk(dropId, file, offset, Buffer.from(data, 'base64')),
    'imaging.dropScan': ({ dropId }) => imaging.scan(drops.folder(dropId), drops.source),
    'imaging.series': ({ seriesUid }) => imaging.series(seriesUid),
    'imaging.frame': ({ sopInstanceUid, frame }) => imaging.frame(sopInstanceUid, frame),
    'pacs.search': (search) => pacs.search(search),
    'pacs.retrieve': (input) => pacs.retrieve(input),
    'pacs.status': () => ({ configured: pacs.configured() }),
    'pacs.sendPhoto': ({ attachmentId }) => pacs.sendPhoto(attachmentId),
  };
  const close = async () => {
    drops.close();
    await framePool.close();
    await keepPool?.close();
  };
  return { repository, handlers, close };
}
