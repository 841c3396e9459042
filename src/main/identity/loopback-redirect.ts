// The loopback redirect of a native app's OpenID Connect login (RFC 8252 §7.3): a one-shot HTTP
// server on 127.0.0.1, on a port the OS picks, that waits for the browser to come back to
// /callback with the authorization response, answers the person in plain words, and closes.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackRedirect {
  redirectUri: string;
  /** The full callback URL the browser came back with (code and state, or an error). */
  response: Promise<URL>;
  close(): void;
}

const PAGE = (title: string, text: string) =>
  `<!doctype html><html lang="fr"><meta charset="utf-8"><title>${title}</title><body style="font-family:sans-serif;margin:3rem"><h1>${title}</h1><p>${text}</p></body></html>`;

export async function openLoopbackRedirect(options: { timeoutMs: number }): Promise<LoopbackRedirect> {
  let settle: { resolve: (url: URL) => void; reject: (error: Error) => void } | null = null;
  const response = new Promise<URL>((resolve, reject) => (settle = { resolve, reject }));
  // SECURITY: bound to the loopback address only: nothing outside this machine can answer.
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== '/callback') {
      res.writeHead(404).end();
      return;
    }
    const failed = url.searchParams.has('error');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(
      failed
        ? PAGE(
            'Connexion refusée / Sign-in refused',
            'Revenez à Relais pour réessayer. / Go back to Relais to try again.',
          )
        : PAGE(
            'Connexion réussie / Signed in',
            'Vous pouvez fermer cet onglet et revenir à Relais. / You may close this tab and go back to Relais.',
          ),
    );
    settle?.resolve(new URL(`${redirectUri}${url.search}`));
    close();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const redirectUri = `http://127.0.0.1:${port}/callback`;
  const timer = setTimeout(() => {
    settle?.reject(new Error('The sign-in was not completed in time: start it again.'));
    close();
  }, options.timeoutMs);
  function close() {
    clearTimeout(timer);
    server.close();
    server.closeAllConnections();
  }
  return { redirectUri, response, close };
}
