// The pharmacist present stays the session's author from one patient to the next: a pharmacy's
// shift is one pharmacist serving several patients, so she says who she is once, not once per
// patient. The wipe between patients reloads the page (wipe.ts), which would forget her: the wipe
// carries her across that one reload in sessionStorage, and the page takes her back at start. She
// stays until she chooses "Changer" (or leaves cabin mode and the station forgets her as elsewhere).
// PRIVACY: only the pharmacist's own name, profession and RPPS are carried; nothing of the patient.
import { z } from 'zod';
import { AUTHOR_ROLES, useAuthorStore, type AuthorRole } from '../../ui/author-store';

const KEY = 'relais.cabin.pharmacist';

const CarriedSchema = z.object({
  name: z.string().trim().min(1).max(200),
  role: z.enum(AUTHOR_ROLES as [AuthorRole, ...AuthorRole[]]),
  rpps: z
    .string()
    .regex(/^\d{11}$/)
    .nullable(),
});

/** Called by the wipe once the storage is cleared: keeps the declared pharmacist for the reload. */
export function carryPharmacist(storage: Storage): void {
  const declared = useAuthorStore.getState().declared;
  if (!declared) return;
  storage.setItem(KEY, JSON.stringify({ name: declared.name, role: declared.role, rpps: declared.rpps }));
}

/** Called once at the page's start: the pharmacist carried across the wipe is the author again. */
export function restorePharmacist(storage: Storage): void {
  const raw = storage.getItem(KEY);
  storage.removeItem(KEY); // across this one reload only
  if (!raw) return;
  let carried: unknown;
  try {
    carried = JSON.parse(raw);
  } catch {
    return;
  }
  const parsed = CarriedSchema.safeParse(carried);
  if (!parsed.success) return;
  useAuthorStore.getState().declare({ ...parsed.data, rpps: parsed.data.rpps ?? '' });
}
