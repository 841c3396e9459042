// Serves the built renderer from one folder, with the same path guard and CSP as app:// under Electron.
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { contentSecurityPolicy } from '../platform/security/csp';
import { contentTypeFor, resolveInsideRoot } from '../platform/security/path-guard';

export function securityHeaders(connectSrc: string[]): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy({ connectSrc }),
    'X-Content-Type-Options': 'nosniff',
    // SECURITY: the station is never framed by another page, and leaks no address when a link is followed.
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    // SECURITY: camera and microphone for the station's own page only.
    'Permissions-Policy': 'camera=(self), microphone=(self), geolocation=(), usb=(), serial=(), hid=()',
  };
}

export function serveStatic(
  root: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  headers: Record<string, string>,
): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', ...headers }).end();
    return;
  }
  const pathname = (req.url ?? '/').split(/[?#]/)[0] ?? '/';
  const file = resolveInsideRoot(root, pathname);
  if (!file) {
    res.writeHead(403, headers).end();
    return;
  }
  // SECURITY: a symlink inside the folder could point anywhere: serve only what really lies inside.
  const real = realInside(root, file);
  if (!real) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...headers }).end('Not found');
    return;
  }
  fs.stat(real, (error, stat) => {
    if (error || !stat.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...headers }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': contentTypeFor(file),
      'Content-Length': String(stat.size),
      // Hashed assets never change; the page itself is always fetched fresh after an update.
      'Cache-Control': file.endsWith('.html') ? 'no-store' : 'public, max-age=31536000, immutable',
      ...headers,
    });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(real).pipe(res);
  });
}

function realInside(root: string, file: string): string | null {
  try {
    const realRoot = fs.realpathSync(root);
    const realFile = fs.realpathSync(file);
    const relative = path.relative(realRoot, realFile);
    return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? realFile : null;
  } catch {
    return null;
  }
}
