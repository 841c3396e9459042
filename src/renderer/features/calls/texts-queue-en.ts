// English texts of the offers' waiting queues on the station's screens.
import type { Texts } from '../../i18n/texts';
import type { queueFr } from './texts-queue-fr';

export const queueEn: Texts<typeof queueFr> = {
  panelTitle: 'Waiting lines',
  noOffer: 'No offer of the directory concerns you: you have no waiting line.',
  offerTitle: '{{specialty}} — {{hospital}}',
  empty: 'Nobody is waiting.',
  nobodyWaits: 'Nobody is waiting in the lines of your offers ({{offers}}).',
  entries: 'Waiting for {{specialty}} ({{hospital}})',
  since: 'since {{time}} ({{waited}})',
  reason: 'Reason: {{reason}}',
  noReason: 'No reason given',
  lostConnection: 'Connection lost',
  steppedOut: 'Patient stepped out',
  take: 'Take',
  takeWho: 'Take {{name}}',
  whyInCall: 'You are already in a call: end it first.',
  whyLostConnection: 'This station lost its connection: its place is kept, take it when it is back.',
  whySteppedOut: 'The patient stepped out for a moment: take them when they are back.',
  gone: 'This station is no longer waiting: someone else took it, or it left.',
  notAllowed: 'The regional server refused: this line is not yours, or the patient stepped out.',
  join: 'Wait for a doctor of this offer',
  waiting: 'In the line: place {{position}} of {{waiting}}',
  wait: 'estimated wait: about {{count}} min',
  nobody: 'No doctor of this offer is online.',
  opens: 'Next opening: {{when}}.',
  joining: 'Joining the line…',
  leave: 'Leave the line',
  closed: 'This offer is closed now.',
  refused: 'The regional server refused to put this station in the line.',
  lost: 'The place in the line was lost (the station offline too long, or the offer withdrawn).',
};
