// Builds the station's services on one data folder and exposes them as contract handlers.
// Used by the Electron entry and by browser mode alike, so both run the same code.
import fs from 'node:fs';
import os from 'node:os';
import type { StationStatus } from '../shared/station/station';
import { activityHandlers, communesFile, createActivityRepository, createActivityService, createCommunePlaces } from './activity';
import {
  actsHandlers,
  createAttachmentService,
  createEncounterRepository,
  createEncounterService,
  createReportPdfRepository,
  createReportPdfService,
  createStationConsent,
} from './acts';
import { createStationAudit, stationWho } from './audit';
import { callsHandlers, createCallRepository, createCallService } from './calls';
import { allGates, createDispatch, type Dispatch } from './contract/dispatch';
import { assembleHandlers } from './contract/handlers';
import { createDeviceService, createStationSteering, type DeviceSetup, devicesHandlers, startStationDevices } from './devices';
import { createStationIdentity, type OidcSettings } from './identity';
import { createStationImaging } from './imaging';
import { createKioskGate, createKioskService, kioskHandlers } from './kiosk';
import { createPatientRepository, createStationPatients, type InsiSettings } from './patients';
import { openStationStorageAtStart } from './platform/database/open-at-start';
import { createOutboxRepository } from './platform/database/outbox-repository';
import { auditHeadUrl } from './platform/hub/audit-head';
import { connectHubClient } from './platform/hub/hub-client';
import { createHubLink } from './platform/hub/hub-link';
import { createHubToken, tokenRefreshUrl, tokenSubject } from './platform/hub/hub-token';
import type { Logger } from './platform/logger';
import type { KeySealer } from './platform/security/data-key';
import { createStationEvents, type StationEvents } from './platform/station-events';
import {
  createDatabaseChannels,
  createStationDisk,
  createStationStatusService,
  type Restart,
  type StationDiskOptions,
  stationHandlers,
  superviseStation,
} from './station/index';
import { createStrokeService, strokeHandlers } from './stroke';
import {
  createConflictResolution,
  createFhirClient,
  createLocalResources,
  createReconcileRepository,
  createServerVersionTaker,
  createSyncRepository,
  startStationSync,
  type StationSync,
  syncHandlers,
} from './sync';
import { createStationTeleexpertise } from './teleexpertise';

/** What a station without sign-in means, for the log the hospital's IT reads. */
export const NO_SIGN_IN_TEXT = 'No professional sign-in on this station (RELAIS_NO_SIGN_IN=1): anyone at the station reads every record.';

export interface StationOptions {
  dataDir: string;
  mode: StationStatus['mode'];
  logger: Logger;
  stationName?: string;
  hubUrl?: string | null;
  now?: () => Date;
  /** Which devices to run; none by default (tests). The hosts read devices.json (loadDeviceSetup). */
  devices?: DeviceSetup;
  /** Where device profiles live; resources/ beside the app by default. */
  resourcesDir?: string;
  /** The station's access token for the hub at hubUrl. */
  hubToken?: string;
  /** "relay" forces calls through the hub's TURN servers. */
  icePolicy?: 'all' | 'relay';
  /** The commune coordinate table (open-data CSV) for the km acts avoided; communes.csv in dataDir by default. */
  communesFile?: string;
  /** The regional FHIR R4 server the records sync to (with hubToken); none: records stay here. */
  fhirUrl?: string | null;
  /** The built frame-decoding worker (out/main/imaging-worker.cjs); none: frames decode inline. */
  imagingWorker?: string | null;
  /** The hospital PACS's DICOMweb root; none: images come from drives only. */
  pacsUrl?: string | null;
  /** The hospital's INSi gateway (RELAIS_INSI_URL); none: the INS cannot be retrieved here. */
  insi?: InsiSettings | null;
  /** The region's resumable upload endpoint (tus) for attachment files. */
  uploadsUrl?: string | null;
  /** The OS keychain that seals the data key (Electron's safeStorage); none: a key file (browser mode, tests). */
  keySealer?: KeySealer | null;
  /** An OS keychain without a keyring behind it (basic_text) is accepted only when the site says so (RELAIS_ALLOW_NO_KEYRING=1). */
  allowNoKeyring?: boolean;
  /** The data key file when there is no keychain; beside the data folder by default (RELAIS_DATA_KEY_FILE). */
  dataKeyFile?: string | null;
  /** The professional identity provider (Pro Santé Connect); none: no sign-in on this station. */
  oidc?: OidcSettings | null;
  /** Opens an address in the system browser (Electron); browser mode leaves it to the page. */
  openBrowser?: (url: string) => void;
  /** How many backups of the database are kept in the data folder (RELAIS_BACKUPS_KEPT, 7 by default). */
  backupsKept?: number;
  /** How soon after a change, and how often, the sync runs (tests and the crash test shorten them). */
  syncTiming?: { debounceMs?: number; intervalMs?: number; pullIntervalMs?: number; pullMarginMs?: number; reconcileIntervalMs?: number };
  /** The space kept free for the records (RELAIS_DISK_RESERVE_MB), and how often the disk is measured. */
  disk?: StationDiskOptions;
}

export interface Station {
  dispatch: Dispatch;
  events: StationEvents;
  /** Resolves once the configured (or simulated) devices are set up; device errors are logged. */
  devicesReady: Promise<void>;
  /** What holds an update back, asked of the services, not through the sign-in gate: a locked cart is idle. */
  busyState(): { openCalls: number; kioskActive: boolean };
  close(): Promise<void>;
}

/** The station, started again around a change of its database file (a person's decision for a held database). */
export function createStation(options: StationOptions): Station {
  return superviseStation((restart) => createStationOnce(options, restart));
}

function createStationOnce(options: StationOptions, restart: Restart | null): Station {
  const { dataDir, mode, logger } = options;
  const now = options.now ?? (() => new Date());
  // SECURITY: the data folder holds patient records: readable by the station's user only.
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // SECURITY: records and files are encrypted at rest with the station's data key (data-key.ts).
  // Safety: checked before anything writes (WAL, quick_check, audit anchor); a doubtful database is held read-only.
  const keyOptions = { keyFile: options.dataKeyFile, sealer: options.keySealer, allowNoKeyring: options.allowNoKeyring ?? false };
  const { keys, db, sealer, store: fileStore, guard } = openStationStorageAtStart(dataDir, keyOptions, { now, logger, backupsKept: options.backupsKept });
  // SECURITY: a station without professional sign-in (the site's choice) says so at every start.
  if (!options.oidc) logger.warn('sign_in.none', { text: NO_SIGN_IN_TEXT });
  const events = createStationEvents();
  const disk = createStationDisk(dataDir, options.disk ?? {}, logger);

  const patientsRepo = createPatientRepository(db);
  const plainOutbox = createOutboxRepository(db);
  // Every local change goes through the outbox: each one asks the sync to run soon.
  let syncService: StationSync | null = null;
  const outbox: typeof plainOutbox = {
    ...plainOutbox,
    enqueue(...args) {
      plainOutbox.enqueue(...args);
      syncService?.kick();
    },
  };
  const publishStatus = () => events.emit('station.statusChanged', status.status());
  const devices = createDeviceService({
    onDevicesChanged: (list) => {
      events.emit('devices.changed', list);
      publishStatus();
    },
    onReading: (reading) => events.emit('oximeter.reading', reading),
  });
  let hubWasOnline = false;
  const hub = createHubLink(options.hubUrl ?? null, () => {
    publishStatus();
    calls.linkChanged();
    if (hub.state().state !== 'online') steering.hubLost();
    // The region is back: what waited out a network drop goes now, not at the end of its back-off.
    const online = hub.state().state === 'online';
    if (online && !hubWasOnline && syncService && syncRepository.retryNow() > 0) syncService.kick();
    // The hub went away or came back: it may have been restarted with less than it had.
    if (online !== hubWasOnline) syncService?.regionMayHaveChanged();
    hubWasOnline = online;
  });
  const callRepository = createCallRepository(db);
  const encounterRepository = createEncounterRepository(db);
  const reportPdfRepository = createReportPdfRepository(db);
  const reportPdfs = createReportPdfService({ encounters: encounterRepository, patients: patientsRepo, pdfs: reportPdfRepository, now });
  const encounters = createEncounterService({
    db,
    encounters: encounterRepository,
    patients: patientsRepo,
    calls: callRepository,
    outbox,
    pdfs: reportPdfRepository,
    renderPdf: reportPdfs.render,
    now,
    onChanged: (id) => {
      events.emit('encounters.changed', { id });
      consent.actChanged(id);
      publishStatus();
    },
  });
  // The patient's consent around calls: told to the other station, and checked before each recording.
  const consent = createStationConsent({ encounters: encounterRepository, send: (command) => void calls.send(command), events, logger });
  const attachments = createAttachmentService({
    db,
    dataDir,
    store: fileStore,
    sealer,
    calls: callRepository,
    encounters: encounterRepository,
    onActChanged: (id) => events.emit('encounters.changed', { id }),
    outbox,
    now,
    roomFor: disk.roomFor,
    requireConsent: consent.requireForAttachment,
  });
  const imaging = createStationImaging({
    db,
    dataDir,
    outbox,
    patients: patientsRepo,
    encounters: encounterRepository,
    calls: callRepository,
    store: fileStore,
    sealer,
    now,
    events,
    imagingWorker: options.imagingWorker ?? null,
    pacsUrl: options.pacsUrl ?? null,
    roomFor: disk.roomFor,
    onIdentityOverride: (override) => stationAudit.imagingOverride(override),
  });
  const kiosk = createKioskService({
    dataDir,
    now,
    site: options.stationName ?? os.hostname(),
    onChanged: (state) => events.emit('kiosk.changed', state),
    onSessionEnded: () => events.emit('kiosk.sessionEnded', { at: now().toISOString() }),
  });
  const identity = createStationIdentity({ settings: options.oidc ?? null, ...(options.openBrowser ? { openBrowser: options.openBrowser } : {}), events, now, lockPaused: () => kiosk.state().active, log: (event, detail) => logger.info(event, detail),
    onSessionEnded: (user, reason) => stationAudit.sessionEnded(user, reason) });
  const stroke = createStrokeService({ db, encounters: encounterRepository, patients: patientsRepo, now, onChanged: (encounterId) => events.emit('stroke.changed', { encounterId }) });
  const calls = createCallService({
    db,
    calls: callRepository,
    outbox,
    link: hub,
    now,
    icePolicy: options.icePolicy ?? 'all',
    onState: (state) => events.emit('calls.hubChanged', state),
    onMessage: (message) => {
      // The other station's word on the patient's consent is main's, not the page's.
      if (consent.callMessage(message)) return;
      if (message.type === 'directory') teleexpertise.directorySeen();
      stationAudit.callMessage(message);
      steering.callMessage(message);
      events.emit('calls.message', message);
    },
  });
  const { patients, handlers: patientHandlers } = createStationPatients({
    db,
    repository: patientsRepo,
    outbox,
    insi: options.insi ?? null,
    now,
    who: () => stationWho(stationName, () => calls.state().you, () => identity.state().user)().who,
    signedIn: () => identity.state().user,
    logger,
    onChanged: (id) => {
      events.emit('patients.changed', { id });
      publishStatus();
    },
  });
  const syncRepository = createSyncRepository(db);
  // One holder of the hub token, renewed before it expires: every user reads the current one.
  const hubToken = options.hubToken ? createHubToken({ token: options.hubToken, refreshUrl: tokenRefreshUrl(options.hubUrl, options.fhirUrl), onChange: () => publishStatus(), log: (level, event, detail) => logger[level](event, detail) }) : null;
  const fhirClient = options.fhirUrl && hubToken ? createFhirClient({ baseUrl: options.fhirUrl, token: hubToken.current, onUnauthorized: hubToken.rejected }) : null;
  const teleexpertise = createStationTeleexpertise({ db, outbox, acts: encounters, encounters: encounterRepository, sync: syncRepository, hub: () => calls.state(), now, events,
    fhir: fhirClient && hubToken ? { client: fhirClient, uploadsUrl: options.uploadsUrl ?? null, token: hubToken.current } : null });
  const localResources = createLocalResources({ patients: patientsRepo, encounters: encounterRepository, imaging: imaging.repository, teleexpertise: teleexpertise.repository, reportPdfs });
  const serverVersions = createServerVersionTaker({
    sync: syncRepository,
    patients: patientsRepo,
    encounters: encounterRepository,
    now,
    inTransaction: (work) => db.transaction(work)(),
    onChanged: (entity, id) => {
      if (entity === 'patient') events.emit('patients.changed', { id });
      else events.emit('encounters.changed', { id });
      publishStatus();
    },
  });
  const conflicts = createConflictResolution({ sync: syncRepository, outbox, local: localResources, taker: serverVersions, now, inTransaction: (work) => db.transaction(work)() });
  const stationName = options.stationName ?? os.hostname();
  const stationAudit = createStationAudit({ db, dataDir, outbox, encounters: encounterRepository, stationName, hubIdentity: () => calls.state().you, signedIn: () => identity.state().user, now, logger,
    region: hubToken ? { headUrl: auditHeadUrl(options.hubUrl, options.fhirUrl), token: hubToken.current } : null, writable: () => !guard.held() });
  const database = createDatabaseChannels({ dataDir, key: keys.database, guard, settings: { now, logger }, sync: syncRepository, restart,
    unwritten: stationAudit.unwritten, stationName, who: stationWho(stationName, () => calls.state().you, () => identity.state().user),
    region: () => (options.fhirUrl && hubToken ? { fhirUrl: options.fhirUrl, token: hubToken.current(), sub: tokenSubject(hubToken.current()) } : null),
    openCalls: () => calls.openCalls(), onHeld: () => void Promise.all([publishStatus(), syncService?.stop()]) });
  const steering = createStationSteering({
    devices, self: () => calls.state().you, signedIn: () => identity.state().user, audit: stationAudit.steering, events, now, logger,
  });
  const activity = createActivityService({ activity: createActivityRepository(db), places: createCommunePlaces(options.communesFile ?? communesFile({}, dataDir)), stationName });
  const status = createStationStatusService({
    stationName,
    mode,
    dataDir,
    dataProtection: { protection: keys.protection, keyPath: keys.keyPath, weaknesses: keys.weaknesses },
    signIn: options.oidc ? 'required' : 'none',
    devices,
    hub,
    ...(hubToken ? { hubToken: hubToken.status } : {}),
    outbox,
    patientCount: () => patients.count(),
    database: database.status,
    sync: () => syncService?.status() ?? { server: options.fhirUrl ?? null, parked: 0, auditRefused: 0, conflicts: 0, lastError: null, lastPullAt: null, uploads: [] },
    disk: disk.status,
  });
  disk.watch(stationAudit, publishStatus);

  // Each feature answers its own channels; they are assembled in one place (contract/handlers.ts).
  const handlers = assembleHandlers({
    station: { ...stationHandlers(status), ...database.handlers },
    sync: syncHandlers({ sync: () => syncService, conflicts, publishStatus, regionChecked: () => regionChecked }),
    patients: patientHandlers,
    devices: { ...devicesHandlers(devices), ...steering.handlers },
    calls: callsHandlers({ calls, outgoingGuards: [consent.guardOutgoing, steering.callCommand] }),
    acts: { ...actsHandlers({ encounters, reportPdfs, attachments }), ...consent.handlers },
    imaging: imaging.handlers,
    teleexpertise: teleexpertise.handlers,
    audit: stationAudit.handlers,
    stroke: strokeHandlers(stroke),
    identity: identity.handlers,
    kiosk: kioskHandlers(kiosk),
    activity: activityHandlers(activity),
  });

  const deviceStartup = startStationDevices({ setup: options.devices ?? { mode: 'none' }, devices, dataDir, resourcesDir: options.resourcesDir, logger, now, events });

  const hubClient = options.hubUrl && hubToken
    ? connectHubClient({ url: options.hubUrl, token: hubToken.current, onRefused: (status) => status === 401 && hubToken.rejected(), link: hub, onMessage: (m) => calls.handle(m), onLog: (event, detail) => logger.info(event, detail) })
    : null;
  if (hubClient) calls.useSender((message) => hubClient.send(message));
  hubToken?.onRotated(() => hubClient?.reconnect());

  const startSync = () => {
    if (!(options.fhirUrl && hubToken && fhirClient)) return;
    syncService = startStationSync({
      fhirUrl: options.fhirUrl,
      client: fhirClient,
      uploadsUrl: options.uploadsUrl ?? null,
      token: hubToken.current,
      syncTiming: options.syncTiming,
      sync: syncRepository,
      records: { patients: patientsRepo, encounters: encounterRepository, calls: callRepository, imaging: imaging.repository, teleexpertise: teleexpertise.repository, attachments: fileStore, reportPdfs },
      audit: stationAudit.syncSource(() => tokenSubject(hubToken.current())),
      reconcile: { store: createReconcileRepository(db), subject: () => tokenSubject(hubToken.current()), auditSite: stationName, linkDown: () => hub.state().state === 'offline' },
      local: localResources,
      taker: serverVersions,
      withMessagesPull: teleexpertise.withMessagesPull,
      publishStatus,
      logger,
      now,
      inTransaction: (work) => db.transaction(work)(),
    });
  };

  // Safety: the region's copy of the last audit row is compared before the sync starts (a folder rolled back is held first).
  let closed = false;
  const regionChecked = database.compareWithRegion(hubToken ? { headUrl: auditHeadUrl(options.hubUrl, options.fhirUrl), token: hubToken.current } : null);
  void regionChecked.then(() => {
    if (!closed && !guard.held()) startSync();
  });

  logger.info('station.started', { mode, dataDir });
  return {
    // The cabin's gate first (in kiosk mode its refusal says how to reach the other screens), then sign-in, then the database's.
    dispatch: createDispatch(handlers, logger, {
      gate: allGates(createKioskGate(() => kiosk.state().active), (channel) => identity.gate(channel), guard.gate),
      audit: stationAudit.onCall,
      failureOf: (error) => guard.failureOf(error) ?? disk.failureOf(error),
    }),
    events,
    devicesReady: deviceStartup.ready,
    busyState: () => ({ openCalls: calls.openCalls(), kioskActive: kiosk.state().active }),
    async close() {
      closed = true;
      guard.stop();
      disk.close();
      identity.close();
      hubToken?.close();
      hubClient?.close();
      await syncService?.stop();
      attachments.close();
      await imaging.close();
      // Devices first: a plug scan or a device event still running would write to a closed database.
      await deviceStartup.stop();
      db.close();
    },
  };
}
