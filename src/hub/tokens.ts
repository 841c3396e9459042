// Access tokens for the hub: claims signed with HMAC-SHA256 by the hub's secret. Stations and
// experts get them from the region's identity service (Pro Santé Connect, security issue); for
// development the hub mints them itself. Compared in constant time; expired tokens are refused.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { PeerIdSchema, RoleSchema } from '../shared/hub-protocol';

export const ClaimsSchema = z.strictObject({
  sub: PeerIdSchema,
  role: RoleSchema,
  name: z.string().min(1).max(200),
  site: z.string().min(1).max(200),
  specialty: z.string().max(100).nullable(),
  exp: z.number().int(), // seconds since the epoch
});
export type Claims = z.infer<typeof ClaimsSchema>;

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url');

export function issueToken(secret: string, claims: Claims): string {
  const body = b64(JSON.stringify(ClaimsSchema.parse(claims)));
  return `${body}.${b64(createHmac('sha256', secret).update(body).digest())}`;
}

export type Verified = { ok: true; claims: Claims } | { ok: false; reason: 'missing' | 'malformed' | 'bad_signature' | 'expired' };

export function verifyToken(secret: string, token: string | undefined, nowSeconds: number): Verified {
  if (!token) return { ok: false, reason: 'missing' };
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return { ok: false, reason: 'malformed' };
  const expected = createHmac('sha256', secret).update(body).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
  let claims: Claims;
  try {
    claims = ClaimsSchema.parse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (claims.exp <= nowSeconds) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
