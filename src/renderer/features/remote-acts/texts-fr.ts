// French texts of the expert's report written on her station (the reference).
export const expertReportFr = {
  title: 'Compte rendu',
  template: 'Modèle',
  templateHint: 'Changer de modèle ne remplace que les sections vides ou restées telles que le modèle les a écrites.',
  sections: {
    motif: 'Motif',
    histoire: 'Histoire',
    examen: 'Examen à distance',
    mesures: 'Mesures',
    conclusion: 'Conclusion',
    conduite: 'Conduite à tenir',
    suivi: 'Suivi',
  },
  takeMeasurements: 'Reprendre les mesures du dossier',
  draftSaved: 'Brouillon enregistré à {{time}}.',
  sign: 'Signer et envoyer',
  signCorrection: 'Signer la correction',
  signing: 'Signature…',
  signedBy: 'Signé par {{name}} (RPPS {{rpps}}) le {{time}}',
  fingerprint: 'Empreinte SHA-256 : {{sha}}',
  why: {
    notSignedIn: 'Connectez-vous (Pro Santé Connect) : le compte rendu est signé en votre nom.',
    noRpps: 'Votre connexion ne donne pas de numéro RPPS : il est nécessaire pour signer.',
    noConclusion: 'Écrivez la conclusion : sans elle, c’est un brouillon.',
    noReason: 'Dites pourquoi vous corrigez.',
    untouched: 'Relisez ces sections, restées telles que le modèle les a écrites : {{sections}}.',
  },
  untouchedConfirm: 'J’ai relu ces sections : elles disent ce que j’ai constaté.',
  delivery: {
    pending:
      'Pas encore reçu par le poste demandeur : le serveur régional le lui remet dès qu’il est en ligne (ou pendant un prochain appel sur cet acte).',
    call: 'Reçu par le poste demandeur pendant l’appel, le {{time}}.',
    hub: 'Reçu par le poste demandeur par le serveur régional, le {{time}}.',
    refused: 'Refusé par le poste demandeur : {{reason}}',
  },
  replaced: 'Corrigé par une version suivante.',
  correctionOf: 'Correction de la version signée le {{time}}',
  correctionReason: 'Motif de la correction',
  correct: 'Corriger ce compte rendu',
  cancelCorrection: 'Annuler la correction',
  versions: 'Versions signées',
  noAct: 'Appel sans dossier associé : le compte rendu s’écrit sur un acte que le poste demandeur a envoyé.',
  signedIn: 'Signé en tant que {{name}}',
};

// French texts of the expert's acts of other stations: her worklist and the act's screen.
export const remoteActFr = {
  back: 'Retour à l’accueil',
  title: 'Acte demandé par {{station}}',
  worklist: {
    title: 'Comptes rendus à rédiger',
    empty: 'Aucun compte rendu en attente.',
    waited: 'attend depuis {{duration}}',
    open: 'Rédiger',
    states: {
      to_write: 'À rédiger',
      draft: 'Brouillon',
      waiting: 'Signé, pas encore reçu par le poste demandeur',
      refused: 'Refusé par le poste demandeur',
    },
    actTypes: {
      teleconsultation: 'Téléconsultation',
      teleexpertise: 'Téléexpertise',
      telesurveillance: 'Télésurveillance',
      teleassistance: 'Téléassistance',
    },
  },
};
