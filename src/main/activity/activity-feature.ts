// The activity feature as the station composes it: the monthly report of this station's acts, with
// the commune table it reads (the configured file, else the one in the data folder).
import type { StationPlatform } from '../platform/station-platform';
import { activityHandlers } from './activity-handlers';
import { createActivityRepository } from './activity-repository';
import { createActivityService } from './activity-service';
import { communesFile, createCommunePlaces } from './commune-places';

export interface ActivityFeatureDeps {
  communesFile?: string;
}

export function createActivityFeature(platform: StationPlatform, deps: ActivityFeatureDeps) {
  const places = createCommunePlaces(deps.communesFile ?? communesFile({}, platform.dataDir));
  const activity = createActivityRepository(platform.db);
  const service = createActivityService({ activity, places, stationName: platform.stationName });
  return { service, handlers: activityHandlers(service) };
}
