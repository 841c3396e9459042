// The site's INSi gateway, as configured by the environment: RELAIS_INSI_URL (its root, e.g.
// https://insi.chu.example/relais) and RELAIS_INSI_TOKEN (a bearer, when the gateway asks for one).
// None: the station has no INSi, says so on the patient's screen, and identities stay PROV or VALI.

export interface InsiSettings {
  url: string;
  token: string | null;
}

const isLoopbackHost = (host: string) =>
  host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);

export function insiSettingsFromEnv(env: NodeJS.ProcessEnv): InsiSettings | null {
  const url = env.RELAIS_INSI_URL?.trim() || null;
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`RELAIS_INSI_URL must be the https:// address of the hospital's INSi gateway, not "${url}".`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`RELAIS_INSI_URL must be the https:// address of the hospital's INSi gateway, not "${url}".`);
  }
  // SECURITY: patients' traits and INS cross the hospital's network: https only, plain http only
  // to a gateway on this machine (tests, a local relay).
  if (parsed.protocol === 'http:' && !isLoopbackHost(parsed.hostname)) {
    throw new Error(
      `RELAIS_INSI_URL must be https (plain http only to a gateway on this machine), not "${url}": ask the hospital's IT for the gateway's https address.`,
    );
  }
  return { url: url.replace(/\/+$/, ''), token: env.RELAIS_INSI_TOKEN?.trim() || null };
}
