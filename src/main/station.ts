// Builds the station from its features' own factories on one platform (one data folder) and exposes
// them as contract handlers. Used by the Electron entry and by browser mode alike, so both run the same code.
import { createActivityFeature } from './activity';
import { answerFromHub, createActsFeature } from './acts';
import { createAuditFeature, stationWho } from './audit';
import { createCallsFeature } from './calls';
import { createAppointmentFeature, createOffersFeature } from './scheduling';
import { allGates, createDispatch, type Dispatch } from './contract/dispatch';
import { assembleHandlers } from './contract/handlers';
import { createDevicesFeature } from './devices';
import { createIdentityFeature } from './identity';
import { createImagingFeature } from './imaging';
import { createKioskFeature } from './kiosk';
import { createPatientsFeature } from './patients';
import type { StationEvents } from './platform/station-events';
import { openStationPlatform } from './platform/station-platform';
import {
  createStationDisk,
  createStationFeature,
  NO_SIGN_IN_TEXT,
  type Restart,
  type StationOptions,
  superviseStation,
} from './station/index';
import { createRemoteActsFeature, reportSigner } from './remote-acts';
import { createStrokeFeature } from './stroke';
import { createSyncFeature } from './sync';
import { createTeleexpertiseFeature } from './teleexpertise';

export { NO_SIGN_IN_TEXT, type StationOptions };

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
  const keyOptions = {
    keyFile: options.dataKeyFile,
    sealer: options.keySealer,
    allowNoKeyring: options.allowNoKeyring ?? false,
  };
  const platform = openStationPlatform({ ...options, keyOptions }, { statusChanged: () => publishStatus() });
  const { db, events, guard, stationName, hub } = platform;
  // SECURITY: a station without professional sign-in (the site's choice) says so at every start.
  if (!options.oidc) logger.warn('sign_in.none', { text: NO_SIGN_IN_TEXT });
  // A contact that cannot be shown is set aside, said at every start with the setting to correct.
  const supportProblem = options.supportContact?.problem;
  if (supportProblem) logger.warn('settings.support_contact_refused', { text: supportProblem });
  const disk = createStationDisk(dataDir, options.disk ?? {}, logger);
  // Read once per turn of the event loop however many changes came in it: an import or a pull
  // changes hundreds of records, and each read counts the registry and the outbox (about a
  // millisecond at 100,000 patients, which a patient's creation paid for every time).
  let statusDue = false;
  const publishStatus = () => {
    if (statusDue) return;
    statusDue = true;
    setImmediate(() => {
      statusDue = false;
      if (!closed) events.emit('station.statusChanged', station.status.status());
    });
  };
  const who = stationWho(
    stationName,
    () => calls.service.state().you,
    () => identity.state().user,
  );

  const signedIn = () => identity.state().user;
  const patients = createPatientsFeature(platform, {
    insi: options.insi ?? null,
    who: () => who().who,
    signedIn,
    statusChanged: publishStatus,
  });
  const calls = createCallsFeature(platform, {
    icePolicy: options.icePolicy ?? 'all',
    messageTakers: () => ({
      consent: acts.consent,
      directory: teleexpertise,
      audit: stationAudit,
      steering: devices.steering,
      offers,
    }),
    acts: () => acts.ofCalls,
  });
  const offers = createOffersFeature(platform, {
    send: (message) => calls.service.sendToHub(message),
    identity: () => calls.service.state().you,
    resourcesDir: options.resourcesDir,
  });
  const devices = createDevicesFeature(platform, {
    self: () => calls.service.state().you,
    signedIn,
    audit: (row) => stationAudit.steering(row),
    statusChanged: publishStatus,
  });
  const acts = createActsFeature(platform, {
    patients: patients.repository,
    calls: calls.repository,
    roomFor: disk.roomFor,
    sendToCall: (command) => void calls.service.send(command),
    statusChanged: publishStatus,
    resourcesDir: options.resourcesDir,
    auditReport: (row) => stationAudit.expertReport(row),
    auditPrescription: (row) => stationAudit.expertPrescription(row),
    studiesOfAct: (patientId, encounterId) =>
      imaging.repository
        .studiesOf(patientId)
        .filter((s) => s.encounter_id === encounterId)
        .map((s) => ({ name: s.description || s.study_date || 'DICOM', importedAt: s.imported_at })),
  });
  const encounters = acts.encounterRepository;
  const imaging = createImagingFeature(platform, {
    roomFor: disk.roomFor,
    patients: patients.repository,
    encounters,
    calls: calls.repository,
    imagingWorker: options.imagingWorker ?? null,
    pacsUrl: options.pacsUrl ?? null,
    onIdentityOverride: (override) => stationAudit.imagingOverride(override),
  });
  const kiosk = createKioskFeature(platform, {
    hubIdentity: () => calls.service.state().you,
    actOfPrescription: (id) => acts.prescriptions.get(id)?.encounterId ?? null,
  });
  const identity = createIdentityFeature(platform, {
    settings: options.oidc ?? null,
    ...(options.openBrowser ? { openBrowser: options.openBrowser } : {}),
    lockPaused: kiosk.active,
    onSessionEnded: (user, reason) => stationAudit.sessionEnded(user, reason),
  });
  const stroke = createStrokeFeature(platform, { encounters, patients: patients.repository });
  const sync = createSyncFeature(platform, {
    uploadsUrl: options.uploadsUrl ?? null,
    syncTiming: options.syncTiming,
    statusChanged: publishStatus,
  });
  const teleexpertise = createTeleexpertiseFeature(platform, {
    acts: acts.encounters,
    encounters,
    sync: sync.repository,
    fhir: sync.fhir,
    hub: () => calls.service.state(),
  });
  const remoteActs = createRemoteActsFeature(platform, {
    remoteOfCall: (callId) => calls.repository.remoteOf(callId),
    expert: () => {
      const you = calls.service.state().you;
      const user = signedIn();
      if (user) return { name: user.name, rpps: user.rpps, hubId: you?.id ?? null };
      return you ? { name: you.name, rpps: null, hubId: you.id } : null;
    },
    // Signed offline too (the report waits in the outbox): her hub identity is the last the hub gave.
    reportSigner: () => reportSigner(signedIn(), calls.service.state().you ?? calls.service.lastIdentity()),
  });
  const appointments = createAppointmentFeature(platform, {
    fhir: sync.fhir?.client ?? null,
    patientExists: (id) => patients.repository.get(id) !== null,
    // Names and birth date, in no language: the expert's station shows it as it comes.
    patientName: (id) => {
      const p = patients.repository.get(id);
      if (!p) return null;
      const [year, month, day] = p.birthDate.split('-');
      return `${p.birthName.toUpperCase()} ${p.firstName} (${day}/${month}/${year})`;
    },
    you: () => calls.service.state().you ?? calls.service.lastIdentity(),
    reminderMinutes: options.reminderMinutes,
  });
  sync.useRecords({
    patients: patients.repository,
    encounters,
    calls: calls.repository,
    imaging: imaging.repository,
    teleexpertise: teleexpertise.repository,
    attachments: platform.fileStore,
    reportPdfs: acts.reportPdfs,
    withMessagesPull: teleexpertise.withMessagesPull,
    remoteReports: remoteActs.reportRepository,
    remotePrescriptions: remoteActs.prescriptionRepository,
    actPrescriptions: acts.prescriptions,
    appointments: appointments.syncSource,
    addressed: {
      fileReport: (report, writer) => acts.expertReports.fromHub(report, writer),
      filePrescription: (prescription, writer) =>
        answerFromHub(() => acts.prescriptions.receive(prescription, { peerId: writer, via: 'hub', callId: null })),
      receiptCame: ({ document, ...answer }, writer) =>
        (document === 'report' ? remoteActs.reports : remoteActs.prescriptions).receiptFromHub(answer, writer),
    },
  });
  const stationAudit = createAuditFeature(platform, {
    encounters,
    signedIn,
    hubIdentity: () => calls.service.state().you,
  });
  const activity = createActivityFeature(platform, { communesFile: options.communesFile });
  const station = createStationFeature(platform, {
    mode,
    signIn: options.oidc ? 'required' : 'none',
    supportContact: options.supportContact?.contact ?? null,
    restart,
    disk,
    who,
    audit: stationAudit,
    sync,
    devices: devices.service,
    patientCount: () => patients.patients.count(),
    openCalls: () => calls.service.openCalls(),
    hubIdentity: () => calls.service.state().you,
    statusChanged: publishStatus,
  });

  // Each feature answers its own channels; they are assembled in one place (contract/handlers.ts).
  const handlers = assembleHandlers({
    station: station.handlers,
    sync: sync.handlers(),
    patients: patients.handlers,
    devices: devices.handlers,
    calls: calls.handlers([acts.consent.guardOutgoing, devices.steering.callCommand]),
    acts: kiosk.scopeActs(acts.handlers),
    imaging: imaging.handlers,
    teleexpertise: teleexpertise.handlers,
    audit: stationAudit.handlers,
    stroke: stroke.handlers,
    identity: identity.handlers,
    kiosk: kiosk.handlers,
    activity: activity.handlers,
    remoteActs: remoteActs.handlers,
    scheduling: { ...offers.handlers, ...appointments.handlers },
  });

  const deviceStartup = devices.start(options.devices, options.resourcesDir);
  calls.connectHub();
  // Safety: the region's copy of the last audit row is compared before the sync starts (a folder rolled back is held first).
  let closed = false;
  sync.startAfter(station.database.compareWithRegion(stationAudit.regionHead), {
    audit: stationAudit,
    stationName,
    mayStart: () => !closed && !guard.held(),
  });

  logger.info('station.started', { mode, dataDir });
  return {
    // The cabin's gate first (in kiosk mode its refusal says how to reach the other screens), then sign-in, then the database's.
    dispatch: createDispatch(handlers, logger, {
      gate: allGates(kiosk.gate, (channel) => identity.gate(channel), guard.gate),
      audit: stationAudit.onCall,
      failureOf: (error) => guard.failureOf(error) ?? disk.failureOf(error),
    }),
    events,
    devicesReady: deviceStartup.ready,
    busyState: () => ({ openCalls: calls.service.openCalls(), kioskActive: kiosk.active() }),
    async close() {
      closed = true;
      guard.stop();
      disk.close();
      identity.close();
      hub.token?.close();
      calls.closeHub();
      await sync.stop();
      acts.attachments.close();
      await imaging.close();
      // Devices first: a plug scan or a device event still running would write to a closed database.
      await deviceStartup.stop();
      db.close();
    },
  };
}
