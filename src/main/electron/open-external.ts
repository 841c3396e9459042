// Opens a link in the user's browser or mail client, only for schemes that are safe to hand off.
import { shell } from 'electron';

// SECURITY: allow-list, not deny-list. https: goes to the browser, mailto: to the mail client.
// Refused: http: (clear text), file:/smb: (run or mount local or network files, NTLM leaks),
// javascript:/data: and any custom scheme (registered handlers can run programs).
const ALLOWED_PROTOCOLS = new Set(['https:', 'mailto:']);

export function isAllowedExternalUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length > 2048) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!ALLOWED_PROTOCOLS.has(parsed.protocol)) return false;
  // SECURITY: "https://bank.fr@evil.example" style credentials mislead the reader and send
  // secrets; no legitimate link of ours carries them.
  if (parsed.username !== '' || parsed.password !== '') return false;
  // SECURITY: an https link must name a host (refuses "https:///x" oddities).
  if (parsed.protocol === 'https:' && parsed.hostname === '') return false;
  return true;
}

// Returns whether the URL was handed to the OS.
export function openExternalSafely(url: string): boolean {
  if (!isAllowedExternalUrl(url)) return false;
  // SECURITY: the normalised form is what was checked, so that is what the OS receives.
  shell.openExternal(new URL(url).href).catch(() => {
    // Nothing to do: the OS showed its own message if no handler exists.
  });
  return true;
}
