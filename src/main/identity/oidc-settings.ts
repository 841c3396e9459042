// The identity provider as configured by the environment (Pro Santé Connect in production; the
// region gives the client id and secret). A station without one opens every record to whoever
// stands at it: it starts so only when the site chose it (RELAIS_NO_SIGN_IN=1), and says so.
import type { OidcSettings } from './oidc-login';

const NO_PROVIDER =
  'No identity provider is configured (RELAIS_OIDC_DISCOVERY_URL): without professional sign-in, anyone at the station reads every record. ' +
  "Configure the region's provider (see the README, Professional sign-in), or, if this site chose to run without sign-in, set RELAIS_NO_SIGN_IN=1. / " +
  'Aucun fournisseur d’identité configuré : sans connexion des professionnels, toute personne devant la station lit tous les dossiers. ' +
  'Configurez celui de la région, ou, si le site a fait ce choix, RELAIS_NO_SIGN_IN=1.';

export function oidcSettingsFromEnv(env: NodeJS.ProcessEnv): OidcSettings | null {
  const discoveryUrl = env.RELAIS_OIDC_DISCOVERY_URL?.trim();
  const noSignIn = env.RELAIS_NO_SIGN_IN?.trim() || null;
  if (noSignIn !== null && noSignIn !== '1') throw new Error(`RELAIS_NO_SIGN_IN must be 1 (this site runs without professional sign-in) or unset, not "${noSignIn}".`);
  // SECURITY: fail closed: no provider is a choice the site states, never a default.
  if (!discoveryUrl) {
    if (noSignIn === '1') return null;
    throw new Error(NO_PROVIDER);
  }
  if (noSignIn === '1') throw new Error('RELAIS_NO_SIGN_IN=1 and RELAIS_OIDC_DISCOVERY_URL are both set: keep the provider (sign-in required) or RELAIS_NO_SIGN_IN=1, not both.');
  if (!/^https?:\/\/\S+$/.test(discoveryUrl)) throw new Error(`RELAIS_OIDC_DISCOVERY_URL must be an http(s) address, not "${discoveryUrl}".`);
  const clientId = env.RELAIS_OIDC_CLIENT_ID?.trim();
  if (!clientId) throw new Error('RELAIS_OIDC_CLIENT_ID is needed with RELAIS_OIDC_DISCOVERY_URL (the client id the region registered for this station).');
  return { discoveryUrl, clientId, clientSecret: env.RELAIS_OIDC_CLIENT_SECRET?.trim() || null, scope: env.RELAIS_OIDC_SCOPE?.trim() || 'openid profile' };
}
