// An act's status in plain words (issue 20): a closed act says whether it was cancelled before it
// started or finished with its signed report, not just "Clôturé".
import type { Encounter } from '../../../shared/acts/encounter';

/** The translation key of the act's status; `signed`: a report of the act is signed. */
export function actStatusKey(encounter: Pick<Encounter, 'status' | 'startedAt'>, signed = false): string {
  if (encounter.status !== 'closed') return `acts.statuses.${encounter.status}`;
  if (encounter.startedAt === null) return 'acts.statuses.cancelled';
  return signed ? 'acts.statuses.signed' : 'acts.statuses.closed';
}
