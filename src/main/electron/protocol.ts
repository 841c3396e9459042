// The app:// protocol: serves the built renderer from one folder, with the CSP as a header.
import fs from 'node:fs/promises';
import path from 'node:path';
import { protocol, type Session } from 'electron';
import { contentSecurityPolicy } from '../platform/security/csp';
import { contentTypeFor, resolveInsideRoot } from '../platform/security/path-guard';
import { APP_SCHEME, isAppUrl } from './app-origin';

// Call before app 'ready': Chromium only reads scheme privileges at start-up.
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        // SECURITY: standard = real origin (app://relais), so same-origin policy, 'self' in
        // the CSP and relative URLs work as for https.
        standard: true,
        // SECURITY: a secure context, needed for getUserMedia and WebCrypto; no mixed content.
        secure: true,
        // The renderer fetches its own JSON (locales) with fetch().
        supportFetchAPI: true,
        // SECURITY: the CSP applies to app:// pages like any other; never bypassed.
        bypassCSP: false,
        // SECURITY: corsEnabled would let other origins read app:// responses cross-origin; the
        // app's own module scripts are same-origin and do not need it.
        corsEnabled: false,
        // SECURITY: no service worker could intercept and cache the app's requests.
        allowServiceWorkers: false,
        // Lets <video>/<audio> read app:// files as streams (sample sounds, help videos).
        stream: true,
      },
    },
  ]);
}

const SECURITY_HEADERS = (): Record<string, string> => ({
  'Content-Security-Policy': contentSecurityPolicy(),
  // SECURITY: the browser must trust our Content-Type and never sniff a file into HTML/script.
  'X-Content-Type-Options': 'nosniff',
  // SECURITY: app:// URLs (they may carry record ids in routes) never leak in a Referer.
  'Referrer-Policy': 'no-referrer',
});

function refuse(status: 403 | 404 | 405, extra: Record<string, string> = {}): Response {
  const text = status === 404 ? 'Not found' : status === 405 ? 'Method not allowed' : 'Forbidden';
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS(), ...extra },
  });
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative !== '' && !relative.startsWith('..' + path.sep) && relative !== '..' && !path.isAbsolute(relative);
}

// The request-to-response function, exported so tests can call it with a real Request.
export function createAppRequestHandler(rendererRoot: string): (request: Request) => Promise<Response> {
  const root = path.resolve(rendererRoot);
  let realRoot: Promise<string> | null = null;
  return async (request) => {
    // SECURITY: the renderer only ever reads files; no POST/PUT reaches the file system.
    if (request.method !== 'GET') return refuse(405, { Allow: 'GET' });
    // SECURITY: only app://relais, without userinfo or port; another host on the scheme
    // is not ours (and must not map onto the same folder).
    if (!isAppUrl(request.url)) return refuse(403);
    const file = resolveInsideRoot(root, new URL(request.url).pathname);
    if (file === null) return refuse(403);
    let realRootPath: string;
    try {
      realRootPath = await (realRoot ??= fs.realpath(root));
    } catch {
      // The build output is missing: nothing to serve (and retry next time).
      realRoot = null;
      return refuse(404);
    }
    try {
      // SECURITY: resolve symlinks and check again, so a link in the build output cannot
      // expose a file outside it.
      const realFile = await fs.realpath(file);
      if (!isInside(realRootPath, realFile)) return refuse(403);
      const stat = await fs.stat(realFile);
      if (!stat.isFile()) return refuse(404);
      const body = await fs.readFile(realFile);
      return new Response(new Uint8Array(body), {
        status: 200,
        headers: { 'Content-Type': contentTypeFor(realFile), ...SECURITY_HEADERS() },
      });
    } catch {
      return refuse(404);
    }
  };
}

export function handleAppProtocol(session: Session, rendererRoot: string): void {
  session.protocol.handle(APP_SCHEME, createAppRequestHandler(rendererRoot));
}
