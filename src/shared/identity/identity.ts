// The professional signed in at the station, as her identity provider (Pro Santé Connect in
// France) states it: her national identifier (IdNatPS; "8" + RPPS for RPPS professionals), her
// name, and until when the sign-in holds.
import { z } from 'zod';

/** Her practice as the provider states it (Pro Santé Connect: SubjectRefPro); null when it says none. */
export const PracticeSchema = z.object({
  /** The RPPS's profession code (10 médecin, 21 pharmacien, 60 infirmier...). */
  professionCode: z.string().nullable(),
  /** Her specialty (savoir-faire) code, e.g. SM26 for neurology. */
  specialtyCode: z.string().nullable(),
  /** Where she practises (the site's name). */
  organization: z.string().nullable(),
  finess: z.string().nullable(),
});
export type Practice = z.infer<typeof PracticeSchema>;

export const SignedInSchema = z.object({
  /** The provider's subject. */
  sub: z.string(),
  /** IdNatPS, when the provider gives it (PSC: SubjectNameID / preferred_username). */
  idNatPs: z.string().nullable(),
  /** The RPPS number (11 digits) read from an IdNatPS of the form 8 + RPPS. */
  rpps: z.string().nullable(),
  name: z.string(),
  /** When the access expires unless refreshed (ISO). */
  expiresAt: z.string(),
  practice: PracticeSchema.nullable(),
});
export type SignedIn = z.infer<typeof SignedInSchema>;

export const IdentityStateSchema = z.object({
  configured: z.boolean(),
  user: SignedInSchema.nullable(),
  /** A sign-in started: the browser was opened at this address. */
  pending: z.object({ authorizationUrl: z.string() }).nullable(),
  /** Why the last sign-in or refresh failed, in words. */
  lastError: z.string().nullable(),
  /** The cart is locked between acts: her PIN opens it again. */
  locked: z.boolean(),
  /** She has chosen her unlock PIN for this sign-in (needed before any record is opened). */
  unlockPinSet: z.boolean(),
  /** She has presented her badge once in this sign-in: it opens the locked cart too. */
  badgeEnrolled: z.boolean(),
});
export type IdentityState = z.infer<typeof IdentityStateSchema>;

/** IdNatPS of an RPPS professional: "8" followed by the 11-digit RPPS. */
export function rppsOfIdNatPs(idNatPs: string | null): string | null {
  const match = /^8(\d{11})$/.exec(idNatPs ?? '');
  return match ? match[1]! : null;
}

/**
 * A staff badge's identifier as a keyboard-emulating reader types it: 6 to 64 visible characters
 * (letters, digits, punctuation, symbols; no space or control). Digits and letters are read from
 * the keys' places (badge-keystrokes.ts); other characters as the layout gives them, not only ASCII.
 */
export const BADGE_UID = /^[\p{L}\p{N}\p{P}\p{S}]{6,64}$/u;
export const BadgeUidSchema = z.string().min(6).max(64).regex(BADGE_UID);
