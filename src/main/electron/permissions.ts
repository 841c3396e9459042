// Web permission policy (model: Signal's app/permissions): a pure decision, then its wiring on a session.
import type { Session } from 'electron';
import { isAppUrl } from './app-origin';

export interface PermissionDetails {
  // For 'media': which devices the page asks for ('video' = camera, 'audio' = microphone).
  mediaTypes?: readonly string[];
  // False when the request comes from an iframe.
  isMainFrame?: boolean;
}

const MEDIA_TYPES = new Set(['video', 'audio']);

// SECURITY: deny by default. Only the app's own top-level page gets anything:
// - 'media': camera and microphone for the consultation itself;
// - 'clipboard-sanitized-write': copying an INS or a report excerpt (write only, sanitised;
//   reading the clipboard stays denied so the page cannot see what was copied elsewhere).
// Denied on purpose:
// - 'display-capture': sharing the screen (e.g. CT images) could be useful later, but it shows
//   whatever is on the cart's screen, so it waits for a dedicated flow with its own consent;
// - 'hid', 'serial', 'usb', 'bluetooth' via the web APIs: devices are driven by main only;
// - 'notifications', 'geolocation', 'midi', 'openExternal', 'fullscreen', 'idle-detection',
//   'clipboard-read', and anything new Chromium adds later: not needed, so not granted.
export function decidePermission(permission: string, requestingUrl: string, details: PermissionDetails = {}): boolean {
  if (!isAppUrl(requestingUrl)) return false;
  // SECURITY: an iframe, even on app://, never gets a permission.
  if (details.isMainFrame === false) return false;
  switch (permission) {
    case 'media': {
      const types = details.mediaTypes ?? [];
      // SECURITY: at least one device, and only camera/microphone ('unknown' is refused).
      return types.length > 0 && types.every((type) => MEDIA_TYPES.has(type));
    }
    case 'clipboard-sanitized-write':
      return true;
    default:
      return false;
  }
}

// SECURITY: the web pickers for HID, serial, USB are cancelled: devices are opened by main's
// device registry, never chosen by the page (an XSS must not be able to grab a serial port).
export function denyDevicePickers(session: Session): void {
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
}

export function installPermissionPolicy(session: Session): void {
  // SECURITY: asynchronous requests (getUserMedia, clipboard, notifications...). The frame's
  // own URL is judged, not the window's, so an iframe cannot borrow the app's permissions.
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(decidePermission(permission, details.requestingUrl, { mediaTypes, isMainFrame: details.isMainFrame }));
  });
  // SECURITY: synchronous checks (navigator.permissions.query, enumerateDevices labels, device
  // APIs) use the same rule so a check never says yes where a request would say no.
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    const mediaTypes = details.mediaType ? [details.mediaType] : undefined;
    return decidePermission(permission, requestingOrigin, { mediaTypes, isMainFrame: details.isMainFrame });
  });
  // SECURITY: no device ever gets a web-API grant (HID, serial, USB), whatever the origin.
  session.setDevicePermissionHandler(() => false);
  denyDevicePickers(session);
}
