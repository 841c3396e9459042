// English texts of the camera pad: orientation, zoom, focus and stored positions (the same keys as the French).
import type { Texts } from '../i18n/texts';
import type { cameraFr } from './texts-camera-fr';

export const cameraEn: Texts<typeof cameraFr> = {
  pad: 'Camera direction',
  up: 'Up',
  down: 'Down',
  left: 'Left',
  right: 'Right',
  stop: 'Stop',
  speed: 'Speed',
  zoomIn: 'Zoom +',
  zoomOut: 'Zoom −',
  focusAuto: 'Autofocus',
  focusOnePush: 'One-push focus',
  focus: 'Focus',
  focusNear: 'Focus near',
  focusFar: 'Focus far',
  home: 'Home position',
  presets: 'Stored positions',
  storePreset: 'Store here',
  storePresetLabel: 'Store here the current position, as “{{name}}”',
  readPosition: 'Read the position',
  position: 'Position: pan {{pan}} · tilt {{tilt}} · zoom {{zoom}}',
  noPosition: 'This camera does not report its position.',
  busy: 'In progress: {{what}}…',
  keyboardHint: 'Keyboard: hold the arrows to steer, + and − to zoom, Escape to stop, 1 to 4 for stored positions.',
};
