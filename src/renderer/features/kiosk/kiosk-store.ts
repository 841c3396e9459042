// Kiosk mode as the station reports it, and the current cabin session: which step, whose record,
// what was measured. The session lives only in this page's memory, which the end of the session
// throws away (wipe.ts reloads the page). The pharmacist present is not the patient's: she is the
// session's author (ui/author-store.ts), kept from one patient to the next (cabin-pharmacist-carry.ts).
import { create } from 'zustand';
import type { Encounter, Observation } from '../../../shared/acts/encounter';
import type { KioskState } from '../../../shared/kiosk/kiosk';
import type { Patient } from '../../../shared/patients/patient';
import { relais } from '../../api';

export type KioskStep = 'welcome' | 'identify' | 'consent' | 'measure' | 'call' | 'done';
export const KIOSK_STEPS: readonly KioskStep[] = ['welcome', 'identify', 'consent', 'measure', 'call', 'done'];

export interface CabinSession {
  step: KioskStep;
  patient: Patient | null;
  encounter: Encounter | null;
  observations: Observation[];
  /** The patient refused the act: the session ends without a call. */
  refused: boolean;
}

const EMPTY_SESSION: CabinSession = {
  step: 'welcome',
  patient: null,
  encounter: null,
  observations: [],
  refused: false,
};

interface KioskStore {
  /** null until the station answered. */
  state: KioskState | null;
  session: CabinSession;
  load(): Promise<void>;
  update(change: Partial<CabinSession>): void;
}

export const useKiosk = create<KioskStore>((set) => ({
  state: null,
  session: EMPTY_SESSION,
  async load() {
    const result = await relais.invoke('kiosk.state', {});
    if (result.ok) set({ state: result.value });
    // The screen waits for this answer (a cabin must not show the station's screens first): ask
    // again while the station cannot be reached.
    else setTimeout(() => void useKiosk.getState().load(), 1000);
  },
  update: (change) => set((s) => ({ session: { ...s.session, ...change } })),
}));

relais.on('kiosk.changed', (state) => useKiosk.setState({ state }));
