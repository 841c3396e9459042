// The NIH Stroke Scale (NIHSS), item by item as the neurologist scores it: each item's allowed
// scores, "UN" (untestable: amputation, joint fusion, intubation) where the scale allows it,
// the scores the scale itself fixes for a patient in coma, and the total (0-42) over the items
// scored. The total is arithmetic; the scoring is the neurologist's.

export const NIHSS_ITEMS = [
  { id: '1a', name: 'level_of_consciousness', max: 3, untestable: false },
  { id: '1b', name: 'loc_questions', max: 2, untestable: false },
  { id: '1c', name: 'loc_commands', max: 2, untestable: false },
  { id: '2', name: 'best_gaze', max: 2, untestable: false },
  { id: '3', name: 'visual_fields', max: 3, untestable: false },
  { id: '4', name: 'facial_palsy', max: 3, untestable: false },
  { id: '5a', name: 'motor_arm_left', max: 4, untestable: true },
  { id: '5b', name: 'motor_arm_right', max: 4, untestable: true },
  { id: '6a', name: 'motor_leg_left', max: 4, untestable: true },
  { id: '6b', name: 'motor_leg_right', max: 4, untestable: true },
  { id: '7', name: 'limb_ataxia', max: 2, untestable: true },
  { id: '8', name: 'sensory', max: 2, untestable: false },
  { id: '9', name: 'best_language', max: 3, untestable: false },
  { id: '10', name: 'dysarthria', max: 2, untestable: true },
  { id: '11', name: 'extinction_inattention', max: 2, untestable: false },
] as const;

export type NihssItemId = (typeof NIHSS_ITEMS)[number]['id'];
export type NihssScore = number | 'UN';
export type NihssScores = Partial<Record<NihssItemId, NihssScore>>;

/**
 * The scores the scale's instructions give a patient in coma (item 1a = 3): questions and
 * commands 2, ataxia 0 (cannot be tested), sensory 2, language 3 (mute), dysarthria 2,
 * extinction 2. The motor items are still scored on what is observed.
 */
export const COMA_SCORES: NihssScores = { '1b': 2, '1c': 2, '7': 0, '8': 2, '9': 3, '10': 2, '11': 2 };

export type NihssProblem = { item: NihssItemId; problem: 'missing' | 'out_of_range' | 'untestable_not_allowed' | 'coma_rule' };

export interface NihssResult {
  /** Null until every item is scored (or UN where allowed). */
  total: number | null;
  /** Items scored UN: not counted, to be explained in the report. */
  untestable: NihssItemId[];
  problems: NihssProblem[];
}

export function scoreNihss(scores: NihssScores): NihssResult {
  const problems: NihssProblem[] = [];
  const untestable: NihssItemId[] = [];
  let total = 0;
  const coma = scores['1a'] === 3;
  for (const item of NIHSS_ITEMS) {
    const score = scores[item.id];
    if (score === undefined) {
      problems.push({ item: item.id, problem: 'missing' });
      continue;
    }
    if (score === 'UN') {
      if (!item.untestable) problems.push({ item: item.id, problem: 'untestable_not_allowed' });
      else untestable.push(item.id);
      continue;
    }
    if (!Number.isInteger(score) || score < 0 || score > item.max) {
      problems.push({ item: item.id, problem: 'out_of_range' });
      continue;
    }
    const fixed = coma ? COMA_SCORES[item.id] : undefined;
    if (fixed !== undefined && score !== fixed) problems.push({ item: item.id, problem: 'coma_rule' });
    total += score;
  }
  return { total: problems.length === 0 ? total : null, untestable, problems };
}

/** Severity bands commonly used to read the total (help for the reader, not a decision). */
export function nihssSeverity(total: number): 'none' | 'minor' | 'moderate' | 'moderate_to_severe' | 'severe' {
  if (total === 0) return 'none';
  if (total <= 4) return 'minor';
  if (total <= 15) return 'moderate';
  if (total <= 20) return 'moderate_to_severe';
  return 'severe';
}
