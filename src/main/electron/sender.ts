// Decides whether an IPC message comes from the app itself (model: VS Code's validateSender).
import { isAppUrl } from './app-origin';

export interface SenderFrame {
  url: string;
  parent: unknown;
}

// SECURITY: every contract call passes here. The frame must still exist (it is null once it
// navigated or was destroyed), be the top-level frame (an iframe, even same-origin, is not
// the app), and show an app:// URL. Anything else is refused, never "probably fine".
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  try {
    if (!frame || typeof frame !== 'object') return false;
    if (frame.parent !== null) return false;
    return isAppUrl(frame.url);
  } catch {
    // SECURITY: a disposed WebFrameMain throws on access; a frame we cannot read is refused.
    return false;
  }
}
