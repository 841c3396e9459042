// French texts of the images shown to the other side of a call (the reference).
export const sharedImagingFr = {
  shareTitle: 'Images du patient',
  start: 'Montrer des images (scanner, IRM…)',
  patient: 'Patient (nom, date de naissance)',
  noPatient: 'Aucun patient trouvé.',
  otherPatient: 'Autre patient',
  title: 'Images partagées : {{label}}',
  sent: '{{sent}}/{{count}} images envoyées',
  received: '{{received}}/{{count}} images reçues',
  stop: 'Arrêter le partage',
};
