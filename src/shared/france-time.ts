// The calendar day in France (Europe/Paris) of an instant: the day an act is billed for and
// counted in, whatever the time zone of the machine that computes it.
export const dayInFrance = (iso: string): string =>
  new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
