// The remote-acts feature as the station composes it: on the expert's station, the acts of other
// stations she took part in, from the contexts received over the calls (issue 21).
import type { StationPlatform } from '../platform/station-platform';
import { createRemoteActRepository } from './remote-act-repository';
import { createRemoteActService, type RemoteActServiceDeps } from './remote-act-service';
import { remoteActsHandlers } from './remote-acts-handlers';

export interface RemoteActsFeatureDeps {
  remoteOfCall: RemoteActServiceDeps['remoteOfCall'];
  expert: RemoteActServiceDeps['expert'];
}

export function createRemoteActsFeature(platform: StationPlatform, deps: RemoteActsFeatureDeps) {
  const repository = createRemoteActRepository(platform.db);
  const service = createRemoteActService({ db: platform.db, repository, ...deps, now: platform.now });
  return { repository, service, handlers: remoteActsHandlers(service) };
}
