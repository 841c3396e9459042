// Who is at the station ("Who are you?", the header's badge, the author line of the forms) and
// why a control is greyed (English).
import type { Texts } from '../i18n/texts';
import type { authorFr } from './texts-author-fr';

export const authorEn: Texts<typeof authorFr> = {
  title: 'Who are you?',
  why: 'Your name is written on what you record at this station (acts, consents, measurements, photos, reports). You are asked once, until you leave the station or choose “Change”.',
  name: 'Your name',
  role: 'Your profession',
  rpps: 'Your RPPS (if you have one)',
  rppsHint: '11 digits, on your CPS card or in the annuaire santé',
  confirm: 'That’s me',
  cancel: 'Cancel',
  problems: {
    nameMissing: 'Enter your name.',
    rppsFormat: 'An RPPS has 11 digits (for example 10001234567); leave it empty if you have none.',
  },
  badgeLabel: 'At the station',
  nobody: 'Who are you?',
  change: 'Change',
  line: 'Recorded in the name of {{name}}, {{role}}',
  lineRpps: 'Recorded in the name of {{name}}, {{role}} (RPPS {{rpps}})',
  lineAsk: 'You will be asked your name once, when you record.',
};
