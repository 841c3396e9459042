// Why a control is greyed, when the reason is common to several screens (English).
import type { Texts } from '../i18n/texts';
import type { whyFr } from './texts-why-fr';

export const whyEn: Texts<typeof whyFr> = {
  busy: 'In progress… please wait.',
  noCamera: 'No camera open: plug one in or allow it.',
  noCameraDevice: 'No steerable camera plugged in.',
  notGranted: 'The cart has not allowed steering its camera.',
  writeFirst: 'Write your message first.',
  templateKept: 'The text is already started: empty it to start again from the template.',
  noCall: 'No call in progress.',
  offline: 'The regional server cannot be reached: try again when the connection is back.',
  notAvailable: 'Not available: tick “Urgent call” to ring anyway.',
  cameraAdded: 'An examination camera is already shared in this call.',
  chooseCamera: 'Choose the camera in the list first.',
  stethoscopeAdded: 'The stethoscope is already shared in this call.',
  showFirst: 'Show the period’s activity first.',
  cardFirst: 'Enter the card number first.',
  noServer: 'No regional server is configured for this station: see the Technical page or the IT service.',
  recording: 'Recording under way: stop it to change the site.',
};
