// Builds the station's services on one data folder and exposes them as contract handlers.
// Used by the Electron entry and by browser mode alike, so both run the same code.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Handlers } from '../shared/contract';
import type { StationStatus } from '../shared/station';
import { createDispatch, type Dispatch } from './contract/dispatch';
import { openDatabase } from './db/connection';
import { createOutboxRepository } from './db/outbox-repository';
import { createPatientRepository } from './db/patient-repository';
import type { Logger } from './logger';
import { createDeviceRegistry } from './services/device-registry';
import { createHubLink } from './services/hub-link';
import { createPatientService } from './services/patient-service';
import { createStationStatusService } from './services/station-status-service';
import { createStationEvents, type StationEvents } from './station-events';

export interface StationOptions {
  dataDir: string;
  mode: StationStatus['mode'];
  logger: Logger;
  stationName?: string;
  hubUrl?: string | null;
  now?: () => Date;
}

export interface Station {
  dispatch: Dispatch;
  events: StationEvents;
  close(): void;
}

export function createStation(options: StationOptions): Station {
  const { dataDir, mode, logger } = options;
  const now = options.now ?? (() => new Date());
  // SECURITY: the data folder holds patient records: readable by the station's user only.
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = openDatabase(path.join(dataDir, 'relais.sqlite'));
  const events = createStationEvents();

  const patientsRepo = createPatientRepository(db);
  const outbox = createOutboxRepository(db);
  const publishStatus = () => events.emit('station.statusChanged', status.status());
  const devices = createDeviceRegistry(publishStatus);
  const hub = createHubLink(options.hubUrl ?? null, publishStatus);
  const patients = createPatientService({
    db,
    patients: patientsRepo,
    outbox,
    now,
    onChanged: (id) => {
      events.emit('patients.changed', { id });
      publishStatus();
    },
  });
  const status = createStationStatusService({
    stationName: options.stationName ?? os.hostname(),
    mode,
    dataDir,
    devices,
    hub,
    outbox,
    patientCount: () => patients.count(),
  });

  const handlers: Handlers = {
    'station.status': () => status.status(),
    'patients.create': ({ identity, notDuplicateOf }) => patients.create(identity, notDuplicateOf),
    'patients.update': ({ id, version, identity }) => patients.update(id, version, identity),
    'patients.get': ({ id }) => patients.get(id),
    'patients.search': (query) => patients.search(query),
  };

  logger.info('station.started', { mode, dataDir });
  return {
    dispatch: createDispatch(handlers, logger),
    events,
    close() {
      db.close();
    },
  };
}
