// How long before an appointment the station reminds (issue 22, point 3): RELAIS_REMINDER_MINUTES,
// 15 by default. An environment setting, like the station's other site settings (RELAIS_BACKUPS_KEPT,
// RELAIS_DISK_RESERVE_MB): the site's IT sets it once for its carts and desks, at install, not a
// person at the station between two patients.
import { DEFAULT_REMINDER_MINUTES } from '../../shared/scheduling/appointment';

export function reminderMinutesFromEnv(env: NodeJS.ProcessEnv): number {
  const text = env.RELAIS_REMINDER_MINUTES?.trim();
  if (!text) return DEFAULT_REMINDER_MINUTES;
  const minutes = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 240)
    throw new Error(
      `RELAIS_REMINDER_MINUTES must be how many minutes before an appointment the station reminds, from 1 to 240, not "${text}". / RELAIS_REMINDER_MINUTES : minutes de rappel avant un rendez-vous, de 1 à 240.`,
    );
  return minutes;
}
