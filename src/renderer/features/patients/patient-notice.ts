// The confirmation the patient's screen shows once on arrival: the new-patient form saved her and
// handed over to her screen, where "Nouvel acte" is (issue 20: the nurse stayed on the form with
// no word that anything was saved). Kept here, not in the view, so that the view stays a place.
import { create } from 'zustand';

interface PatientNotice {
  /** The patient just created on this screen, until her screen has shown the confirmation. */
  createdId: string | null;
  created(id: string): void;
  /** True once for the patient just created: the screen shows the confirmation and the store forgets it. */
  take(id: string): boolean;
}

export const usePatientNotice = create<PatientNotice>((set, get) => ({
  createdId: null,
  created: (id) => set({ createdId: id }),
  take: (id) => {
    if (get().createdId !== id) return false;
    set({ createdId: null });
    return true;
  },
}));
