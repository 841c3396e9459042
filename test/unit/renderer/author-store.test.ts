// The session's author (issue 20, point 2): the signed-in professional wins; without sign-in, the
// name given once in "Qui êtes-vous ?" answers every form that waits for it, is kept until
// "Changer", and a wrong RPPS is refused with its format.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  asProfessional,
  authorOfSignedIn,
  authorProblems,
  currentAuthor,
  needAuthor,
  useAuthorStore,
  type Author,
} from '../../../src/renderer/ui/author-store';
import type { SignedIn } from '../../../src/shared/identity/identity';

const signedIn: SignedIn = {
  sub: 'psc-1',
  idNatPs: '810001234567',
  rpps: '10001234567',
  name: 'Dr Claire Le Goff',
  expiresAt: '2026-12-31T00:00:00Z',
  practice: { professionCode: '10', specialtyCode: 'SM26', organization: 'CHU de Brest', finess: null },
};

beforeEach(() => useAuthorStore.setState({ signedIn: null, declared: null, asking: false, waiting: [] }));

describe('the session author', () => {
  it('is the signed-in professional, with her role from her RPPS profession and her RPPS', () => {
    useAuthorStore.getState().setSignedIn(authorOfSignedIn(signedIn));
    useAuthorStore.getState().declare({ name: 'Someone else', role: 'nurse', rpps: '' });
    expect(currentAuthor()).toEqual({
      name: 'Dr Claire Le Goff',
      role: 'physician',
      rpps: '10001234567',
      signedIn: true,
    });
    expect(authorOfSignedIn({ ...signedIn, practice: { ...signedIn.practice!, professionCode: '60' } }).role).toBe(
      'nurse',
    );
    expect(authorOfSignedIn({ ...signedIn, practice: null }).role).toBe('other');
  });

  it('without sign-in, asks once: every form waiting gets the same answer, later ones get it at once', async () => {
    const first = needAuthor();
    const second = needAuthor();
    expect(useAuthorStore.getState().asking).toBe(true);
    useAuthorStore.getState().declare({ name: '  IDE Morvan ', role: 'nurse', rpps: '600 0123 4567' });
    const morvan: Author = { name: 'IDE Morvan', role: 'nurse', rpps: '60001234567', signedIn: false };
    expect(await first).toEqual(morvan);
    expect(await second).toEqual(morvan);
    expect(useAuthorStore.getState().asking).toBe(false);
    expect(await needAuthor()).toEqual(morvan);
    expect(useAuthorStore.getState().asking).toBe(false);
    expect(asProfessional(morvan)).toEqual({ name: 'IDE Morvan', role: 'nurse', rpps: '60001234567', specialty: null });
  });

  it('a closed question answers null; "Changer" forgets the name so that the next form asks again', async () => {
    const waiting = needAuthor();
    useAuthorStore.getState().cancel();
    expect(await waiting).toBeNull();
    useAuthorStore.getState().declare({ name: 'IDE Morvan', role: 'nurse', rpps: '' });
    expect(currentAuthor()?.rpps).toBeNull();
    useAuthorStore.getState().forget();
    expect(currentAuthor()).toBeNull();
    void needAuthor();
    expect(useAuthorStore.getState().asking).toBe(true);
  });

  it('refuses an empty name and an RPPS that is not 11 digits; accepts no RPPS', () => {
    expect(authorProblems({ name: ' ', rpps: '' })).toEqual({ name: 'nameMissing' });
    expect(authorProblems({ name: 'IDE Morvan', rpps: '1234' })).toEqual({ rpps: 'rppsFormat' });
    expect(authorProblems({ name: 'IDE Morvan', rpps: '1000123456a' })).toEqual({ rpps: 'rppsFormat' });
    expect(authorProblems({ name: 'IDE Morvan', rpps: '' })).toEqual({});
    expect(authorProblems({ name: 'IDE Morvan', rpps: '100 0123 4567' })).toEqual({});
  });
});
