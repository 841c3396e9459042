// The treatment windows of an acute ischaemic stroke, counted as the guidelines count them: from
// the time the patient was last known well, which is the onset only when the onset was witnessed.
// AHA/ASA 2019 update of the 2018 guidelines (Powers et al., Stroke 2019;50:e344-e418): IV
// alteplase within 4.5 h "of symptom onset or patient last known well or at baseline state"
// (section 3.5.1); thrombectomy with groin puncture within 6 h, and from 6 to 24 h from last known
// normal for patients meeting the DAWN or DEFUSE 3 imaging criteria (section 3.7). ESO 2021
// guideline on IV thrombolysis (Berge et al., Eur Stroke J 2021;6(1):I-LXII): 4.5 h. The Metalyse
// 25 mg label (SmPC 4.1) also says "within 4.5 hours from last known well".
// Help to read the clock: whether to treat is the physicians' decision.
import type { Timeline } from './timeline';

export const WINDOWS = {
  ivThrombolysisMinutes: 270,
  thrombectomyMinutes: 360,
  thrombectomyExtendedMinutes: 1440,
} as const;

export const TIMES_THAT_MAY_BE_UNKNOWN = ['onset', 'last_known_well'] as const;
export type TimeThatMayBeUnknown = (typeof TIMES_THAT_MAY_BE_UNKNOWN)[number];
export type TimesUnknown = Partial<Record<TimeThatMayBeUnknown, { by: string; at: string }>>;

export interface WindowsView {
  /** What the windows count from: last known well when entered, else a witnessed onset. */
  basis: TimeThatMayBeUnknown | null;
  sinceOnsetMinutes: number | null;
  sinceLastKnownWellMinutes: number | null;
  /** Minutes left at `now`; negative once the window has passed. Null without a basis. */
  ivThrombolysisRemainingMinutes: number | null;
  thrombectomyRemainingMinutes: number | null;
  thrombectomyExtendedRemainingMinutes: number | null;
  /** Onset and last known well both recorded as unknown: no window can be counted. */
  bothUnknown: boolean;
}

const minutesSince = (iso: string | undefined, now: Date) =>
  iso ? Math.floor((now.getTime() - Date.parse(iso)) / 60_000) : null;

export function treatmentWindows(timeline: Timeline, unknown: TimesUnknown, now: Date): WindowsView {
  const sinceOnsetMinutes = minutesSince(timeline.onset?.at, now);
  const sinceLastKnownWellMinutes = minutesSince(timeline.last_known_well?.at, now);
  const basis = sinceLastKnownWellMinutes !== null ? 'last_known_well' : sinceOnsetMinutes !== null ? 'onset' : null;
  const since = basis === 'last_known_well' ? sinceLastKnownWellMinutes : sinceOnsetMinutes;
  const left = (window: number) => (since === null ? null : window - since);
  return {
    basis,
    sinceOnsetMinutes,
    sinceLastKnownWellMinutes,
    ivThrombolysisRemainingMinutes: left(WINDOWS.ivThrombolysisMinutes),
    thrombectomyRemainingMinutes: left(WINDOWS.thrombectomyMinutes),
    thrombectomyExtendedRemainingMinutes: left(WINDOWS.thrombectomyExtendedMinutes),
    bothUnknown: basis === null && Boolean(unknown.onset && unknown.last_known_well),
  };
}
