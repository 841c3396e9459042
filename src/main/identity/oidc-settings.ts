// The identity provider as configured by the environment (Pro Santé Connect in production; the
// region gives the client id and secret). None configured: the station works without sign-in, as
// before, and says so.
import type { OidcSettings } from './oidc-login';

export function oidcSettingsFromEnv(env: NodeJS.ProcessEnv): OidcSettings | null {
  const discoveryUrl = env.RELAIS_OIDC_DISCOVERY_URL?.trim();
  if (!discoveryUrl) return null;
  if (!/^https?:\/\/\S+$/.test(discoveryUrl)) throw new Error(`RELAIS_OIDC_DISCOVERY_URL must be an http(s) address, not "${discoveryUrl}".`);
  const clientId = env.RELAIS_OIDC_CLIENT_ID?.trim();
  if (!clientId) throw new Error('RELAIS_OIDC_CLIENT_ID is needed with RELAIS_OIDC_DISCOVERY_URL (the client id the region registered for this station).');
  return { discoveryUrl, clientId, clientSecret: env.RELAIS_OIDC_CLIENT_SECRET?.trim() || null, scope: env.RELAIS_OIDC_SCOPE?.trim() || 'openid profile' };
}
