// Who is at the station, said once: the author every form records (requester, consent, measurement,
// photo, file, report, decisions). With a sign-in, the signed-in professional (identity-store.ts
// keeps her here); without one, the name, profession and RPPS the person gave in "Qui êtes-vous ?",
// kept for the session (until she leaves, the cart is locked or she chooses "Changer").
// No window.relais here: the identity store pushes the signed-in professional in, so that this
// file stays pure and is unit-tested without a page.
import { create } from 'zustand';
import type { Professional } from '../../shared/acts/encounter';
import type { SignedIn } from '../../shared/identity/identity';

export type AuthorRole = Professional['role'];
export const AUTHOR_ROLES: readonly AuthorRole[] = ['nurse', 'physician', 'pharmacist', 'midwife', 'other'];

export interface Author {
  name: string;
  role: AuthorRole;
  /** 11 digits, or null when she has none (a care assistant, a pharmacy technician). */
  rpps: string | null;
  /** True when the identity provider states it; false when the person said it herself. */
  signedIn: boolean;
}

/** The RPPS profession codes (annuaire santé, TRE_G15-ProfessionSante) that name a role here. */
const ROLE_OF_PROFESSION: Record<string, AuthorRole> = {
  '10': 'physician',
  '21': 'pharmacist',
  '50': 'midwife',
  '60': 'nurse',
};

export function authorOfSignedIn(user: SignedIn): Author {
  const code = user.practice?.professionCode ?? null;
  return { name: user.name, role: (code && ROLE_OF_PROFESSION[code]) || 'other', rpps: user.rpps, signedIn: true };
}

export type AuthorProblem = 'nameMissing' | 'rppsFormat';

/** What is wrong with what the person typed in "Qui êtes-vous ?" (each said beside its field). */
export function authorProblems(input: { name: string; rpps: string }): Partial<Record<'name' | 'rpps', AuthorProblem>> {
  const problems: Partial<Record<'name' | 'rpps', AuthorProblem>> = {};
  if (!input.name.trim()) problems.name = 'nameMissing';
  const rpps = input.rpps.replace(/\s/g, '');
  if (rpps && !/^\d{11}$/.test(rpps)) problems.rpps = 'rppsFormat';
  return problems;
}

interface AuthorState {
  /** The signed-in professional, pushed by identity-store.ts; wins over a declared name. */
  signedIn: Author | null;
  /** What the person said in "Qui êtes-vous ?" for this session. */
  declared: Author | null;
  /** "Qui êtes-vous ?" is open (a form needs an author, or the header's button). */
  asking: boolean;
  /** The profession the question starts with: the likeliest one where it is asked (a cabin: pharmacist). */
  suggestedRole: AuthorRole;
  /** The forms waiting for the answer (resolved with the author, or null when she cancels). */
  waiting: ((author: Author | null) => void)[];
  setSignedIn(author: Author | null): void;
  declare(input: { name: string; role: AuthorRole; rpps: string }): Author;
  /** "Changer" or the cart locked/left: the next author field asks again. */
  forget(): void;
  ask(suggestedRole?: AuthorRole): void;
  cancel(): void;
}

export const useAuthorStore = create<AuthorState>((set, get) => ({
  signedIn: null,
  declared: null,
  asking: false,
  suggestedRole: 'nurse',
  waiting: [],
  setSignedIn: (signedIn) => set({ signedIn }),
  declare(input) {
    const rpps = input.rpps.replace(/\s/g, '');
    const author: Author = { name: input.name.trim(), role: input.role, rpps: rpps || null, signedIn: false };
    const { waiting } = get();
    set({ declared: author, asking: false, waiting: [] });
    waiting.forEach((resolve) => resolve(author));
    return author;
  },
  forget: () => set({ declared: null }),
  ask: (suggestedRole = 'nurse') => set({ asking: true, suggestedRole }),
  cancel() {
    const { waiting } = get();
    set({ asking: false, waiting: [] });
    waiting.forEach((resolve) => resolve(null));
  },
}));

/** The author now: the signed-in professional, else the one declared for the session, else null. */
export function currentAuthor(): Author | null {
  const { signedIn, declared } = useAuthorStore.getState();
  return signedIn ?? declared;
}

/** The author, as a hook: the forms show her name instead of a field to type. */
export const useAuthor = (): Author | null => useAuthorStore((s) => s.signedIn ?? s.declared);

/**
 * The author a form records: at once when known, else "Qui êtes-vous ?" opens (once, whichever form
 * asked first) and the form gets her answer; null when she closes it without answering.
 * suggestedRole preselects the profession where one is likelier than a nurse (the pharmacy cabin).
 */
export function needAuthor(suggestedRole: AuthorRole = 'nurse'): Promise<Author | null> {
  const known = currentAuthor();
  if (known) return Promise.resolve(known);
  return new Promise((resolve) => {
    useAuthorStore.setState((s) => ({
      asking: true,
      // The first form to ask chooses the profession shown; a second one only waits for the answer.
      suggestedRole: s.asking ? s.suggestedRole : suggestedRole,
      waiting: [...s.waiting, resolve],
    }));
  });
}

/** The author as the records' Professional (requester, report author, expertise message). */
export function asProfessional(author: Author): Professional {
  return { name: author.name, role: author.role, rpps: author.rpps, specialty: null };
}
