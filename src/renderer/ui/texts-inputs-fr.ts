// The texts of the product's own inputs (time, date, month, file): French, the reference.
export const inputsFr = {
  timePlaceholder: 'HH:MM',
  timeHint: 'Heure sur 24 heures, HH:MM (par exemple 09:40 ou 21:05).',
  timeInvalid: 'Heure incorrecte : saisissez HH:MM sur 24 heures (par exemple 09:40 ou 21:05).',
  datePlaceholder: 'JJ/MM/AAAA',
  dateInvalid: 'Date incorrecte : saisissez JJ/MM/AAAA (par exemple 03/12/1956).',
  month: 'Mois',
  year: 'Année',
  chooseFile: 'Choisir un fichier',
  noFile: 'Aucun fichier choisi',
  chosenFile: 'Fichier choisi : {{name}}',
};
