// The renderer's Content-Security-Policy, sent as a response header by the app:// protocol and
// by the browser-mode static server (which adds its loopback WebSocket to connect-src).

export interface CspOptions {
  // Extra connect-src sources, e.g. "ws://127.0.0.1:5174" for browser mode or the hub's URL.
  connectSrc?: string[];
}

// SECURITY: a source is one token; ";" "," quotes or whitespace would let a caller inject a
// directive (e.g. "x; script-src *"), so such values are a programming error, not a source.
const SAFE_SOURCE = /^[A-Za-z0-9*][A-Za-z0-9+.\-:/*[\]_%]*$/;

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const extra = options.connectSrc ?? [];
  for (const source of extra) {
    if (!SAFE_SOURCE.test(source)) throw new Error(`Invalid connect-src source: ${JSON.stringify(source)}`);
  }
  const directives: [string, string[]][] = [
    // SECURITY: deny by default; every kind of resource the app needs is listed below.
    ['default-src', ["'none'"]],
    // SECURITY: bundled scripts only: no inline script, no eval, no remote code. An XSS in the
    // page cannot load a payload from elsewhere.
    ['script-src', ["'self'"]],
    // SECURITY: bundled stylesheets only; no 'unsafe-inline' (React's style props go through
    // the CSSOM, which CSP does not block, so they still work).
    ['style-src', ["'self'"]],
    // SECURITY: data:/blob: for captured photos and thumbnails made in the page; no remote images,
    // so a page cannot leak data through an image URL.
    ['img-src', ["'self'", 'data:', 'blob:']],
    // SECURITY: mediastream: for the camera and WebRTC video, blob: for recorded sounds.
    ['media-src', ["'self'", 'blob:', 'mediastream:']],
    ['font-src', ["'self'"]],
    // SECURITY: the page talks to its own origin only, plus the few endpoints main allows.
    ['connect-src', ["'self'", ...extra]],
    // SECURITY: workers from the bundle or from blobs the page built (DICOM decoding).
    ['worker-src', ["'self'", 'blob:']],
    // SECURITY: frames only of blobs the page built: a kept PDF (a report, a prescription) loaded
    // to be printed (ui/pdf-file.ts). A blob document keeps this page's policy; nothing remote.
    ['frame-src', ['blob:']],
    // SECURITY: no <base> element can redirect relative URLs to another origin.
    ['base-uri', ["'none'"]],
    // SECURITY: forms never submit anywhere; the page talks to the station through the contract.
    ['form-action', ["'none'"]],
    // SECURITY: the app may not be framed by anything (clickjacking in browser mode).
    ['frame-ancestors', ["'none'"]],
    // SECURITY: no plugins (<object>, <embed>).
    ['object-src', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}
