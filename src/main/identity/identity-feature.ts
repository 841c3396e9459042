// The identity feature as the station composes it: the person at the station (sign-in, PIN lock).
import type { StationPlatform } from '../platform/station-platform';
import { createStationIdentity, type StationIdentityDeps } from './station-identity';

export interface IdentityFeatureDeps {
  settings: StationIdentityDeps['settings'];
  openBrowser?: StationIdentityDeps['openBrowser'];
  lockPaused: NonNullable<StationIdentityDeps['lockPaused']>;
  onSessionEnded: NonNullable<StationIdentityDeps['onSessionEnded']>;
}

export function createIdentityFeature(platform: StationPlatform, deps: IdentityFeatureDeps) {
  return createStationIdentity({
    settings: deps.settings,
    events: platform.events,
    now: platform.now,
    ...(deps.openBrowser ? { openBrowser: deps.openBrowser } : {}),
    lockPaused: deps.lockPaused,
    log: (event, detail) => platform.logger.info(event, detail),
    onSessionEnded: deps.onSessionEnded,
  });
}
