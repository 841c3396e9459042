// The texts of the product's own inputs (time, date, month, file): English.
import type { inputsFr } from './texts-inputs-fr';

export const inputsEn: typeof inputsFr = {
  timePlaceholder: 'HH:MM',
  timeHint: 'Time on 24 hours, HH:MM (for example 09:40 or 21:05).',
  timeInvalid: 'Incorrect time: type HH:MM on 24 hours (for example 09:40 or 21:05).',
  datePlaceholder: 'DD/MM/YYYY',
  dateInvalid: 'Incorrect date: type DD/MM/YYYY (for example 03/12/1956).',
  month: 'Month',
  year: 'Year',
  chooseFile: 'Choose a file',
  noFile: 'No file chosen',
  chosenFile: 'File chosen: {{name}}',
};
