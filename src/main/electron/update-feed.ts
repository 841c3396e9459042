// The regional update server's address: one rule for the packaging config (publish.url in
// electron-builder.yml, checked by the packaging tests) and for the running station (auto-update).
// Pure, no electron import, so the packaging tests and scripts can load it.

// A placeholder under a reserved name (.invalid never resolves): a region sets its own server
// when it builds its installers (-c.publish.url), or RELAIS_UPDATE_URL on a station to override it.
export const DEFAULT_UPDATE_URL = 'https://mises-a-jour.relais.invalid/station';

export type FeedCheck = { ok: true; url: string } | { ok: false; reason: string };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

// SECURITY: updates are code. Only https (the server proves who it is; on Linux that is all the
// authenticity there is, see docs/cart-install.md), or http on loopback for a test server.
// No credentials in the URL (they would be written into app-update.yml and the logs), no
// query or fragment (electron-updater appends file names to the path).
export function checkUpdateFeedUrl(value: unknown): FeedCheck {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 2048) {
    return { ok: false, reason: 'The update server address is missing or too long.' };
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { ok: false, reason: `The update server address is not a URL: ${JSON.stringify(value.slice(0, 80))}.` };
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return {
      ok: false,
      reason: `The update server must be reached over https (got ${url.protocol}//${url.host}); http is only accepted on this machine (loopback).`,
    };
  }
  if (url.username !== '' || url.password !== '')
    return { ok: false, reason: 'The update server address must not carry a user name or password.' };
  if (url.search !== '' || url.hash !== '')
    return { ok: false, reason: 'The update server address must not carry a query or fragment.' };
  return { ok: true, url: url.href.replace(/\/+$/, '') };
}

// RELAIS_UPDATE_URL when set, else the default; a bad value is an error, never a silent default.
export function updateFeedUrlFromEnv(env: Record<string, string | undefined>): FeedCheck {
  const raw = env.RELAIS_UPDATE_URL;
  return checkUpdateFeedUrl(raw === undefined || raw === '' ? DEFAULT_UPDATE_URL : raw);
}

// Reads the url out of the app-update.yml that electron-builder writes beside app.asar
// ("provider: generic", "url: https://...", "updaterCacheDirName: ..."). Anything else, or a
// provider other than generic, is refused: the station only updates from its regional server.
export function feedUrlFromAppUpdateYml(text: unknown): FeedCheck {
  if (typeof text !== 'string' || text.length > 10_000)
    return { ok: false, reason: 'app-update.yml is missing or too large.' };
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^([A-Za-z]+):\s*(.*?)\s*$/.exec(line);
    if (match) fields.set(match[1]!, match[2]!.replace(/^(['"])(.*)\1$/, '$2'));
  }
  if (fields.get('provider') !== 'generic')
    return { ok: false, reason: 'app-update.yml does not name the generic (regional server) provider.' };
  return checkUpdateFeedUrl(fields.get('url'));
}
