// Why a control is greyed, when the reason is common to several screens (French, the reference).
// A feature's own reasons stay in its texts.
export const whyFr = {
  busy: 'En cours… patientez.',
  noCamera: 'Aucune caméra ouverte : branchez-en une ou autorisez-la.',
  noCameraDevice: 'Aucune caméra pilotable branchée.',
  notGranted: 'Le chariot n’a pas autorisé le pilotage de sa caméra.',
  writeFirst: 'Écrivez d’abord votre message.',
  templateKept: 'Le texte est déjà commencé : videz-le pour repartir du modèle.',
  noCall: 'Aucun appel en cours.',
  offline: 'Le serveur régional est injoignable : réessayez quand la connexion revient.',
  notAvailable: 'Pas disponible : cochez « Appel urgent » pour sonner quand même.',
  cameraAdded: 'Une caméra d’examen est déjà partagée dans cet appel.',
  chooseCamera: 'Choisissez d’abord la caméra dans la liste.',
  stethoscopeAdded: 'Le stéthoscope est déjà partagé dans cet appel.',
  showFirst: 'Affichez d’abord l’activité de la période.',
  cardFirst: 'Saisissez d’abord le numéro de la carte.',
  noServer:
    'Aucun serveur régional n’est configuré pour cette station : voyez la page Technique ou le service informatique.',
  recording: 'Enregistrement en cours : arrêtez-le pour changer de foyer.',
};
