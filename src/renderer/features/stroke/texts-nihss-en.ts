// English texts of the NIHSS score buttons, from the NINDS NIH Stroke Scale (rev. 10/1/2003),
// the same keys as texts-nihss-fr.ts.
import type { strokeNihssFr } from './texts-nihss-fr';
import type { Texts } from '../../i18n/texts';

export const strokeNihssEn: Texts<typeof strokeNihssFr> = {
  untestable: 'UN',
  untestableHint: { limb: 'Untestable: amputation, joint fusion', speech: 'Untestable: intubated, physical barrier' },
  scores: {
    level_of_consciousness: {
      '0': 'Alert; keenly responsive',
      '1': 'Not alert; arousable by minor stimulation',
      '2': 'Not alert; needs repeated or painful stimulation (obtunded)',
      '3': 'Reflex responses only, or totally unresponsive (coma)',
    },
    loc_questions: {
      '0': 'Answers both questions correctly',
      '1': 'Answers one question correctly',
      '2': 'Answers neither question correctly',
    },
    loc_commands: {
      '0': 'Performs both tasks correctly',
      '1': 'Performs one task correctly',
      '2': 'Performs neither task correctly',
    },
    best_gaze: { '0': 'Normal', '1': 'Partial gaze palsy', '2': 'Forced deviation or total gaze paresis' },
    visual_fields: {
      '0': 'No visual loss',
      '1': 'Partial hemianopia',
      '2': 'Complete hemianopia',
      '3': 'Bilateral hemianopia (blind, including cortical blindness)',
    },
    facial_palsy: {
      '0': 'Normal symmetrical movements',
      '1': 'Minor paralysis (flattened nasolabial fold, asymmetry on smiling)',
      '2': 'Partial paralysis (lower face)',
      '3': 'Complete paralysis (upper and lower face)',
    },
    motor_arm: {
      '0': 'No drift for 10 s',
      '1': 'Drift before 10 s; does not hit the bed',
      '2': 'Some effort against gravity; drifts down to the bed',
      '3': 'No effort against gravity; limb falls',
      '4': 'No movement',
    },
    motor_leg: {
      '0': 'No drift for 5 s',
      '1': 'Drift before 5 s; does not hit the bed',
      '2': 'Some effort against gravity; falls to the bed',
      '3': 'No effort against gravity; falls at once',
      '4': 'No movement',
    },
    limb_ataxia: { '0': 'Absent', '1': 'Present in one limb', '2': 'Present in two limbs' },
    sensory: {
      '0': 'Normal; no sensory loss',
      '1': 'Mild to moderate sensory loss',
      '2': 'Severe or total sensory loss',
    },
    best_language: {
      '0': 'No aphasia',
      '1': 'Mild to moderate aphasia',
      '2': 'Severe aphasia',
      '3': 'Mute, global aphasia',
    },
    dysarthria: { '0': 'Normal', '1': 'Mild to moderate dysarthria', '2': 'Severe dysarthria, or mute/anarthric' },
    extinction_inattention: {
      '0': 'No abnormality',
      '1': 'Inattention or extinction in one modality',
      '2': 'Profound hemi-inattention, or in more than one modality',
    },
  },
  reasons: {
    amputation: 'Amputation',
    joint_fusion: 'Joint fusion',
    intubation: 'Intubation',
    physical_barrier: 'Other physical barrier to speech',
    other: 'Other reason (say which)',
  },
  reasonTitle: 'Untestable (UN): reason, required',
  reasonOf: 'Reason for UN on {{item}}',
  detail: 'Detail',
  saveUntestable: 'Record UN',
  cancel: 'Cancel',
  untestableShown: 'UN: {{reason}}',
  clear: 'Clear',
  clearOf: 'Clear the score of {{item}}',
  subtotal: 'Subtotal: {{subtotal}} ({{scored}} of 15 items scored)',
  coma: 'Coma (1a = 3): by the scale’s instructions (NINDS), 8 = 2 and 9 = 3 automatically; 1b = 2 and 1c = 2 (answers no question, follows no command), 7 = 0 (ataxia is absent in a patient who cannot understand or is paralysed), 10 = 2 (mute), or UN if intubated. Items 2, 3, 4, 5, 6 and 11 are scored on what is observed.',
  comaMismatch: 'To correct by these rules: {{items}}.',
  comaItem: '{{item}} scored {{scored}}, the scale gives {{expected}}',
  applyComa: 'Apply these scores',
  bands:
    'Total from 0 to 42 (Brott, 1989); bands: 0 no symptoms, 1-4 minor, 5-15 moderate, 16-20 moderate to severe, 21-42 severe (Kwah and Diong, 2014).',
};
