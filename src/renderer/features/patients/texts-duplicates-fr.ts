// French texts of the possible duplicates shown before a new patient is created (the reference).
export const duplicatesFr = {
  title: 'Ce patient existe peut-être déjà',
  intro:
    'Ces dossiers ressemblent à l’identité saisie. Vérifiez avant de créer un second dossier pour la même personne.',
  open: 'Ouvrir ce dossier',
  createAnyway: 'Ce n’est pas la même personne — créer le dossier',
  cancel: 'Revenir à la saisie',
};
