// English texts of the stroke alert that rings the on-duty experts in turn; the stroke sheet opened from a call (the
// same keys as the French).
import type { Texts } from '../../i18n/texts';
import type { onDutyFr, strokeCallFr } from './texts-stroke-alert-fr';

export const onDutyEn: Texts<typeof onDutyFr> = {
  call: 'Stroke alert: call the on-duty expert in {{specialty}} ({{hospital}})',
  defaultReason: 'Stroke alert — thrombolysis to discuss',
  attempt: '{{rank}}. {{name}}',
  ringing: 'ringing for {{seconds}} s of {{delay}} s',
  asking: 'Finding the physician on duty…',
  outcomes: {
    declined: 'declined',
    no_answer: 'no answer after {{seconds}} s',
    busy: 'busy',
    offline: 'offline',
    answered: 'answered',
    cancelled: 'call cancelled',
  },
  recordError: 'This step could not be recorded in the act:',
  exhausted: 'No on-duty physician answered: call the referral hospital’s switchboard.',
  dismiss: 'Close the alert',
};

export const strokeCallEn: Texts<typeof strokeCallFr> = {
  title: 'Stroke sheet',
  start: 'Open this patient’s stroke sheet',
  acts: 'The patient’s open acts',
  useAct: 'Stroke sheet of this act',
  newAct: 'Open an act for this call',
  requester: 'Requesting physician',
  defaultReason: 'Suspected stroke',
  sheetOf: 'Stroke sheet — {{patient}}',
  cameraNotGranted: 'The cart’s camera will follow the item buttons once the team lets you steer it.',
};
