// French texts of the camera pad: orientation, zoom, focus and stored positions (the reference).
export const cameraFr = {
  pad: 'Orientation de la caméra',
  up: 'Haut',
  down: 'Bas',
  left: 'Gauche',
  right: 'Droite',
  stop: 'Arrêt',
  speed: 'Vitesse',
  zoomIn: 'Zoom +',
  zoomOut: 'Zoom −',
  focusAuto: 'Mise au point auto',
  focusOnePush: 'Mise au point unique',
  home: 'Position initiale',
  presets: 'Positions mémorisées',
  storePreset: 'Mémoriser ici',
  storePresetLabel: 'Mémoriser ici la position actuelle, comme « {{name}} »',
  readPosition: 'Lire la position',
  position: 'Position : pan {{pan}} · tilt {{tilt}} · zoom {{zoom}}',
  noPosition: 'Cette caméra ne donne pas sa position.',
  busy: 'En cours : {{what}}…',
  keyboardHint:
    'Clavier : flèches maintenues pour orienter, + et − pour le zoom, Échap pour arrêter, 1 à 4 pour les positions mémorisées.',
};
