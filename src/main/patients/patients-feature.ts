// The patients feature as the station composes it: the registry and its handlers on the platform.
import type { StationPlatform } from '../platform/station-platform';
import { createStationPatients, type StationPatientsDeps } from './patient-handlers';
import { createPatientRepository } from './patient-repository';

export interface PatientsFeatureDeps {
  insi: StationPatientsDeps['insi'];
  who: StationPatientsDeps['who'];
  signedIn: StationPatientsDeps['signedIn'];
  statusChanged: () => void;
}

export function createPatientsFeature(platform: StationPlatform, deps: PatientsFeatureDeps) {
  const repository = createPatientRepository(platform.db);
  const { patients, handlers } = createStationPatients({
    db: platform.db,
    repository,
    outbox: platform.outbox,
    insi: deps.insi,
    now: platform.now,
    who: deps.who,
    signedIn: deps.signedIn,
    logger: platform.logger,
    onChanged: (id) => {
      platform.events.emit('patients.changed', { id });
      deps.statusChanged();
    },
  });
  return { repository, patients, handlers };
}
