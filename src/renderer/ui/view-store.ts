// Which screen is shown: a small state machine instead of a router (the app has no URLs to share).
import { create } from 'zustand';

export type View =
  | { name: 'home' }
  | { name: 'devices' }
  | { name: 'calls' }
  | { name: 'activity' }
  | { name: 'sync' }
  /** The station's technical details (paths, servers, keys, disk), for the IT support. */
  | { name: 'technique' }
  | { name: 'patients' }
  | { name: 'new-patient' }
  | { name: 'patient'; id: string }
  | { name: 'act'; id: string }
  | { name: 'expertise-inbox' }
  /** Booking a téléconsultation for a patient; from an act, the follow-up keeps the act's id. */
  | { name: 'book'; patientId: string; encounterId: string | null }
  /** The station's appointments, by day or by week. */
  | { name: 'agenda' }
  /** The expert's slots to publish ("Mes disponibilités"). */
  | { name: 'availability' }
  | { name: 'expertise-request'; id: string }
  /** The expert's station: an act of another station she took part in, and her report of it. */
  | { name: 'remote-act'; peerId: string; actId: string };

interface ViewState {
  view: View;
  show(view: View): void;
}

export const useView = create<ViewState>((set) => ({
  view: { name: 'home' },
  show: (view) => set({ view }),
}));
