// The NIHSS as the NINDS publishes it (NINDS, NIH Stroke Scale, form and instructions, rev.
// 10/1/2003), item by item: the scores each item allows, where "untestable" is allowed and why,
// the scores the instructions give a patient in coma (1a = 3), the running subtotal, and the
// total (0-42, Brott et al., Stroke 1989;20:864-870) read in the bands commonly published for it
// (Kwah LK, Diong J, "National Institutes of Health Stroke Scale (NIHSS)", J Physiother
// 2014;60(1):61).
import { describe, expect, it } from 'vitest';
import {
  COMA_SCORES,
  comaMismatches,
  NIHSS_ITEMS,
  nihssSeverity,
  scoreNihss,
  UNTESTABLE_REASONS,
  untestableReasonsOf,
  type NihssScores,
} from '../../../src/shared/stroke/nihss';

const normal: NihssScores = {
  '1a': 0,
  '1b': 0,
  '1c': 0,
  '2': 0,
  '3': 0,
  '4': 0,
  '5a': 0,
  '5b': 0,
  '6a': 0,
  '6b': 0,
  '7': 0,
  '8': 0,
  '9': 0,
  '10': 0,
  '11': 0,
};

describe('NINDS NIH Stroke Scale (rev. 10/1/2003): items and scores', () => {
  it('has the 15 items with the highest score each allows, for a total of 42 (Brott 1989)', () => {
    expect(NIHSS_ITEMS.map((i) => [i.id, i.max])).toEqual([
      ['1a', 3],
      ['1b', 2],
      ['1c', 2],
      ['2', 2],
      ['3', 3],
      ['4', 3],
      ['5a', 4],
      ['5b', 4],
      ['6a', 4],
      ['6b', 4],
      ['7', 2],
      ['8', 2],
      ['9', 3],
      ['10', 2],
      ['11', 2],
    ]);
    expect(NIHSS_ITEMS.reduce((sum, i) => sum + i.max, 0)).toBe(42);
  });

  it('allows "untestable" only where the form has UN: motor 5 and 6 and ataxia 7 (amputation, joint fusion), dysarthria 10 (intubated, physical barrier)', () => {
    expect(NIHSS_ITEMS.filter((i) => i.untestable).map((i) => i.id)).toEqual(['5a', '5b', '6a', '6b', '7', '10']);
    expect(untestableReasonsOf('5a')).toEqual(UNTESTABLE_REASONS.limb);
    expect(untestableReasonsOf('7')).toEqual(['amputation', 'joint_fusion', 'other']);
    expect(untestableReasonsOf('10')).toEqual(['intubation', 'physical_barrier', 'other']);
    expect(untestableReasonsOf('9')).toEqual([]);
    // "Since the abnormality is scored only if present, the item is never untestable" (item 11).
    expect(scoreNihss({ ...normal, '11': 'UN' }).problems).toEqual([{ item: '11', problem: 'untestable_not_allowed' }]);
  });

  it('leaves untestable items out of the total and says which they are', () => {
    expect(scoreNihss({ ...normal, '5a': 'UN', '10': 'UN', '9': 1 })).toMatchObject({
      total: 1,
      untestable: ['5a', '10'],
      problems: [],
    });
  });

  it('keeps a running subtotal while scoring, with how many items are scored', () => {
    const partial: NihssScores = { '1a': 1, '1b': 2, '2': 1, '5a': 'UN' };
    expect(scoreNihss(partial)).toMatchObject({ total: null, subtotal: 4, scored: 4 });
    expect(scoreNihss({})).toMatchObject({ total: null, subtotal: 0, scored: 0 });
    expect(scoreNihss(normal)).toMatchObject({ total: 0, subtotal: 0, scored: 15 });
  });

  it('refuses a score out of range and gives no total until every item is scored', () => {
    const { '11': _missing, ...incomplete } = normal;
    expect(scoreNihss({ ...incomplete, '4': 4 }).problems).toEqual([
      { item: '4', problem: 'out_of_range' },
      { item: '11', problem: 'missing' },
    ]);
    expect(scoreNihss({ ...normal, '2': 1.5 }).problems).toEqual([{ item: '2', problem: 'out_of_range' }]);
  });
});

describe('NINDS NIH Stroke Scale instructions for a patient in coma (item 1a = 3)', () => {
  it('gives the scores the instructions state or imply, and no others', () => {
    // 8: "Patients in a coma (item 1a=3) are automatically given a 2 on this item."
    // 9: "The patient in a coma (item 1a=3) will automatically score 3 on this item."
    // 1b: "Aphasic and stuporous patients who do not comprehend the questions will score 2."
    // 1c: scored on what the patient does after pantomime: follows none, 2.
    // 7: "Ataxia is absent in the patient who cannot understand or is paralyzed": 0.
    // 10: "2 = Severe dysarthria; ... or is mute/anarthric" (UN if intubated).
    // 11 has no rule for coma: it is scored on what is observed, like 2, 3, 4, 5 and 6.
    expect(COMA_SCORES).toEqual([
      { item: '1b', score: 2, rule: 'implied' },
      { item: '1c', score: 2, rule: 'implied' },
      { item: '7', score: 0, rule: 'implied' },
      { item: '8', score: 2, rule: 'automatic' },
      { item: '9', score: 3, rule: 'automatic' },
      { item: '10', score: 2, rule: 'implied' },
    ]);
  });

  it('totals a comatose patient scored by the rules, with gaze, fields, face, limbs and extinction as observed', () => {
    const coma: NihssScores = {
      '1a': 3,
      '1b': 2,
      '1c': 2,
      '2': 2,
      '3': 2,
      '4': 3,
      '5a': 4,
      '5b': 4,
      '6a': 4,
      '6b': 4,
      '7': 0,
      '8': 2,
      '9': 3,
      '10': 2,
      '11': 1,
    };
    expect(scoreNihss(coma)).toMatchObject({ total: 3 + 2 + 2 + 2 + 2 + 3 + 16 + 0 + 2 + 3 + 2 + 1, problems: [] });
    expect(comaMismatches(coma)).toEqual([]);
  });

  it('names each item scored against the rules, with the score the scale gives, and withholds the total', () => {
    const coma: NihssScores = { ...normal, '1a': 3, '1b': 2, '1c': 2, '8': 2, '9': 1, '10': 2, '7': 1 };
    expect(comaMismatches(coma)).toEqual([
      { item: '7', expected: 0, scored: 1 },
      { item: '9', expected: 3, scored: 1 },
    ]);
    expect(scoreNihss(coma)).toMatchObject({
      total: null,
      problems: [
        { item: '7', problem: 'coma_rule' },
        { item: '9', problem: 'coma_rule' },
      ],
    });
  });

  it('accepts dysarthria untestable in an intubated comatose patient, and no rule before 1a = 3', () => {
    expect(comaMismatches({ '1a': 3, '10': 'UN' })).toEqual([]);
    expect(comaMismatches({ '1a': 2, '9': 0 })).toEqual([]);
  });
});

describe('NIHSS bands (Kwah and Diong, J Physiother 2014): help to read the total, not a decision', () => {
  it.each([
    [0, 'none'],
    [1, 'minor'],
    [4, 'minor'],
    [5, 'moderate'],
    [15, 'moderate'],
    [16, 'moderate_to_severe'],
    [20, 'moderate_to_severe'],
    [21, 'severe'],
    [42, 'severe'],
  ] as const)('%i is %s', (total, band) => {
    expect(nihssSeverity(total)).toBe(band);
  });
});
