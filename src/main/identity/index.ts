// The identity feature's public face: the person at the station (sign-in, OIDC, badge, PIN lock). What
// the composition (station.ts) and the other features may import from it; the rest of the folder is
// the feature's own (lint: relais/boundaries).
export type { OidcSettings } from './oidc-login';
export { oidcSettingsFromEnv } from './oidc-settings';
export { createStationIdentity } from './station-identity';
export { createIdentityFeature } from './identity-feature';
