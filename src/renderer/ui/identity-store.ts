// Who is signed in at the station (never the tokens: they stay in the main process).
import { create } from 'zustand';
import type { IdentityState } from '../../shared/identity/identity';
import { relais } from '../api';
import { authorOfSignedIn, useAuthorStore } from './author-store';

export const useIdentity = create<{ state: IdentityState | null; load(): Promise<void> }>((set) => ({
  state: null,
  async load() {
    const result = await relais.invoke('identity.state', {});
    if (result.ok) set({ state: result.value });
    // The screens wait for this answer (records stay closed until it says who may open them).
    else setTimeout(() => void useIdentity.getState().load(), 1000);
  },
}));

relais.on('identity.changed', (state) => useIdentity.setState({ state }));

/** The signed-in professional, if any. */
export const useSignedIn = () => useIdentity((s) => s.state?.user ?? null);

// The session's author (author-store.ts): the signed-in professional is the author of every form;
// a declared name is forgotten when the cart locks or the professional changes.
useIdentity.subscribe((now, before) => {
  const user = now.state?.user ?? null;
  useAuthorStore.getState().setSignedIn(user ? authorOfSignedIn(user) : null);
  const lockedNow = now.state?.locked && !before.state?.locked;
  if (lockedNow || user?.sub !== before.state?.user?.sub) useAuthorStore.getState().forget();
});
