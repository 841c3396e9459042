// French texts of the station's hub token when it can no longer be renewed or has expired.
export const hubTokenFr = {
  refreshRefused:
    'Le serveur régional refuse de renouveler le jeton de ce poste : il reste valable jusqu’au {{at}}, puis plus rien ne partira. Demandez un nouveau jeton de poste à l’informatique régionale.',
  expired:
    'Le jeton de ce poste a expiré{{at}} et n’a pas pu être renouvelé : plus aucun envoi ni appel vers la région. Demandez un nouveau jeton de poste à l’informatique régionale (RELAIS_HUB_TOKEN), puis redémarrez le poste. Rien n’est perdu : les dossiers attendent ici.',
  expiredExpert:
    'Votre accès d’expert au serveur régional a expiré{{at}} : plus aucune demande ni appel n’arrive sur ce poste. Demandez un nouvel accès expert à l’informatique régionale, puis redémarrez le poste.',
  expiredCoordinator:
    'L’accès de la coordination au serveur régional a expiré{{at}} : les offres ne peuvent plus être publiées ni retirées depuis ce poste. Demandez un nouvel accès coordinateur à l’informatique régionale, puis redémarrez le poste.',
  maxAge:
    'Le jeton de ce poste a atteint la durée maximale fixée par la région : le serveur régional ne le renouvelle plus. Il reste valable jusqu’au {{at}}, puis plus rien ne partira. Demandez dès maintenant un nouveau jeton de poste à l’informatique régionale (RELAIS_HUB_TOKEN).',
  revoked:
    'Le jeton de ce poste a été révoqué par l’informatique régionale : plus aucun envoi ni appel vers la région. Demandez un nouveau jeton de poste à l’informatique régionale (RELAIS_HUB_TOKEN), puis redémarrez le poste. Rien n’est perdu : les dossiers attendent ici.',
  expiredAt: ' le {{at}}',
  hubSaid: 'Réponse du serveur : {{reason}}',
};
