// A short PIN kept as a salted scrypt hash (the cabin's pharmacist PIN, the cart's unlock PIN and
// unlock badge): costly enough that a copied hash does not give the PIN away at once, compared in constant time.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

export interface PinHash {
  salt: Buffer;
  hash: Buffer;
}

const derive = (pin: string, salt: Buffer) => scryptSync(pin, salt, 32, { N: 16384, r: 8, p: 1 });

export function hashPin(pin: string): PinHash {
  const salt = randomBytes(16);
  return { salt, hash: derive(pin, salt) };
}

export const pinMatches = (pin: string, stored: PinHash): boolean => timingSafeEqual(derive(pin, stored.salt), stored.hash);
