// English texts of the professional sign-in and the cart's lock, the same keys as texts-fr.ts.
import type { Texts } from '../../i18n/texts';
import type { identityFr } from './texts-fr';

export const identityEn: Texts<typeof identityFr> = {
  label: 'Signed-in professional',
  signIn: 'Sign in (Pro Santé Connect)',
  signOut: 'Sign out',
  pending: 'Signing in, in the browser…',
  signedIn: '{{name}}',
  signedInRpps: '{{name}} (RPPS {{rpps}})',
  failed: 'Sign-in failed: {{reason}}',
  lock: 'Lock',
  gate: {
    signInTitle: 'Sign in to open records',
    signInWhy:
      'Every record opened and every act is recorded under the signed-in professional’s name. Use the “Sign in” button at the top.',
    choosePinTitle: '{{name}}: choose your unlock code',
    choosePinWhy:
      'Between acts, the cart locks after 10 minutes without activity; this code (4 to 8 digits) opens it again without signing in again.',
    newPin: 'Your code',
    pinAgain: 'Type the code again',
    next: 'Continue',
    confirm: 'Save the code',
    mismatch: 'The two codes differ: start again.',
    lockedTitle: 'Cart locked — {{name}}',
    yourPin: 'Your unlock code',
    unlock: 'Unlock',
    someoneElse: 'Another professional: sign out',
    ringing: 'Incoming call from {{name}}: unlock to answer.',
  },
  badge: {
    button: 'Badge',
    buttonEnrolled: 'Badge ✓',
    panelLabel: 'Unlock badge',
    present: 'Present your badge to the cart’s reader.',
    replace: 'Your badge is enrolled. Present another one to replace it.',
    why: 'Until you sign out, it opens the locked cart between acts, like your code. The station keeps only a fingerprint of it, in memory.',
    close: 'Close',
    enrolled: 'Badge enrolled: it unlocks the cart until you sign out.',
    lockedHint: 'Present your badge to the reader, or type your code.',
    reading: 'Badge read, checking…',
    notNeeded: 'Badge read: it opens the cart when it is locked. To enrol it, use the “Badge” button at the top.',
    signInFirst: 'A badge does not replace signing in: sign in with Pro Santé Connect, then enrol your badge.',
    choosePinFirst: 'Choose your code first; you can then enrol your badge.',
    errors: {
      wrong_badge:
        'Badge refused: it is not the one enrolled in this session. {{left}} more attempt(s), then you will have to sign in again.',
      unknown_badge:
        'Badge refused: no badge is enrolled in this session, type your code. {{left}} more attempt(s), then you will have to sign in again.',
      badge_format: 'Badge unreadable: present it again, or type your code.',
      sessionEnded: 'Too many attempts: the session ended. Sign in again with Pro Santé Connect.',
      failed: 'Badge not taken: {{reason}}',
    },
  },
};
