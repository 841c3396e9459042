// The hospital's PACS, as configured by the environment: its DICOMweb root (RELAIS_PACS_URL,
// e.g. https://pacs.chu.example/dicom-web). None: the station imports from drives only.
export function pacsUrlFromEnv(env: NodeJS.ProcessEnv): string | null {
  const url = env.RELAIS_PACS_URL?.trim() || null;
  if (url && !/^https?:\/\/[^\s]+$/.test(url)) throw new Error(`RELAIS_PACS_URL must be the http:// or https:// address of the PACS's DICOMweb root, not "${url}".`);
  return url ? url.replace(/\/+$/, '') : null;
}
