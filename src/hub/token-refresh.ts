// The hub's token refresh path for stations (POST /token/refresh with a valid Bearer token): a
// new token with the same claims, a new id, a fresh expiry and the current signing key, so that
// a cart moves to a rotated key without a new enrolment. The renewal keeps the chain (the id and
// time of the token the region issued): past the chain's maximum age it is refused and the
// region issues a new station token. The region's identity service replaces this (issue 8
// point 1): an OIDC refresh token bound to the cart's enrolment, revocable there.
import type http from 'node:http';
import type { RateLimiter } from './rate-limit';
import { issueToken, signingKey, type KeyRing, type Verified } from './tokens';

export const TOKEN_REFRESH_PATH = '/token/refresh';

export interface TokenRefreshOptions {
  keys: KeyRing;
  /** Verifies a token: signature, expiry and the revocation list. */
  authenticate: (token: string | undefined) => Verified;
  now: () => number;
  limiter: RateLimiter;
  lifetimeSeconds: number;
  /** How long after the region issued a token its renewals may go on (seconds). */
  maxAgeSeconds: number;
  log: (event: string, detail?: Record<string, unknown>) => void;
}

export function handleTokenRefresh(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  options: TokenRefreshOptions,
): void {
  const answer = (status: number, body: Record<string, unknown>) =>
    res
      .writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
      .end(JSON.stringify(body));
  req.resume(); // a body, if any, is not read
  if (req.method !== 'POST')
    return void answer(405, { error: 'method_not_allowed', message: 'POST with the current token as Bearer.' });
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const nowSeconds = Math.floor(options.now() / 1000);
  const verified = options.authenticate(token);
  // SECURITY: an expired or revoked token is not refreshed (the station needs a new one); an
  // expert's token comes from Pro Santé Connect, not from the hub.
  if (!verified.ok) {
    const revoked = 'This station token was revoked by the region: ask the regional IT for a new station token.';
    const message = verified.reason === 'revoked' ? revoked : `Access token ${verified.reason}.`;
    return void answer(401, { error: verified.reason, message });
  }
  const claims = verified.claims;
  if (claims.role !== 'station') {
    const message = 'Only a station refreshes its token at the hub; a professional logs in again.';
    return void answer(403, { error: 'not_a_station', message });
  }
  if (!options.limiter.take(claims.sub))
    return void answer(429, { error: 'rate_limited', message: 'Too many requests: slow down.' });
  // SECURITY: a chain of renewals ends: a stolen token cannot be kept alive forever.
  if (nowSeconds - claims.auth_time >= options.maxAgeSeconds) {
    const issued = new Date(claims.auth_time * 1000).toISOString().slice(0, 10);
    const days = Math.round(options.maxAgeSeconds / 86_400);
    options.log('hub.token_refresh_too_old', { sub: claims.sub, chain: claims.chain, issued });
    return void answer(403, {
      error: 'max_age',
      message:
        `This station token was issued on ${issued}; renewals stop after ${days} days (RELAIS_HUB_REFRESH_MAX_DAYS): ` +
        'ask the regional IT for a new station token.',
    });
  }
  const { kid: _kid, jti: _jti, ...kept } = claims;
  const exp = nowSeconds + options.lifetimeSeconds;
  const next = issueToken(signingKey(options.keys), { ...kept, exp }, nowSeconds);
  options.log('hub.token_refreshed', { sub: claims.sub, chain: claims.chain });
  answer(200, { token: next, exp });
}
