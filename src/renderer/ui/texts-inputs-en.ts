// The texts of the product's own inputs (time, date, month, file): English.
import type { inputsFr } from './texts-inputs-fr';

export const inputsEn: typeof inputsFr = {
  timePlaceholder: 'HH:MM',
  datePlaceholder: 'DD/MM/YYYY',
  year: 'Year',
  chooseFile: 'Choose a file',
  noFile: 'No file chosen',
  chosenFile: 'File chosen: {{name}}',
};
