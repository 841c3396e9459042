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
 * What Pro Santé Connect's userinfo holds for a professional (ANS, "Pro Santé Connect — userinfo":
 * SubjectNameID is the IdNatPS; SubjectRefPro lists her practices, each with its activities and
 * sites). The ID token itself carries little more than sub and the eIDAS level (acr).
 */
function pscUserInfo(account: (typeof ACCOUNTS)[number]) {
  return {
    sub: `f:550dc1c8-test:${account.idNatPs}`,
    SubjectNameID: account.idNatPs,
    preferred_username: account.idNatPs,
    given_name: account.given,
    family_name: account.family,
    codeCivilite: 'MME',
    SubjectOrganization: 'CHU DE BREST',
    SubjectOrganizationID: 'F290000017',
    SubjectRole: ['10^1.2.250.1.213.1.1.5.5'],
    Secteur_Activite: 'SA01^1.2.250.1.71.4.2.4',
    SubjectRefPro: {
      codeCivilite: 'MME',
      exercices: [
        {
          codeProfession: '10',
          codeCategorieProfessionnelle: 'C',
          nomDexercice: account.family,
          prenomDexercice: account.given,
          codeTypeSavoirFaire: 'S',
          codeSavoirFaire: 'SM42',
          activities: [
            {
              codeModeExercice: 'S',
              codeSecteurDactivite: 'SA01',
              raisonSocialeSite: 'CHU DE BREST',
              numeroFinessSite: '290000017',
              identifiantTechniqueDeLaStructure: 'F290000017',
              codePostal: '29200',
              bureauCedex: '29200 BREST',
            },
          ],
        },
      ],
    },
  };
}

/**
 * accessTokenTtl: seconds an access lasts; refreshTokens false: a provider that gives none, so the
 * station cannot renew a sign-in and must end it. profile "psc": answers as Pro Santé Connect's
 * documentation says: scope scope_all, the eIDAS level eidas1 in the ID token (acr), the
 * professional's identifiers and practices at the userinfo endpoint only.
 */
export async function startTestProvider(
  options: { accessTokenTtl?: number; refreshTokens?: boolean; profile?: 'generic' | 'psc' } = {},
): Promise<TestProvider> {
  const psc = options.profile === 'psc';
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'test-key-1';
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' };

  const relay = http.createServer();
  const relayPort = await listen(relay);
  const issuer = `http://127.0.0.1:${relayPort}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT.id,
        client_secret: CLIENT.secret,
        application_type: 'native',
        redirect_uris: ['http://127.0.0.1/callback'],
        post_logout_redirect_uris: ['http://127.0.0.1/signed-out'],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk as never] },
    findAccount: async (_ctx, id) => {
      const account = ACCOUNTS.find((a) => a.login === id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: async () =>
          psc
            ? { ...pscUserInfo(account), sub: id }
            : {
                sub: id,
                given_name: account.given,
                family_name: account.family,
                preferred_username: account.idNatPs,
                SubjectNameID: account.idNatPs,
              },
      };
    },
    claims: psc
      ? {
          openid: ['sub'],
          scope_all: [
            'SubjectNameID',
            'preferred_username',
            'given_name',
            'family_name',
            'codeCivilite',
            'SubjectOrganization',
            'SubjectOrganizationID',
            'SubjectRole',
            'Secteur_Activite',
            'SubjectRefPro',
          ],
        }
      : { openid: ['sub'], profile: ['given_name', 'family_name', 'preferred_username', 'SubjectNameID'] },
    // The generic provider puts the professional's claims in the ID token; PSC at userinfo only.
    conformIdTokenClaims: psc,
    scopes: psc ? ['openid', 'scope_all', 'offline_access'] : ['openid', 'profile', 'offline_access'],
    ...(psc ? { acrValues: ['eidas1'] } : {}),
    issueRefreshToken: async (_ctx, client) =>
      (options.refreshTokens ?? true) && client.grantTypeAllowed('refresh_token'),
    features: {
      devInteractions: { enabled: true },
      revocation: { enabled: true },
      rpInitiatedLogout: { enabled: true },
    },
    ttl: {
      AccessToken: options.accessTokenTtl ?? 600,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AuthorizationCode: 60,
      RefreshToken: 3600,
    },
  });
  if (psc) {
    // A sign-in with the CPS card or e-CPS is eIDAS "substantiel", which PSC states as acr eidas1.
    const finished = provider.interactionFinished.bind(provider);
    provider.interactionFinished = (req, res, result, finishOptions) =>
      finished(
        req,
        res,
        result.login ? { ...result, login: { ...result.login, acr: 'eidas1', amr: ['mfa'] } } : result,
        finishOptions,
      );
  }
  const backend = http.createServer(provider.callback());
  const backendPort = await listen(backend);

  let tamper: ((body: Record<string, unknown>) => Record<string, unknown>) | null = null;
  const requests: TestProvider['requests'] = [];
  relay.on('request', (req, res) => {
    // PSC's discovery path, served from the standard one.
    const path =
      req.url?.replace(/^\/\.well-known\/wallet-openid-configuration/, '/.well-known/openid-configuration') ?? '/';
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: backendPort,
        method: req.method,
        path,
        headers: { ...req.headers, host: `127.0.0.1:${relayPort}` },
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          requests.push({ method: req.method ?? 'GET', path: path.split('?')[0]!, status: answer.statusCode ?? 0 });
          let body = Buffer.concat(chunks);
          if (tamper && path.startsWith('/token') && answer.statusCode === 200)
            body = Buffer.from(JSON.stringify(tamper(JSON.parse(body.toString('utf8')) as Record<string, unknown>)));
          const headers = { ...answer.headers, 'content-length': String(body.length) };
          delete headers['transfer-encoding'];
          res.writeHead(answer.statusCode ?? 502, headers).end(body);
        });
      },
    );
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
    const response: Response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
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
    const html: string = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt: string | undefined = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
    if (!action || !prompt)
      throw new Error(`unexpected page from the provider (${response.status}): ${html.slice(0, 300)}`);
    url = new URL(action, url).href;
    form =
      prompt === 'login' ? new URLSearchParams({ prompt, login, password: 'any' }) : new URLSearchParams({ prompt });
  }
  throw new Error('the sign-in did not reach the station');
}
