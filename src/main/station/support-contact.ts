// Whom a clinician calls when the station needs the IT: the hospital's IT support as it names
// itself (RELAIS_SUPPORT_CONTACT, e.g. "Support informatique du GHT, poste 4321"), shown in the
// home's health sentence and on the Technique page. Absent, the screens say "your establishment's
// IT support". A value that cannot be shown as one short sentence is set aside with a startup
// message naming the setting, and the default is used: a wrong contact must not stop a station.
import { z } from 'zod';

export const SUPPORT_CONTACT_MAX = 120;

// SECURITY: a plain one-line text, shown as text by React (never as markup); control characters,
// line breaks and angle brackets are refused so that the setting cannot forge another line of a
// log or of the screen.
const SupportContactSchema = z
  .string()
  .max(SUPPORT_CONTACT_MAX)
  .regex(/^[^\p{Cc}<>]+$/u);

export interface SupportContactSetting {
  /** The contact to show; null: the screens' default ("your establishment's IT support"). */
  contact: string | null;
  /** Why the value set was not used, for the start's log (names the setting); null when none. */
  problem: string | null;
}

export function supportContactFromEnv(env: NodeJS.ProcessEnv): SupportContactSetting {
  const raw = env.RELAIS_SUPPORT_CONTACT?.trim();
  if (!raw) return { contact: null, problem: null };
  if (SupportContactSchema.safeParse(raw).success) return { contact: raw, problem: null };
  return {
    contact: null,
    problem:
      `RELAIS_SUPPORT_CONTACT must be one line of at most ${SUPPORT_CONTACT_MAX} characters without < or > ` +
      `(whom clinicians call, e.g. "Support informatique du GHT, poste 4321"); the value set (${raw.length} characters) ` +
      `is not used and the screens name the default, "your establishment's IT support". Correct RELAIS_SUPPORT_CONTACT and restart.`,
  };
}
