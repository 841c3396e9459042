// English texts of the professional sign-in and the cart's lock, the same keys as identity-fr.ts.
import type { Texts } from './texts';
import type { identityFr } from './identity-fr';

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
    signInWhy: 'Every record opened and every act is recorded under the signed-in professional’s name. Use the “Sign in” button at the top.',
    choosePinTitle: '{{name}}: choose your unlock code',
    choosePinWhy: 'Between acts, the cart locks after 10 minutes without activity; this code (4 to 8 digits) opens it again without signing in again.',
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
};
