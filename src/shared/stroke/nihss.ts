// The NIH Stroke Scale (NIHSS) as the NINDS publishes it (NIH Stroke Scale, form and instructions,
// rev. 10/1/2003), item by item as the neurologist scores it: each item's allowed scores,
// "untestable" (UN; written NT in French) where the form allows it and for the reasons it names,
// the scores its instructions give a patient in coma, the running subtotal and the total (0-42,
// Brott et al., Stroke 1989). The total is arithmetic; the scoring is the neurologist's.

export const NIHSS_ITEMS = [
  { id: '1a', name: 'level_of_consciousness', max: 3, untestable: null },
  { id: '1b', name: 'loc_questions', max: 2, untestable: null },
  { id: '1c', name: 'loc_commands', max: 2, untestable: null },
  { id: '2', name: 'best_gaze', max: 2, untestable: null },
  { id: '3', name: 'visual_fields', max: 3, untestable: null },
  { id: '4', name: 'facial_palsy', max: 3, untestable: null },
  { id: '5a', name: 'motor_arm_left', max: 4, untestable: 'limb' },
  { id: '5b', name: 'motor_arm_right', max: 4, untestable: 'limb' },
  { id: '6a', name: 'motor_leg_left', max: 4, untestable: 'limb' },
  { id: '6b', name: 'motor_leg_right', max: 4, untestable: 'limb' },
  { id: '7', name: 'limb_ataxia', max: 2, untestable: 'limb' },
  { id: '8', name: 'sensory', max: 2, untestable: null },
  { id: '9', name: 'best_language', max: 3, untestable: null },
  { id: '10', name: 'dysarthria', max: 2, untestable: 'speech' },
  { id: '11', name: 'extinction_inattention', max: 2, untestable: null },
] as const;

export type NihssItem = (typeof NIHSS_ITEMS)[number];
export type NihssItemId = NihssItem['id'];
/** 'UN' is the form's own code for "untestable"; the French screen writes it NT. */
export type NihssScore = number | 'UN';
export type NihssScores = Partial<Record<NihssItemId, NihssScore>>;

/**
 * Why an item may be left untestable, as the form says: "UN = Amputation or joint fusion" (5, 6,
 * 7) and "UN = Intubated or other physical barrier" (10). The instructions ask the examiner to
 * "clearly write the explanation for this choice": 'other' takes it in words.
 */
export const UNTESTABLE_REASONS = {
  limb: ['amputation', 'joint_fusion', 'other'],
  speech: ['intubation', 'physical_barrier', 'other'],
} as const;
export type UntestableReason = (typeof UNTESTABLE_REASONS)[keyof typeof UNTESTABLE_REASONS][number];

export const UNTESTABLE_ITEMS = NIHSS_ITEMS.filter((i) => i.untestable !== null).map((i) => i.id);

export function untestableReasonsOf(id: NihssItemId): readonly UntestableReason[] {
  const kind = NIHSS_ITEMS.find((i) => i.id === id)?.untestable;
  return kind ? UNTESTABLE_REASONS[kind] : [];
}

/**
 * The scores the NINDS instructions give a patient in coma (item 1a = 3). "Automatic": the
 * instructions say so in these words (8: "automatically given a 2"; 9: "will automatically score
 * 3"). "Implied": the item's own definition leaves no other score for a patient who does not
 * respond (1b: "stuporous patients who do not comprehend the questions will score 2"; 1c: follows
 * no command, 2; 7: "ataxia is absent in the patient who cannot understand or is paralyzed", 0;
 * 10: "mute/anarthric", 2, or UN if intubated). Gaze, visual fields, face, the four limbs and
 * extinction (11) stay scored on what is observed: the instructions fix nothing for them.
 */
export const COMA_SCORES: readonly { item: NihssItemId; score: number; rule: 'automatic' | 'implied' }[] = [
  { item: '1b', score: 2, rule: 'implied' },
  { item: '1c', score: 2, rule: 'implied' },
  { item: '7', score: 0, rule: 'implied' },
  { item: '8', score: 2, rule: 'automatic' },
  { item: '9', score: 3, rule: 'automatic' },
  { item: '10', score: 2, rule: 'implied' },
];

export const isComatose = (scores: NihssScores): boolean => scores['1a'] === 3;

/** Items scored against the coma rules (1a = 3), with the score the scale gives them. */
export function comaMismatches(scores: NihssScores): { item: NihssItemId; expected: number; scored: number }[] {
  if (!isComatose(scores)) return [];
  return COMA_SCORES.flatMap(({ item, score }) => {
    const scored = scores[item];
    return typeof scored === 'number' && scored !== score ? [{ item, expected: score, scored }] : [];
  });
}

export type NihssProblem = {
  item: NihssItemId;
  problem: 'missing' | 'out_of_range' | 'untestable_not_allowed' | 'coma_rule';
};

export interface NihssResult {
  /** Null until every item is scored (or UN where allowed) and none contradicts the scale. */
  total: number | null;
  /** The sum of the items scored so far, shown while scoring. */
  subtotal: number;
  /** How many of the 15 items have a score or UN. */
  scored: number;
  /** Items scored UN: not counted, their reason given in the sheet. */
  untestable: NihssItemId[];
  problems: NihssProblem[];
}

export function scoreNihss(scores: NihssScores): NihssResult {
  const problems: NihssProblem[] = [];
  const untestable: NihssItemId[] = [];
  const coma = new Set(comaMismatches(scores).map((m) => m.item));
  let subtotal = 0;
  let scored = 0;
  for (const item of NIHSS_ITEMS) {
    const score = scores[item.id];
    if (score === undefined) {
      problems.push({ item: item.id, problem: 'missing' });
      continue;
    }
    scored++;
    if (score === 'UN') {
      if (item.untestable === null) problems.push({ item: item.id, problem: 'untestable_not_allowed' });
      else untestable.push(item.id);
      continue;
    }
    if (!Number.isInteger(score) || score < 0 || score > item.max) {
      problems.push({ item: item.id, problem: 'out_of_range' });
      continue;
    }
    if (coma.has(item.id)) problems.push({ item: item.id, problem: 'coma_rule' });
    subtotal += score;
  }
  return { total: problems.length === 0 ? subtotal : null, subtotal, scored, untestable, problems };
}

/**
 * The bands commonly published to read the total (Kwah and Diong, J Physiother 2014;60(1):61):
 * 0 no stroke symptoms, 1-4 minor, 5-15 moderate, 16-20 moderate to severe, 21-42 severe.
 * Help for the reader, not a decision.
 */
export function nihssSeverity(total: number): 'none' | 'minor' | 'moderate' | 'moderate_to_severe' | 'severe' {
  if (total === 0) return 'none';
  if (total <= 4) return 'minor';
  if (total <= 15) return 'moderate';
  if (total <= 20) return 'moderate_to_severe';
  return 'severe';
}
