// What the expert signed and the requesting station just filed during the call (her report, her
// prescription): said at once above the call's tabs, so that the nurse knows the act has it
// without leaving the call, until she says she has read it or the call ends.
import { create } from 'zustand';

export interface SignedArrival {
  id: string;
  kind: 'report' | 'prescription';
  /** Who signed it, as she signed it. */
  signer: string;
}

interface SignedArrivalsState {
  arrived: SignedArrival[];
  add(arrival: SignedArrival): void;
  dismiss(id: string): void;
  clear(): void;
}

export const useSignedArrivals = create<SignedArrivalsState>((set) => ({
  arrived: [],
  add: (arrival) => set((s) => (s.arrived.some((a) => a.id === arrival.id) ? s : { arrived: [...s.arrived, arrival] })),
  dismiss: (id) => set((s) => ({ arrived: s.arrived.filter((a) => a.id !== id) })),
  clear: () => set({ arrived: [] }),
}));
