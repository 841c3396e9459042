// A real OpenID Connect provider on loopback for tests (npm oidc-provider), shaped like Pro Santé
// Connect: its discovery document is also served at /.well-known/wallet-openid-configuration, the
// professional is named by IdNatPS (SubjectNameID, preferred_username), PKCE is required and the
// station is a native client with a loopback redirect. An HTTP relay stands in front of it (the
// issuer is the relay's address) so that a test can tamper with the token endpoint's answers, as
// an attacker on the path would.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export const CLIENT = { id: 'relais-station', secret: 'relais-station-secret-for-tests' };
export const PROFESSIONAL = { login: 'dr-kerleau', idNatPs: '810001234567', given: 'Anne', family: 'KERLEAU' };
/** A second professional of the same site, for the next person at a shared cart. */
export const COLLEAGUE = { login: 'ide-morvan', idNatPs: '810009876543', given: 'Yann', family: 'MORVAN' };
const ACCOUNTS = [PROFESSIONAL, COLLEAGUE];

export interface TestProvider {
  issuer: string;
  /** Every request through the relay: method, path and status. */
  requests: { method: string; path: string; status: number }[];
  /** Rewrites the token endpoint's JSON answers while set. */
  tamperTokens(rewrite: ((body: Record<string, unknown>) => Record<string, unknown>) | null): void;
  /** Signs a JWT with the provider's own key (to forge an otherwise valid but expired token). */
  signWithProviderKey(payload: Record<string, unknown>): string;
  close(): Promise<void>;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');
export function signJwt(payload: Record<string, unknown>, key: KeyObject, kid: string): string {
  const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const body = b64url(JSON.stringify(payload));
  return `${head}.${body}.${b64url(sign('sha256', Buffer.from(`${head}.${body}`), key))}`;
}

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return (server.address() as AddressInfo).port;
}

/**
 * accessTokenTtl: seconds an access lasts; refreshTokens false: a provider that gives none, so the
 * station cannot renew a sign-in and must end it.
 */
export async function startTestProvider(options: { accessTokenTtl?: number; refreshTokens?: boolean } = {}): Promise<TestProvider> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'test-key-1';
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' };

  const relay = http.createServer();
  const relayPort = await listen(relay);
  const issuer = `http://127.0.0.1:${relayPort}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: CLIENT.id, client_secret: CLIENT.secret, application_type: 'native', redirect_uris: ['http://127.0.0.1/callback'], post_logout_redirect_uris: ['http://127.0.0.1/signed-out'], grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic' }],
    jwks: { keys: [jwk as never] },
    findAccount: async (_ctx, id) => {
      const account = ACCOUNTS.find((a) => a.login === id);
      return account ? { accountId: id, claims: async () => ({ sub: id, given_name: account.given, family_name: account.family, preferred_username: account.idNatPs, SubjectNameID: account.idNatPs }) } : undefined;
    },
    claims: { openid: ['sub'], profile: ['given_name', 'family_name', 'preferred_username', 'SubjectNameID'] },
    // PSC puts the professional's claims in the ID token.
    conformIdTokenClaims: false,
    scopes: ['openid', 'profile', 'offline_access'],
    issueRefreshToken: async (_ctx, client) => (options.refreshTokens ?? true) && client.grantTypeAllowed('refresh_token'),
    features: { devInteractions: { enabled: true }, revocation: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    ttl: { AccessToken: options.accessTokenTtl ?? 600, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600, AuthorizationCode: 60, RefreshToken: 3600 },
  });
  const backend = http.createServer(provider.callback());
  const backendPort = await listen(backend);

  let tamper: ((body: Record<string, unknown>) => Record<string, unknown>) | null = null;
  const requests: TestProvider['requests'] = [];
  relay.on('request', (req, res) => {
    // PSC's discovery path, served from the standard one.
    const path = req.url?.replace(/^\/\.well-known\/wallet-openid-configuration/, '/.well-known/openid-configuration') ?? '/';
    const upstream = http.request({ host: '127.0.0.1', port: backendPort, method: req.method, path, headers: { ...req.headers, host: `127.0.0.1:${relayPort}` } }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => {
        requests.push({ method: req.method ?? 'GET', path: path.split('?')[0]!, status: answer.statusCode ?? 0 });
        let body = Buffer.concat(chunks);
        if (tamper && path.startsWith('/token') && answer.statusCode === 200) body = Buffer.from(JSON.stringify(tamper(JSON.parse(body.toString('utf8')) as Record<string, unknown>)));
        const headers = { ...answer.headers, 'content-length': String(body.length) };
        delete headers['transfer-encoding'];
        res.writeHead(answer.statusCode ?? 502, headers).end(body);
      });
    });
    req.pipe(upstream);
  });

  return {
    issuer,
    requests,
    tamperTokens: (rewrite) => void (tamper = rewrite),
    signWithProviderKey: (payload) => signJwt(payload, privateKey, kid),
    async close() {
      for (const server of [relay, backend]) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}

/**
 * Plays the person in the browser: follows the provider's redirects, signs in on its login page
 * (the development login form takes any password), consents, and lands on the station's
 * loopback callback.
 */
export async function signInInBrowser(authorizationUrl: string, login = PROFESSIONAL.login): Promise<void> {
  const redirectUri = new URL(authorizationUrl).searchParams.get('redirect_uri')!;
  const cookies = new Map<string, string>();
  let url = authorizationUrl;
  let form: URLSearchParams | null = null;
  for (let step = 0; step < 20; step++) {
    if (url.startsWith(redirectUri)) {
      await fetch(url);
      return;
    }
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(form ? { body: form.toString() } : {}),
    });
    for (const set of response.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const at = pair!.indexOf('=');
      cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    if (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get('location')!, url).href;
      form = null;
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`unexpected page from the provider (${response.status}): ${html.slice(0, 300)}`);
    url = new URL(action, url).href;
    form = prompt === 'login' ? new URLSearchParams({ prompt, login, password: 'any' }) : new URLSearchParams({ prompt });
  }
  throw new Error('the sign-in did not reach the station');
}
