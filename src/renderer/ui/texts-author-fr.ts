// Who is at the station ("Qui êtes-vous ?", the header's badge, the author line of the forms) and
// why a control is greyed (French, the reference).
export const authorFr = {
  title: 'Qui êtes-vous ?',
  why: 'Votre nom est inscrit sur ce que vous enregistrez à cette station (actes, consentements, mesures, photos, comptes rendus). Il vous est demandé une fois, jusqu’à ce que vous quittiez la station ou choisissiez « Changer ».',
  name: 'Votre nom',
  role: 'Votre profession',
  rpps: 'Votre RPPS (si vous en avez un)',
  rppsHint: '11 chiffres, sur votre carte CPS ou l’annuaire santé',
  confirm: 'C’est moi',
  cancel: 'Annuler',
  problems: {
    nameMissing: 'Indiquez votre nom.',
    rppsFormat: 'Le RPPS compte 11 chiffres (par exemple 10001234567) ; laissez vide si vous n’en avez pas.',
  },
  badgeLabel: 'À la station',
  nobody: 'Qui êtes-vous ?',
  change: 'Changer',
  line: 'Enregistré au nom de {{name}}, {{role}}',
  lineRpps: 'Enregistré au nom de {{name}}, {{role}} (RPPS {{rpps}})',
  lineAsk: 'Votre nom vous sera demandé une fois, à l’enregistrement.',
};
