// French texts of the expert's prescriptions on the act (and in the cabin at the end of a session).
export const actPrescriptionsFr = {
  title: 'Ordonnances de l’expert',
  none: 'Aucune ordonnance de l’expert pour cet acte.',
  lines: 'Prescriptions de l’ordonnance',
  signer: '{{name}} (RPPS {{rpps}})',
  signerWithSpecialty: '{{name}} ({{specialty}}, RPPS {{rpps}})',
  signedBy: 'Signée par {{signer}} le {{when}}',
  replaced: 'remplacée par une correction',
  correction: 'Corrige l’ordonnance précédente : {{reason}}',
  kinds: {
    biology: 'Biologie',
    imaging: 'Imagerie',
    nursing: 'Soins infirmiers',
    other: 'Autre prescription',
  },
  words: {
    during: 'pendant {{duration}}',
    quantity: 'Quantité : {{quantity}}.',
    nonSubstitutable: 'Non substituable ({{reason}}).',
  },
  print: 'Imprimer l’ordonnance',
  download: 'Télécharger le PDF',
  saved: 'Ce poste n’imprime pas le PDF lui-même : il est enregistré sous {{fileName}}, ouvrez-le pour l’imprimer.',
  cannotPrintInCabin:
    'Ce poste ne peut pas imprimer depuis la cabine. Le pharmacien quitte le mode cabine (« Espace pharmacien ») et imprime l’ordonnance depuis l’acte du patient.',
};
