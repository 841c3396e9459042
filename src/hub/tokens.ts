// Access tokens for the hub: claims signed with HMAC-SHA256 by the hub's secret. Stations and
// experts get them from the region's identity service (Pro Santé Connect, security issue); for
// development the hub mints them itself. Compared in constant time; expired tokens are refused.
// Each token has an id, and carries its refresh chain (the id and time of the token the region
// issued), so that the region can revoke a chain and the hub can end it at a maximum age.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { PeerIdSchema, RoleSchema } from '../shared/hub-protocol';

export const ClaimsSchema = z.strictObject({
  sub: PeerIdSchema,
  role: RoleSchema,
  name: z.string().min(1).max(200),
  site: z.string().min(1).max(200),
  specialty: z.string().max(100).nullable(),
  exp: z.number().int(), // seconds since the epoch
  /** Which of the hub's keys signed it (rotation); absent: the current key. */
  kid: z.string().min(1).max(40).optional(),
  /** This token's id (a renewal gets a new one). */
  jti: z.string().min(1).max(64),
  /** The id of the token the region issued, which every renewal keeps: revoking it ends the chain. */
  chain: z.string().min(1).max(64),
  /** When the region issued that token (seconds since the epoch, as OIDC's auth_time): the chain's age. */
  auth_time: z.number().int(),
});
export type Claims = z.infer<typeof ClaimsSchema>;
/** What a token is issued with: its id is made here; a new chain starts here unless one is given. */
export type NewClaims = Omit<Claims, 'jti' | 'chain' | 'auth_time' | 'kid'> &
  Partial<Pick<Claims, 'jti' | 'chain' | 'auth_time' | 'kid'>>;

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** A signing key of the hub; its id goes into each token it signs. */
export interface SigningKey {
  id: string;
  secret: string;
}
/**
 * The hub's keys: the current one signs; the previous one still verifies until a date, so that a
 * rotation does not log out every station at once. A bare string is a single key without id.
 */
export type KeyRing = string | { current: SigningKey; previous?: SigningKey & { untilSeconds: number } };

export function issueToken(
  key: string | SigningKey,
  claims: NewClaims,
  nowSeconds = Math.floor(Date.now() / 1000),
): string {
  const secret = typeof key === 'string' ? key : key.secret;
  const jti = claims.jti ?? randomUUID();
  const chain = { jti, chain: claims.chain ?? jti, auth_time: claims.auth_time ?? nowSeconds };
  const full = { ...claims, ...chain, ...(typeof key === 'string' ? {} : { kid: key.id }) };
  const body = b64(JSON.stringify(ClaimsSchema.parse(full)));
  return `${body}.${b64(createHmac('sha256', secret).update(body).digest())}`;
}

/** The secret that must have signed a token with this key id, now; null if none may. */
function secretFor(keys: KeyRing, kid: string | undefined, nowSeconds: number): string | null {
  if (typeof keys === 'string') return keys;
  if (kid === undefined || kid === keys.current.id) return keys.current.secret;
  // SECURITY: the previous key verifies only during its grace period, then its tokens are refused.
  if (keys.previous && kid === keys.previous.id && nowSeconds < keys.previous.untilSeconds) return keys.previous.secret;
  return null;
}

/** The key that signs new tokens. */
export const signingKey = (keys: KeyRing): string | SigningKey => (typeof keys === 'string' ? keys : keys.current);

export type Refusal = 'missing' | 'malformed' | 'bad_signature' | 'expired' | 'revoked';
export type Verified = { ok: true; claims: Claims } | { ok: false; reason: Refusal };

export function verifyToken(keys: KeyRing, token: string | undefined, nowSeconds: number): Verified {
  if (!token) return { ok: false, reason: 'missing' };
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return { ok: false, reason: 'malformed' };
  let kid: unknown;
  try {
    kid = (JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { kid?: unknown }).kid;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (kid !== undefined && typeof kid !== 'string') return { ok: false, reason: 'malformed' };
  const secret = secretFor(keys, kid, nowSeconds);
  if (secret === null) return { ok: false, reason: 'bad_signature' };
  const expected = createHmac('sha256', secret).update(body).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'bad_signature' };
  let claims: Claims;
  try {
    claims = ClaimsSchema.parse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (claims.exp <= nowSeconds) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
