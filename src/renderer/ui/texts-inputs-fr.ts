// The texts of the product's own inputs (time, date, month, file): French, the reference.
export const inputsFr = {
  timePlaceholder: 'HH:MM',
  datePlaceholder: 'JJ/MM/AAAA',
  year: 'Année',
  chooseFile: 'Choisir un fichier',
  noFile: 'Aucun fichier choisi',
  chosenFile: 'Fichier choisi : {{name}}',
};
