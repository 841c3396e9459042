// French texts of the station's disk: the banner on every screen when it is full, and its line on the home screen.
export const diskFr = {
  title: 'Disque plein',
  writesRefused:
    'Rien de nouveau ne peut être enregistré sur cette station (dossiers, actes, fichiers) ; les dossiers restent lisibles.',
  filesRefused:
    'Les nouveaux fichiers (photos, sons, images) sont refusés pour garder la place des dossiers, qui s’enregistrent encore.',
  whatToDo:
    'Libérez au moins {{needed}} Mo sur le disque de la station (corbeille, anciens fichiers d’autres logiciels) ou appelez le service informatique, puis refaites ce qui a été refusé.',
  space: 'Espace disque',
  free: '{{free}} Mo libres ({{reserve}} Mo gardés pour les dossiers)',
  unknown: 'inconnu',
  auditWaiting:
    '{{count}} événement(s) du journal d’audit en attente d’écriture (disque plein) : écrits dès que la place revient.',
  auditLost:
    '{{count}} événement(s) du journal d’audit non conservés (mémoire pleine pendant que le disque l’était) ; le journal le dira. Prévenez l’informatique régionale.',
};
