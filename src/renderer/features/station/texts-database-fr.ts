// French texts of the station's database: the banner every screen shows while it is held, and the
// technician's panel on the Synchronisation screen (checks, backups, restore, decision).
export const databaseFr = {
  banner: {
    damaged:
      'Base de données endommagée : le poste n’affiche que les dossiers encore lisibles et n’enregistre plus rien. Appelez le technicien : il restaure une sauvegarde.',
    missing:
      'Base de données absente : le poste n’enregistre rien tant qu’une personne n’a pas décidé (restaurer une sauvegarde, ou repartir d’une base vide). Appelez le technicien.',
    older:
      'Base de données plus ancienne que celle que ce poste a écrite en dernier : rien n’est enregistré tant qu’une personne n’a pas décidé (restaurer une sauvegarde, ou continuer avec celle-ci). Appelez le technicien.',
    open: 'Ouvrir « Base de données »',
  },
  title: 'Base de données',
  states: {
    ok: 'En bon état',
    damaged: 'Endommagée',
    missing: 'Absente',
    older: 'Plus ancienne que celle écrite en dernier',
  },
  state: 'État : {{state}}',
  since: 'depuis le {{when}}',
  found: 'Ce que le poste a trouvé (pour le technicien, en anglais comme le journal) :',
  damagedParts: 'Parties endommagées : {{names}}',
  backupsSummary:
    '{{count}} sauvegarde(s) chiffrée(s) dans le dossier de données (les {{keep}} plus récentes sont gardées) ; la plus récente : {{newest}}.',
  noBackup: 'aucune',
  check: 'Vérifier toute la base (integrity_check)',
  checking: 'Vérification…',
  checkOk: 'Vérification complète le {{when}} : aucune anomalie.',
  checkDamaged: 'Vérification complète le {{when}} : la base est endommagée.',
  backupNow: 'Sauvegarder maintenant',
  backups: 'Sauvegardes',
  reasons: { daily: 'quotidienne', migration: 'avant mise à jour', manual: 'manuelle' },
  backupLine: '{{when}} ({{reason}}, {{size}} Mo)',
  checkBackup: 'Vérifier cette sauvegarde',
  backupOk:
    'Lisible et complète : {{patients}} patient(s), {{encounters}} acte(s), journal d’audit jusqu’à la ligne {{audit}}.',
  backupBad: 'Cette sauvegarde ne passe pas sa vérification : choisissez-en une autre.',
  decide: 'Décider',
  decideHint:
    'Le fichier remplacé est mis de côté dans le dossier « damaged » du dossier de données, jamais effacé. Ensuite le poste redémarre ses services (reconnectez-vous) et reprend du serveur régional ce qui manque ; il dit ce qui est perdu.',
  restore: 'Restaurer la sauvegarde choisie',
  startEmpty: 'Repartir d’une base vide (le serveur régional redonne ce qu’il détient)',
  keep: 'Continuer avec cette base plus ancienne',
  pickBackup: 'Sauvegarde à restaurer',
  chooseFirst: 'Choisissez d’abord une des décisions ci-dessus.',
  backupFirst: 'Choisissez d’abord la sauvegarde à restaurer.',
  working: 'En cours… le poste reprend ce que détient le serveur régional.',
  lastRecovery: 'Dernière décision',
  recoveryLine: '{{decision}} le {{when}} par {{by}}.',
  decisions: { restore: 'Sauvegarde restaurée', start_empty: 'Base vide', keep: 'Base plus ancienne gardée' },
  lost: '{{count}} événement(s) enregistré(s) sur ce poste n’étaient jamais parvenus à la région et sont perdus.',
  nothingLost: 'Rien de ce qui a été enregistré sur ce poste n’est perdu.',
  broughtBack:
    'Le serveur régional a redonné {{patients}} patient(s), {{encounters}} acte(s) et {{audit}} ligne(s) du journal d’audit qui manquaient à cette base.',
  noRegion: 'Aucun serveur régional n’est configuré : rien n’a pu être redonné.',
  atRegionOnly:
    'Enregistré après cette base et gardé par la région, mais non affiché sur ce poste : {{count}} élément(s) (mesures, consentements, comptes rendus, fichiers, images, messages).',
  details: 'Détails pour le service informatique (en anglais)',
};
