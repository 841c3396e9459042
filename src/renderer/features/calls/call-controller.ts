// The calls feature's one call controller (webrtc/call-controller.ts), built here once with what
// this feature shares over a call: the imaging viewer, the stroke sheet and the recordings. The
// screens call its methods; its state lives in the object, not in this module.
import { relais } from '../../api';
import { createCallLink } from '../../webrtc/call-link';
import { createCallController } from '../../webrtc/call-controller';
import { createCartSteering } from '../../webrtc/cart-steering';
import { openDeviceCamera, openRoomMedia, openStethoscope, stopAll } from '../../webrtc/local-media';
import { startRingtone } from '../../webrtc/ringtone';
import { capturesCallEnded, capturesCallStarted } from './call-captures';
import { imagingCallEnded, imagingLinkOpened, onImagingBulk, onImagingMessage } from './shared-imaging';
import { onStrokeMessage, strokeCallEnded, strokeLinkOpened } from './shared-stroke';
import { photoOverCall } from './call-photo';
import { onPhotoBulk } from './expert-photo';
import { actContextCallEnded, actContextLinkOpened, onActContextMessage } from './act-context-share';
import { onVitalsMessage, vitalsCallEnded, vitalsLinkOpened } from './shared-vitals';
import { onReportMessage, reportCallEnded, reportLinkOpened } from './expert-report-share';
import { onPrescriptionMessage, prescriptionCallEnded, prescriptionLinkOpened } from './expert-prescription-share';

export const callController = createCallController({
  api: relais,
  devices: { openRoomMedia, openDeviceCamera, openStethoscope, stopAll },
  createLink: createCallLink,
  createSteering: createCartSteering,
  startRingtone,
  recordings: { callStarted: capturesCallStarted, callEnded: capturesCallEnded },
  shared: {
    imaging: {
      onMessage: onImagingMessage,
      linkOpened: imagingLinkOpened,
      callEnded: imagingCallEnded,
      // A photo's parts and a shared series' parts share the bulk channel: each reader knows its own.
      onBulk: (bytes) => void (onPhotoBulk(bytes) || onImagingBulk(bytes)),
    },
    stroke: { onMessage: onStrokeMessage, linkOpened: strokeLinkOpened, callEnded: strokeCallEnded },
    photo: photoOverCall,
    context: { onMessage: onActContextMessage, linkOpened: actContextLinkOpened, callEnded: actContextCallEnded },
    vitals: { onMessage: onVitalsMessage, linkOpened: vitalsLinkOpened, callEnded: vitalsCallEnded },
    report: { onMessage: onReportMessage, linkOpened: reportLinkOpened, callEnded: reportCallEnded },
    prescription: {
      onMessage: onPrescriptionMessage,
      linkOpened: prescriptionLinkOpened,
      callEnded: prescriptionCallEnded,
    },
  },
});

// The screens' names for the controller's methods (each is a plain function of the one object).
export const {
  init: initCalls,
  ring,
  accept,
  decline,
  cancel,
  hangup,
  dismiss,
  setAvailability,
  sendChat,
  steer,
  setControlGranted,
} = callController;
export const { addDeviceCamera, addStethoscope } = callController;
export const { askControl, refuseControl } = callController;
export const { join: joinQueue, leave: leaveQueue, take: takeFromQueue, stepAway } = callController;
