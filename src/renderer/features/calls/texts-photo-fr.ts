// French texts of the photo the expert asks of the cart (the reference).
export const photoFr = {
  title: 'Photo au chariot',
  hint: 'Le chariot prend la photo à la pleine résolution de la caméra, la classe dans l’acte et vous en envoie une copie.',
  camera: 'Caméra',
  cameras: { room: 'Caméra de la salle', device: 'Dermatoscope' },
  take: 'Photo',
  asking: 'Photo demandée au chariot…',
  whyNotConnected: 'L’appel n’est pas établi.',
  unanswered: 'Le chariot n’a pas répondu : vérifiez l’appel, puis redemandez la photo.',
  linkDown: 'Le lien de l’appel est coupé : redemandez la photo quand il revient.',
  taken:
    'Photo prise au chariot : {{width}} × {{height}} pixels, {{device}}, à {{time}} ; classée dans {{where}}, à votre demande.',
  filedIn: { act: 'l’acte', call: 'le journal de l’appel (appel sans acte)' },
  receiving: 'Réception de la copie…',
  alt: 'Photo prise au chariot ({{device}})',
  refused: {
    no_camera: {
      room: 'Pas de caméra de salle au chariot : demandez à l’équipe de la brancher, puis redemandez la photo.',
      device: 'Pas de dermatoscope branché au chariot : demandez à l’équipe de le brancher, puis redemandez la photo.',
    },
    no_picture:
      'La caméra du chariot ne donne pas d’image ({{detail}}) : demandez à l’équipe de la vérifier, puis redemandez.',
    not_kept:
      'Le chariot n’a pas pu garder la photo ({{detail}}) : si le patient n’a pas consenti à l’enregistrement, l’équipe le recueille d’abord ; sinon, redemandez.',
    busy: 'Le chariot prend déjà une photo : attendez-la, puis redemandez.',
  },
};
