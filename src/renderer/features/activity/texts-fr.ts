// French texts of the activity screen (acts by month, time spent, transport avoided).
export const activityFr = {
  title: 'Activité',
  scope: 'Activité de cette station : les actes enregistrés ici, pas ceux de toute la région.',
  range: 'Période',
  from: 'Du mois',
  to: 'Au mois (inclus)',
  show: 'Afficher',
  export: 'Exporter en CSV',
  none: 'Aucun acte réalisé sur cette période.',
  tableCaption:
    'Actes réalisés de {{from}} à {{to}} (démarrés : en cours, en attente du compte rendu ou clôturés ; brouillons et actes annulés exclus)',
  month: 'Mois',
  act: 'Type d’acte',
  specialty: 'Spécialité',
  acts: 'Actes',
  minutes: 'Minutes',
  km: 'Km évités',
  kmUnknown: 'Actes sans estimation des km',
  total: 'Total',
  actsChart: 'Actes par mois et par type',
  minutesChart: 'Temps passé par mois (minutes)',
  kmTitle: 'Transport évité',
  kmTotal: '{{km}} km évités aux patients, estimés sur {{acts}} acte(s).',
  method: 'Méthode : {{method}}.',
  coordinates: {
    loaded_mairie: 'Coordonnées : mairies des communes ({{count}} communes, fichier {{file}}).',
    loaded_centre: 'Coordonnées : centres des communes ({{count}} communes, fichier {{file}}).',
    missing:
      'Aucune table des coordonnées des communes n’est chargée : les km évités ne sont pas estimés. Déposez le fichier « Communes et villes de France » de data.gouv.fr (CSV) ici : {{path}}, ou demandez au service informatique d’indiquer son emplacement dans les réglages du poste.',
    setting: 'Réglage du poste pour le service informatique : {{setting}}',
    unreadable:
      'La table des coordonnées des communes ({{file}}) est illisible : {{reason}} Les km évités ne sont pas estimés.',
  },
  missingTitle: 'Actes sans estimation des km',
  missing: {
    patientCommune: '{{count}} acte(s) : commune de résidence du patient non renseignée (fiche du patient).',
    siteCommune: '{{count}} acte(s) : commune du site de l’expert non renseignée (fiche de l’acte).',
    noTable: '{{count}} acte(s) : pas de table des coordonnées des communes.',
    notInTable: '{{count}} acte(s) : commune absente de la table des coordonnées (code fusionné ou erroné ?).',
  },
};
