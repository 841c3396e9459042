// The contract's identity channels and events (assembled in src/shared/contract.ts): the person at the
// station: sign-in, PIN lock, badge.
import { z } from 'zod';
import { channel, noInput } from '../channel';
import { BadgeUidSchema, IdentityStateSchema } from './identity';

export const IDENTITY_CHANNELS = {
  'identity.state': channel(noInput, IdentityStateSchema),
  /** Starts a professional sign-in: the provider's address, opened in the browser. */
  'identity.login': channel(noInput, z.strictObject({ authorizationUrl: z.string() })),
  'identity.logout': channel(noInput, z.strictObject({ endSessionUrl: z.string().nullable() })),
  /** The signed-in professional's PIN to unlock the cart between acts (4 to 8 digits). */
  // A change of PIN gives the current one (currentPin); the first PIN of a sign-in does not.
  'identity.setPin': channel(
    z.strictObject({ pin: z.string().max(20), currentPin: z.string().max(20).optional() }),
    IdentityStateSchema,
  ),
  /** Her staff badge, as the reader typed it, read while the cart is open: it unlocks the cart too, in this sign-in. */
  'identity.enrolBadge': channel(z.strictObject({ uid: BadgeUidSchema }), IdentityStateSchema),
  'identity.lock': channel(noInput, IdentityStateSchema),
  'identity.unlock': channel(z.strictObject({ pin: z.string().max(20) }), IdentityStateSchema),
  'identity.unlockBadge': channel(z.strictObject({ uid: BadgeUidSchema }), IdentityStateSchema),
  /** Someone touched the station (throttled by the page): pushes the automatic lock back. */
  'identity.activity': channel(noInput, z.strictObject({ seen: z.literal(true) })),
} as const;

export const IDENTITY_EVENTS = {
  'identity.changed': IdentityStateSchema,
} as const;
