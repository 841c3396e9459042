// The reminders dismissed in this window ("J'ai vu"): a reminder stays until dismissed, and stays
// dismissed when the nurse goes to another screen and back.
import { create } from 'zustand';

interface Dismissed {
  ids: ReadonlySet<string>;
  dismiss(id: string): void;
}

export const useDismissedReminders = create<Dismissed>((set) => ({
  ids: new Set(),
  dismiss: (id) => set((s) => ({ ids: new Set([...s.ids, id]) })),
}));
