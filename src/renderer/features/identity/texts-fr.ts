// French texts of the professional sign-in, the cart's lock and the unlock badge.
export const identityFr = {
  label: 'Professionnel connecté',
  signIn: 'Se connecter (Pro Santé Connect)',
  signOut: 'Se déconnecter',
  pending: 'Connexion en cours dans le navigateur…',
  signedIn: '{{name}}',
  signedInRpps: '{{name}} (RPPS {{rpps}})',
  failed: 'Connexion impossible : {{reason}}',
  lock: 'Verrouiller',
  gate: {
    signInTitle: 'Connectez-vous pour ouvrir les dossiers',
    signInWhy:
      'Chaque dossier ouvert et chaque acte sont enregistrés au nom du professionnel connecté. Utilisez le bouton « Se connecter » en haut.',
    choosePinTitle: '{{name}} : choisissez votre code de déverrouillage',
    choosePinWhy:
      'Entre deux actes, le chariot se verrouille après 10 minutes sans activité ; ce code (4 à 8 chiffres) le rouvre sans vous reconnecter.',
    newPin: 'Votre code',
    pinAgain: 'Retapez le code',
    next: 'Continuer',
    confirm: 'Enregistrer le code',
    mismatch: 'Les deux codes diffèrent : recommencez.',
    lockedTitle: 'Chariot verrouillé — {{name}}',
    yourPin: 'Votre code de déverrouillage',
    unlock: 'Déverrouiller',
    someoneElse: 'Un autre professionnel : se déconnecter',
    ringing: 'Appel entrant de {{name}} : déverrouillez pour répondre.',
  },
  badge: {
    button: 'Badge',
    buttonEnrolled: 'Badge ✓',
    panelLabel: 'Badge de déverrouillage',
    present: 'Présentez votre badge au lecteur du chariot.',
    replace: 'Votre badge est enregistré. Présentez-en un autre pour le remplacer.',
    why: 'Jusqu’à votre déconnexion, il rouvrira le chariot verrouillé entre deux actes, comme votre code. La station n’en garde qu’une empreinte, en mémoire.',
    close: 'Fermer',
    enrolled: 'Badge enregistré : il déverrouille le chariot jusqu’à votre déconnexion.',
    lockedHint: 'Présentez votre badge au lecteur, ou tapez votre code.',
    reading: 'Badge lu, vérification…',
    notNeeded:
      'Badge lu : il sert à rouvrir le chariot verrouillé. Pour l’enregistrer, utilisez le bouton « Badge » en haut.',
    signInFirst:
      'Un badge ne remplace pas la connexion : connectez-vous avec Pro Santé Connect, puis enregistrez votre badge.',
    choosePinFirst: 'Choisissez d’abord votre code ; vous pourrez ensuite enregistrer votre badge.',
    errors: {
      wrong_badge:
        'Badge refusé : ce n’est pas celui enregistré pour cette session. Encore {{left}} essai(s), puis il faudra se reconnecter.',
      unknown_badge:
        'Badge refusé : aucun badge n’est enregistré pour cette session, tapez votre code. Encore {{left}} essai(s), puis il faudra se reconnecter.',
      badge_format: 'Badge illisible : présentez-le à nouveau, ou tapez votre code.',
      sessionEnded: 'Trop d’essais : la session est terminée. Reconnectez-vous avec Pro Santé Connect.',
      failed: 'Badge non pris en compte : {{reason}}',
    },
  },
};
