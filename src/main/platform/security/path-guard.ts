// Maps a URL pathname to a file inside one folder, or refuses it: shared by the app:// protocol
// and the browser-mode static file server, so both serve exactly the same files.
import path from 'node:path';

const INDEX_FILE = 'index.html';

// SECURITY: encoded separators and NUL are refused before decoding: "%2F" would let a single
// segment carry a path, "%5C" is a separator on Windows, "%00" truncates paths in native code.
const ENCODED_FORBIDDEN = /%(?:2f|5c|00)/i;

// Returns the absolute path of the file the request names inside `root`, or null when the
// request is malformed or would leave `root`. `requestPath` is a URL pathname, still
// percent-encoded ("/assets/index-abc.js"); it must not carry a query or a fragment.
export function resolveInsideRoot(root: string, requestPath: string): string | null {
  if (typeof requestPath !== 'string' || typeof root !== 'string' || root === '') return null;
  if (requestPath === '' || requestPath === '/') return path.join(path.resolve(root), INDEX_FILE);
  // SECURITY: only absolute URL paths; "x/../.." or "C:/..." never reach path.resolve as-is.
  if (!requestPath.startsWith('/')) return null;
  // SECURITY: a raw "?" or "#" means the caller passed a whole URL, not a pathname: refuse
  // rather than guess which part is the file.
  if (/[?#]/.test(requestPath)) return null;
  if (ENCODED_FORBIDDEN.test(requestPath)) return null;
  // SECURITY: a backslash is a separator on Windows; no asset name legitimately has one.
  if (requestPath.includes('\\')) return null;

  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    // SECURITY: malformed percent-encoding ("%E0%A4%A") is refused, never passed on raw.
    return null;
  }
  // SECURITY: checked again after decoding, whatever the encoding trick was.
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  // SECURITY: ":" would allow drive letters and NTFS alternate data streams on Windows; build
  // output (Vite: name-hash.ext) never contains one.
  if (decoded.includes(':')) return null;
  const segments = decoded.split('/');
  // SECURITY: any "." or ".." segment is refused outright instead of being normalised away:
  // the renderer never asks for one, so seeing one means someone is probing.
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;

  const resolvedRoot = path.resolve(root);
  const target = path.resolve(resolvedRoot, '.' + decoded);
  // SECURITY: the containment check is the real guard; the checks above only refuse early.
  const relative = path.relative(resolvedRoot, target);
  if (relative === '' || relative === '..' || relative.startsWith('..' + path.sep) || path.isAbsolute(relative)) {
    return null;
  }
  return target;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

// SECURITY: an unknown extension is served as opaque bytes (with nosniff at the caller), so a
// stray file can never be interpreted as HTML or script.
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
