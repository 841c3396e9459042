// The developer switch: Chromium's developer tools and Electron's default menu (Reload, Toggle
// Developer Tools...) only when RELAIS_DEV_TOOLS=1 is in the environment Relais starts with.
export const DEV_TOOLS_SWITCH = 'RELAIS_DEV_TOOLS';

// SECURITY: off unless asked for by name, packaged build or not: a console in the page runs any
// contract call with the signed-in professional's session. Exactly "1", so that a stray value
// ("0", "false") never turns it on.
export function developerToolsAllowed(env: Readonly<Record<string, string | undefined>>): boolean {
  return env[DEV_TOOLS_SWITCH] === '1';
}
