// The app's own origin (app://relais): the only origin allowed to load, navigate, call the
// station and use the camera. Pure, no electron import, so every check can share it.

export const APP_SCHEME = 'app';
export const APP_HOST = 'relais';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

// SECURITY: parsed with URL, never matched by prefix ("app://relais.evil/" or
// "app://relais@evil/" must fail). Node gives non-special schemes the origin "null", so the
// protocol and host are compared one by one; userinfo and ports are refused because the app
// origin never has them.
export function isAppUrl(url: string): boolean {
  if (typeof url !== 'string') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
