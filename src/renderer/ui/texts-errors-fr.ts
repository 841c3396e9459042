// French texts of the station's error codes, each saying what happened and what to do (the reference).
export const errorsFr = {
  validation_failed: 'Certaines informations sont incorrectes. Corrigez les champs signalés.',
  not_found: 'Ce dossier n’existe pas ou plus sur cette station.',
  stale_version:
    'Ce dossier a été modifié ailleurs depuis son ouverture. Rechargez-le, puis refaites votre modification.',
  forbidden: 'Accès refusé. Ouvrez l’adresse affichée par la station.',
  control_not_granted:
    'Pilotage à distance non autorisé pour cet appel : la personne au chariot doit d’abord laisser l’expert piloter la caméra.',
  consent_required:
    'Le consentement du patient nécessaire manque : recueillez-le dans son acte (« Consentement du patient »), puis recommencez.',
  unknown_channel: 'Opération inconnue de la station. Mettez Relais à jour.',
  disconnected: 'La station est injoignable. Vérifiez que Relais tourne toujours, puis réessayez.',
  device_unavailable: 'Appareil indisponible : vérifiez qu’il est branché et allumé. Relais se reconnecte tout seul.',
  device_refused:
    'L’appareil n’a pas exécuté la commande. Réessayez ; s’il refuse encore, vérifiez son mode (mise au point auto, veille…).',
  hub_unavailable: 'Le serveur régional est injoignable. Relais se reconnecte tout seul ; réessayez dans un instant.',
  pacs_unavailable:
    'Le PACS de l’hôpital n’est pas configuré, injoignable ou a refusé la demande. Importez les images depuis un CD ou une clé USB, ou appelez le service informatique.',
  insi_unavailable:
    'Le téléservice INSi n’est pas configuré sur ce poste ou sa passerelle n’a pas répondu : rien n’a changé dans le dossier. Réessayez ; si cela persiste, appelez le support informatique (le réglage est indiqué sur la page Technique).',
  audit_unavailable:
    'Le poste n’a pas pu écrire son journal d’audit : le dossier n’est pas affiché. Réessayez ; si cela persiste, appelez le support.',
  kiosk_mode:
    'Non disponible dans la cabine. Le pharmacien quitte le mode cabine avec son code (« Espace pharmacien ») pour y accéder.',
  disk_full:
    'Disque plein : rien de nouveau n’a pu être enregistré (les dossiers restent lisibles). Libérez de la place sur le disque de la station (corbeille, anciens fichiers) ou appelez le service informatique, puis réessayez.',
  database_damaged:
    'La base de données du poste est endommagée : il n’affiche que les dossiers encore lisibles et n’enregistre plus rien. Appelez le technicien : il restaure une sauvegarde (écran Synchronisation, Base de données).',
  database_held:
    'La base de données du poste est absente ou plus ancienne que celle qu’il a écrite en dernier : rien n’est enregistré tant qu’une personne n’a pas décidé, sur l’écran Synchronisation (restaurer une sauvegarde, ou continuer avec celle-ci).',
  billing_unavailable:
    'La table des codes de facturation fournie avec Relais est illisible : aucune cotation n’est proposée. Demandez à l’informatique de réinstaller Relais.',
  sign_in_required:
    'Connectez-vous avec votre identité professionnelle (Pro Santé Connect) : seul un médecin connecté, avec son numéro RPPS, peut signer en son nom.',
  internal: 'Erreur inattendue de la station. Réessayez ; si elle persiste, appelez le support.',
};
