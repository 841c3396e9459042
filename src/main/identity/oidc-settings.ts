// The identity provider as configured by the environment: Pro Santé Connect by one setting
// (RELAIS_OIDC_PROFILE=psc; the region gives the client id and secret), or any OpenID Connect
// provider (generic: its discovery address). A station without one opens every record to whoever
// stands at it: it starts so only when the site chose it (RELAIS_NO_SIGN_IN=1), and says so.
import type { OidcSettings } from './oidc-login';

/** Pro Santé Connect's production discovery document (ANS; its sandbox has its own address, given by RELAIS_OIDC_DISCOVERY_URL). */
export const PSC_DISCOVERY_URL =
  'https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet/.well-known/wallet-openid-configuration';
/** PSC gives the professional's identifiers and practices for scope_all. */
const PSC_SCOPE = 'openid scope_all';

const NO_PROVIDER =
  'No identity provider is configured (RELAIS_OIDC_PROFILE=psc, or RELAIS_OIDC_DISCOVERY_URL): without professional sign-in, anyone at the station reads every record. ' +
  "Configure the region's provider (see the README, Professional sign-in), or, if this site chose to run without sign-in, set RELAIS_NO_SIGN_IN=1. / " +
  'Aucun fournisseur d’identité configuré : sans connexion des professionnels, toute personne devant la station lit tous les dossiers. ' +
  'Configurez celui de la région, ou, si le site a fait ce choix, RELAIS_NO_SIGN_IN=1.';

export function oidcSettingsFromEnv(env: NodeJS.ProcessEnv): OidcSettings | null {
  const profile = env.RELAIS_OIDC_PROFILE?.trim() || null;
  if (profile !== null && profile !== 'psc' && profile !== 'generic')
    throw new Error(`RELAIS_OIDC_PROFILE must be psc or generic, not "${profile}".`);
  const discoveryUrl = env.RELAIS_OIDC_DISCOVERY_URL?.trim() || (profile === 'psc' ? PSC_DISCOVERY_URL : null);
  const noSignIn = env.RELAIS_NO_SIGN_IN?.trim() || null;
  if (noSignIn !== null && noSignIn !== '1')
    throw new Error(
      `RELAIS_NO_SIGN_IN must be 1 (this site runs without professional sign-in) or unset, not "${noSignIn}".`,
    );
  // SECURITY: fail closed: no provider is a choice the site states, never a default.
  if (!discoveryUrl) {
    if (noSignIn === '1') return null;
    throw new Error(NO_PROVIDER);
  }
  if (noSignIn === '1')
    throw new Error(
      'RELAIS_NO_SIGN_IN=1 and an identity provider are both set: keep the provider (sign-in required) or RELAIS_NO_SIGN_IN=1, not both.',
    );
  if (!/^https?:\/\/\S+$/.test(discoveryUrl))
    throw new Error(`RELAIS_OIDC_DISCOVERY_URL must be an http(s) address, not "${discoveryUrl}".`);
  const clientId = env.RELAIS_OIDC_CLIENT_ID?.trim();
  if (!clientId)
    throw new Error(
      'RELAIS_OIDC_CLIENT_ID is needed with an identity provider (the client id the region registered for this station).',
    );
  const clientSecret = env.RELAIS_OIDC_CLIENT_SECRET?.trim() || null;
  if (profile === 'psc')
    return { profile: 'psc', discoveryUrl, clientId, clientSecret, scope: env.RELAIS_OIDC_SCOPE?.trim() || PSC_SCOPE };
  return {
    profile: 'generic',
    discoveryUrl,
    clientId,
    clientSecret,
    scope: env.RELAIS_OIDC_SCOPE?.trim() || 'openid profile',
  };
}
