// The tele-stroke timeline: each milestone with who entered it and when it happened, and the
// delays the stroke networks follow (door-to-imaging, door-to-needle, door-to-groin, and from the
// reference to arrival and needle). The reference is the time last known well whenever it is
// entered, as the guidelines count (windows.ts), else the witnessed onset. Times out of order are
// flagged for a person to check, never silently reordered.

export const MILESTONES = ['onset', 'last_known_well', 'arrival', 'imaging', 'decision', 'needle', 'groin'] as const;
export type Milestone = (typeof MILESTONES)[number];

export interface MilestoneEntry {
  at: string;
  by: string;
}
export type Timeline = Partial<Record<Milestone, MilestoneEntry>>;

/** The order milestones happen in (onset or last known well first). */
const ORDER: Milestone[] = ['arrival', 'imaging', 'decision', 'needle'];

export interface TimelineView {
  /** Last known well when entered, else the onset: what the clock of the stroke starts from. */
  reference: { milestone: 'onset' | 'last_known_well'; at: string } | null;
  delaysMinutes: {
    referenceToArrival: number | null;
    doorToImaging: number | null;
    doorToNeedle: number | null;
    doorToGroin: number | null;
    referenceToNeedle: number | null;
  };
  /** Minutes since the reference at `now`, to weigh the treatment windows. */
  sinceReferenceMinutes: number | null;
  /** Pairs that contradict the order of care: a person should check the times. */
  outOfOrder: [Milestone, Milestone][];
}

const minutesBetween = (from: string | undefined, to: string | undefined): number | null =>
  from && to ? Math.round((Date.parse(to) - Date.parse(from)) / 60_000) : null;

export function viewTimeline(timeline: Timeline, now: Date): TimelineView {
  const refMilestone: 'onset' | 'last_known_well' | null = timeline.last_known_well
    ? 'last_known_well'
    : timeline.onset
      ? 'onset'
      : null;
  const reference = refMilestone ? { milestone: refMilestone, at: timeline[refMilestone]!.at } : null;
  const at = (m: Milestone) => timeline[m]?.at;
  const outOfOrder: [Milestone, Milestone][] = [];
  const sequence: Milestone[] = [...(refMilestone ? [refMilestone] : []), ...ORDER];
  for (let i = 0; i < sequence.length; i++) {
    for (let j = i + 1; j < sequence.length; j++) {
      const a = at(sequence[i]!);
      const b = at(sequence[j]!);
      if (a && b && Date.parse(b) < Date.parse(a)) outOfOrder.push([sequence[i]!, sequence[j]!]);
    }
  }
  // Thrombectomy (groin puncture) follows the arrival too, whether or not a needle came first.
  if (at('groin') && at('arrival') && Date.parse(at('groin')!) < Date.parse(at('arrival')!))
    outOfOrder.push(['arrival', 'groin']);
  if (
    timeline.onset &&
    timeline.last_known_well &&
    Date.parse(timeline.onset.at) < Date.parse(timeline.last_known_well.at)
  )
    outOfOrder.push(['last_known_well', 'onset']);
  return {
    reference,
    delaysMinutes: {
      referenceToArrival: minutesBetween(reference?.at, at('arrival')),
      doorToImaging: minutesBetween(at('arrival'), at('imaging')),
      doorToNeedle: minutesBetween(at('arrival'), at('needle')),
      doorToGroin: minutesBetween(at('arrival'), at('groin')),
      referenceToNeedle: minutesBetween(reference?.at, at('needle')),
    },
    sinceReferenceMinutes: reference ? Math.round((now.getTime() - Date.parse(reference.at)) / 60_000) : null,
    outOfOrder,
  };
}

/** Elapsed time as the screen shows it: "1 h 05" or "42 min". */
export function formatMinutes(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const m = Math.abs(minutes);
  return m >= 60 ? `${sign}${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')}` : `${sign}${m} min`;
}
