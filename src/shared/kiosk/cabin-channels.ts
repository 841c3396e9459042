// The channels the station runs while the pharmacy cabin is in kiosk mode, each with the screen
// that needs it. Main's kiosk gate (src/main/kiosk/kiosk-gate.ts) refuses every other one, so
// a channel added to the contract is refused in a cabin until it is reviewed and listed here.
import type { Channel } from '../contract';

// SECURITY: a patient may be alone at the cabin's screen, in a page that holds the pharmacist's
// session. Only what the guided session needs: it creates the patient's own record and act, and
// never searches the registry, opens another record, or reads the station's lists or audit.
export const CABIN_CHANNELS = {
  'station.status': 'the page reloads the station status when the browser-mode link comes back (no patient record)',
  'identity.state': 'the page asks who is signed in before it shows anything (app.tsx)',
  'kiosk.state': 'the cabin screen itself: whether kiosk mode is on (kiosk-store.ts)',
  'kiosk.leave': 'the pharmacist leaves kiosk mode with her PIN ("Espace pharmacien", pin-pad.tsx)',
  'kiosk.endSession': 'the end of a session wipes the browser storage (kiosk-screen.tsx)',
  'patients.create': 'the pharmacist identifies the patient; near matches come back as candidates (identify-step.tsx)',
  'encounters.create': 'the session opens its act (kiosk-screen.tsx)',
  'encounters.consent': 'the patient consents or refuses (kiosk-screen.tsx)',
  'encounters.observe': 'SpO2, pulse, blood pressure, temperature and weight are recorded (measure-step.tsx)',
  'encounters.setStatus': 'the act follows the call, or is closed when refused (call-step.tsx, kiosk-screen.tsx)',
  'encounters.prescriptions':
    'at the end of the session, the prescriptions the doctor signed for the act the session opened (kiosk-screen.tsx)',
  'encounters.prescriptionPdf': 'the pharmacist prints such a prescription for the patient (kiosk-screen.tsx)',
  'devices.list': 'the oximeter and the blood pressure monitor of the cabin (measure-step.tsx, the call)',
  'bloodPressure.latest': 'the monitor reading (blood-pressure-capture.tsx)',
  'bloodPressure.simulateMeasurement': 'the simulated monitor only (blood-pressure-capture.tsx)',
  'camera.command': 'the doctor steers the cabin camera once the pharmacist grants it (cart-steering.ts)',
  'camera.center': 'the doctor clicks the cabin picture to centre the camera, under the same grant (cart-steering.ts)',
  'calls.hub': 'the available doctors (call-step.tsx, call-controller.ts)',
  'calls.send': 'ringing, answering and hanging up (call-controller.ts)',
  'calls.ice': 'the TURN relay for the call (call-controller.ts)',
  'calls.chat': 'the chat of the call, kept with the act (call-controller.ts)',
  'attachments.begin': 'a snapshot or auscultation taken during the call (upload-attachment.ts)',
  'attachments.chunk': 'the same upload, in chunks',
  'attachments.finish': 'the same upload, finished',
  'calls.grantControl': 'the pharmacist lets the doctor steer the cabin camera (the grant lives in main)',
  'calls.revokeControl': 'the pharmacist takes the camera back',
  'calls.consent':
    'whether the call may record or show images: decisions only, no patient record (auscultation-panel.tsx, call-view.tsx)',
} as const satisfies Partial<Record<Channel, string>>;

export const isCabinChannel = (channel: Channel): boolean => Object.hasOwn(CABIN_CHANNELS, channel);
