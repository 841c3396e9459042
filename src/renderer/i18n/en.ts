// English texts: same keys as the French reference, enforced by the type.
import { actsEn } from '../features/acts/texts-en';
import { consentEn } from '../features/acts/texts-consent-en';
import { billingEn } from '../features/acts/texts-billing-en';
import { actPrescriptionsEn } from '../features/acts/texts-prescriptions-en';
import { actEscalationEn } from '../features/acts/texts-escalation-en';
import { strokeEn } from '../features/stroke/texts-en';
import { callsEn } from '../features/calls/texts-en';
import { photoEn } from '../features/calls/texts-photo-en';
import { expertReportEn, remoteActEn } from '../features/remote-acts/texts-en';
import { expertPrescriptionEn } from '../features/remote-acts/texts-prescription-en';
import { callActEn } from '../features/calls/texts-act-en';
import { identityEn } from '../features/identity/texts-en';
import { expertiseEn } from '../features/teleexpertise/texts-en';
import { activityEn } from '../features/activity/texts-en';
import { kioskEn } from '../features/kiosk/texts-en';
import { hubTokenEn } from '../features/station/texts-hub-token-en';
import { diskEn } from '../features/station/texts-disk-en';
import { databaseEn } from '../features/station/texts-database-en';
import { imagingSafetyEn } from '../features/imaging/texts-en';
import { vigilanceEn, vigilanceFieldErrorsEn } from '../features/patients/texts-en';
import { agendaEn } from '../features/agenda/texts-en';
import type { Translations } from './fr';
import { homeScreenEn, syncScreenEn } from '../features/station/texts-en';
import { roleHomeEn } from '../features/station/texts-home-en';
import { imagingScreenEn, pacsEn } from '../features/imaging/texts-screens-en';
import { bannerEn } from '../ui/texts-banner-en';
import { inputsEn } from '../ui/texts-inputs-en';
import { authorEn } from '../ui/texts-author-en';
import { whyEn } from '../ui/texts-why-en';
import { hoursEn } from '../ui/texts-hours-en';
import { devicesEn, oximeterEn } from '../features/devices/texts-en';
import { cameraEn } from '../ui/texts-camera-en';
import { patientsEn, formEn } from '../ui/texts-patient-en';
import { duplicatesEn } from '../features/patients/texts-duplicates-en';
import { onDutyEn, strokeCallEn } from '../features/calls/texts-stroke-alert-en';
import { sharedImagingEn } from '../features/calls/texts-shared-imaging-en';
import { liveVitalsEn } from '../features/calls/texts-live-vitals-en';
import { queueEn } from '../features/calls/texts-queue-en';
import { viewerEn } from '../ui/texts-viewer-en';
import { errorsEn } from '../ui/texts-errors-en';
import { fieldErrorsEn } from '../ui/texts-field-errors-en';
import { offersEn } from '../features/scheduling/texts-en';

export const en: Translations = {
  app: {
    name: 'Relais',
    nav: 'Main navigation',
    home: 'Home',
    patients: 'Patients',
    devices: 'Devices',
    calls: 'Calls',
    expertise: 'Tele-expertise',
    activity: 'Activity',
    switchLanguage: 'Français',
  },
  link: {
    noKeyTitle: 'Station key missing',
    noKey:
      'This page was opened without the station key. Open the address printed by `npm start` (it holds the station key).',
    offline: 'Station unreachable — reconnecting…',
  },
  home: homeScreenEn,
  roleHome: roleHomeEn,
  sync: syncScreenEn,
  devices: devicesEn,
  camera: cameraEn,
  calls: callsEn,
  photo: photoEn,
  expertReport: expertReportEn,
  expertPrescription: expertPrescriptionEn,
  remoteAct: remoteActEn,
  callAct: callActEn,
  oximeter: oximeterEn,
  patients: patientsEn,
  form: formEn,
  duplicates: duplicatesEn,
  acts: actsEn,
  consent: consentEn,
  billing: billingEn,
  actPrescriptions: actPrescriptionsEn,
  actEscalation: actEscalationEn,
  onDuty: onDutyEn,
  strokeCall: strokeCallEn,
  stroke: strokeEn,
  pacs: pacsEn,
  sharedImaging: sharedImagingEn,
  liveVitals: liveVitalsEn,
  queue: queueEn,
  viewer: viewerEn,
  imaging: imagingScreenEn,
  identity: identityEn,
  hubToken: hubTokenEn,
  disk: diskEn,
  database: databaseEn,
  imagingSafety: imagingSafetyEn,
  kiosk: kioskEn,
  vigilance: vigilanceEn,
  activity: activityEn,
  expertise: expertiseEn,
  banner: bannerEn,
  inputs: inputsEn,
  author: authorEn,
  why: whyEn,
  hours: hoursEn,
  offers: offersEn,
  agenda: agendaEn,
  errors: errorsEn,
  // The identity rules' codes of identity vigilance sit with the patients feature (ui/ imports no feature).
  fieldErrors: { ...fieldErrorsEn, identity: { ...vigilanceFieldErrorsEn, ...fieldErrorsEn.identity } },
};
