// The hub's token refresh path for stations (POST /token/refresh with a valid Bearer token): a
// new token with the same claims, a fresh expiry and the current signing key, so that a cart
// moves to a rotated key without a new enrolment. The region's identity service replaces this
// (issue 8 point 1): an OIDC refresh token bound to the cart's enrolment, revocable there.
import type http from 'node:http';
import type { RateLimiter } from './rate-limit';
import { issueToken, signingKey, verifyToken, type KeyRing } from './tokens';

export const TOKEN_REFRESH_PATH = '/token/refresh';

export function handleTokenRefresh(req: http.IncomingMessage, res: http.ServerResponse, options: { keys: KeyRing; now: () => number; limiter: RateLimiter; lifetimeSeconds: number }): void {
  const answer = (status: number, body: Record<string, unknown>) => res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(body));
  req.resume(); // a body, if any, is not read
  if (req.method !== 'POST') return void answer(405, { error: 'method_not_allowed', message: 'POST with the current token as Bearer.' });
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const nowSeconds = Math.floor(options.now() / 1000);
  const verified = verifyToken(options.keys, token, nowSeconds);
  // SECURITY: an expired token is not refreshed (the station enrols again); an expert's token
  // comes from Pro Santé Connect, not from the hub.
  if (!verified.ok) return void answer(401, { error: verified.reason, message: `Access token ${verified.reason}.` });
  if (verified.claims.role !== 'station') return void answer(403, { error: 'not_a_station', message: 'Only a station refreshes its token at the hub; a professional logs in again.' });
  if (!options.limiter.take(verified.claims.sub)) return void answer(429, { error: 'rate_limited', message: 'Too many requests: slow down.' });
  const { kid: _old, ...claims } = verified.claims;
  const exp = nowSeconds + options.lifetimeSeconds;
  answer(200, { token: issueToken(signingKey(options.keys), { ...claims, exp }), exp });
}
