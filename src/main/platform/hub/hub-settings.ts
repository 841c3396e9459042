// The regional hub as configured by the environment: its address, the station's token, and
// whether calls must go through TURN. Wrong values stop the start with a message to act on.
export interface HubSettings {
  hubUrl: string | null;
  hubToken: string | undefined;
  icePolicy: 'all' | 'relay';
  /** The regional FHIR server: RELAIS_FHIR_URL, else the hub's own endpoint (/fhir/R4). */
  fhirUrl: string | null;
  /** Where attachment files go (tus): RELAIS_UPLOADS_URL, else the hub's /uploads. */
  uploadsUrl: string | null;
}

/** An HTTP endpoint of the hub on the same host: ws://h:p/hub -> http://h:p/<path> (wss -> https). */
function hubEndpoint(hubUrl: string, path: string): string {
  const url = new URL(hubUrl);
  return `${url.protocol === 'wss:' ? 'https:' : 'http:'}//${url.host}${path}`;
}
export const fhirUrlOfHub = (hubUrl: string) => hubEndpoint(hubUrl, '/fhir/R4');

/** 127.0.0.0/8, ::1 and localhost: the only hosts reached without TLS. */
function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname === '[::1]' ||
    hostname === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

/**
 * SECURITY: the token and patients' data never go in clear over a network: a ws:// or http://
 * address is accepted only on this machine (a development hub); elsewhere wss:// or https://.
 */
function requireTls(variable: string, value: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${variable} is not a readable address: "${value}".`);
  }
  if ((url.protocol === 'ws:' || url.protocol === 'http:') && !isLoopbackHost(url.hostname)) {
    const secure = url.protocol === 'ws:' ? 'wss://' : 'https://';
    throw new Error(
      `${variable} must use ${secure} for ${url.hostname}: ${url.protocol}// (without TLS) is only accepted for this machine (127.0.0.1, localhost). / ${variable} doit utiliser ${secure} pour ${url.hostname} : ${url.protocol}// (sans TLS) n'est accepté que pour cette machine.`,
    );
  }
}

export function hubSettingsFromEnv(env: NodeJS.ProcessEnv): HubSettings {
  const url = env.RELAIS_HUB_URL?.trim() || null;
  if (url && !/^wss?:\/\/[^\s]+$/.test(url))
    throw new Error(`RELAIS_HUB_URL must be a ws:// or wss:// address, not "${url}".`);
  const policy = env.RELAIS_ICE_POLICY?.trim() || 'all';
  if (policy !== 'all' && policy !== 'relay')
    throw new Error(`RELAIS_ICE_POLICY must be "all" or "relay" (calls only through TURN), not "${policy}".`);
  const fhir = env.RELAIS_FHIR_URL?.trim() || null;
  if (fhir && !/^https?:\/\/[^\s]+$/.test(fhir))
    throw new Error(`RELAIS_FHIR_URL must be an http:// or https:// address, not "${fhir}".`);
  const uploads = env.RELAIS_UPLOADS_URL?.trim() || null;
  if (uploads && !/^https?:\/\/[^\s]+$/.test(uploads))
    throw new Error(`RELAIS_UPLOADS_URL must be an http:// or https:// address, not "${uploads}".`);
  if (url) requireTls('RELAIS_HUB_URL', url);
  if (fhir) requireTls('RELAIS_FHIR_URL', fhir);
  if (uploads) requireTls('RELAIS_UPLOADS_URL', uploads);
  return {
    hubUrl: url,
    hubToken: env.RELAIS_HUB_TOKEN?.trim() || undefined,
    icePolicy: policy,
    fhirUrl: fhir ?? (url ? fhirUrlOfHub(url) : null),
    uploadsUrl: uploads ?? (url ? hubEndpoint(url, '/uploads') : null),
  };
}
