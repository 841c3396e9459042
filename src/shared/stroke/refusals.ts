// What the station refuses to record on a stroke sheet, and why, as a field code the screens
// translate: a NIHSS score the item does not have, "untestable" without the reason the NINDS
// form asks for, a weight outside the usual range or a minor's thrombolysis without a person's
// confirmation, and a thrombolysis decision over a checklist with questions left open or with a
// "yes" or "unknown" the physician has not explicitly passed over. The decision remains the
// physician's: the station only refuses to record it in silence. Pure; main applies it.
import { ADULT_AGE_YEARS, USUAL_WEIGHT_KG, weightNeedsConfirmation } from './thrombolysis-dose';
import { NIHSS_ITEMS, untestableReasonsOf } from './nihss';
import { checklistState, drugOf, type StrokeChange, type StrokeSheet } from './sheet';

export type StrokeRefusalCode =
  | 'stroke.score_out_of_range'
  | 'stroke.untestable_reason'
  | 'stroke.untestable_detail'
  | 'stroke.weight_unusual'
  | 'stroke.checklist_unanswered'
  | 'stroke.override_required'
  | 'stroke.override_stale'
  | 'stroke.minor_unconfirmed';

export interface StrokeRefusal {
  code: StrokeRefusalCode;
  params?: Record<string, number>;
}

export interface RefusalContext {
  /** The patient's age on the day of the change; null when the station does not know it. */
  ageYears: number | null;
}

export function strokeChangeRefusal(
  sheet: StrokeSheet,
  change: StrokeChange,
  context: RefusalContext,
): StrokeRefusal | null {
  switch (change.kind) {
    case 'nihss': {
      const max = NIHSS_ITEMS.find((i) => i.id === change.item)!.max;
      return change.score !== null && change.score > max
        ? { code: 'stroke.score_out_of_range', params: { max } }
        : null;
    }
    case 'nihss_untestable':
      if (!(untestableReasonsOf(change.item) as readonly string[]).includes(change.reason))
        return { code: 'stroke.untestable_reason' };
      return change.reason === 'other' && !change.detail ? { code: 'stroke.untestable_detail' } : null;
    case 'weight':
      return weightNeedsConfirmation(change.kg) && !change.confirmUnusual
        ? { code: 'stroke.weight_unusual', params: { ...USUAL_WEIGHT_KG } }
        : null;
    case 'decision':
      return drugOf(change.decision) ? thrombolysisRefusal(sheet, change, context) : null;
    default:
      return null;
  }
}

function thrombolysisRefusal(
  sheet: StrokeSheet,
  change: Extract<StrokeChange, { kind: 'decision' }>,
  context: RefusalContext,
): StrokeRefusal | null {
  const checklist = checklistState(sheet);
  if (checklist.unanswered.length > 0)
    return { code: 'stroke.checklist_unanswered', params: { count: checklist.unanswered.length } };
  const positive = [...checklist.yes, ...checklist.unknown];
  if (positive.length > 0) {
    if (!change.override) return { code: 'stroke.override_required', params: { count: positive.length } };
    // The override names exactly what the checklist says now: answers changed since (by the other
    // side of the call) are looked at again rather than passed over unseen.
    const named = new Set(change.override.items);
    if (named.size !== positive.length || positive.some((c) => !named.has(c))) return { code: 'stroke.override_stale' };
  } else if (change.override) {
    return { code: 'stroke.override_stale' };
  }
  if (context.ageYears !== null && context.ageYears < ADULT_AGE_YEARS && !change.confirmMinor)
    return { code: 'stroke.minor_unconfirmed' };
  return null;
}
