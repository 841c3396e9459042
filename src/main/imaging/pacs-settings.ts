// The hospital's PACS, as configured by the environment: its DICOMweb root (RELAIS_PACS_URL,
// e.g. https://pacs.chu.example/dicom-web). None: the station imports from drives only.

/** 127.0.0.0/8, ::1 and localhost: an address reachable from this machine only. */
const isLoopbackHost = (host: string) =>
  host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);

export function pacsUrlFromEnv(env: NodeJS.ProcessEnv): string | null {
  const url = env.RELAIS_PACS_URL?.trim() || null;
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`RELAIS_PACS_URL must be the https:// address of the PACS's DICOMweb root, not "${url}".`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new Error(`RELAIS_PACS_URL must be the https:// address of the PACS's DICOMweb root, not "${url}".`);
  // SECURITY: images and patients' names cross the hospital's network: https only, plain http
  // only to a PACS on this machine (tests, a local gateway), as for the hub and the provider.
  if (parsed.protocol === 'http:' && !isLoopbackHost(parsed.hostname)) {
    throw new Error(
      `RELAIS_PACS_URL must be https (plain http only to a PACS on this machine), not "${url}": ask the hospital's IT for the PACS's https DICOMweb address, or a TLS gateway in front of it.`,
    );
  }
  return url.replace(/\/+$/, '');
}
