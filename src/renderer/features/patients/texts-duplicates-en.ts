// English texts of the possible duplicates shown before a new patient is created (the same keys as the French).
import type { Texts } from '../../i18n/texts';
import type { duplicatesFr } from './texts-duplicates-fr';

export const duplicatesEn: Texts<typeof duplicatesFr> = {
  title: 'This patient may already exist',
  intro: 'These records look like the identity you typed. Check before creating a second record for the same person.',
  open: 'Open this record',
  createAnyway: 'Not the same person — create the record',
  cancel: 'Back to the form',
};
