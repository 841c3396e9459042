// French texts (the reference: English must have the same keys, checked by its type).
import { actsFr } from '../features/acts/texts-fr';
import { consentFr } from '../features/acts/texts-consent-fr';
import { billingFr } from '../features/acts/texts-billing-fr';
import { actPrescriptionsFr } from '../features/acts/texts-prescriptions-fr';
import { actEscalationFr } from '../features/acts/texts-escalation-fr';
import { strokeFr } from '../features/stroke/texts-fr';
import { callsFr } from '../features/calls/texts-fr';
import { photoFr } from '../features/calls/texts-photo-fr';
import { expertReportFr, remoteActFr } from '../features/remote-acts/texts-fr';
import { expertPrescriptionFr } from '../features/remote-acts/texts-prescription-fr';
import { callActFr } from '../features/calls/texts-act-fr';
import { identityFr } from '../features/identity/texts-fr';
import { expertiseFr } from '../features/teleexpertise/texts-fr';
import { agendaFr } from '../features/agenda/texts-fr';
import type { Texts } from './texts';
import { activityFr } from '../features/activity/texts-fr';
import { kioskFr } from '../features/kiosk/texts-fr';
import { hubTokenFr } from '../features/station/texts-hub-token-fr';
import { diskFr } from '../features/station/texts-disk-fr';
import { databaseFr } from '../features/station/texts-database-fr';
import { imagingSafetyFr } from '../features/imaging/texts-fr';
import { vigilanceFieldErrorsFr, vigilanceFr } from '../features/patients/texts-fr';
import { homeScreenFr, syncScreenFr } from '../features/station/texts-fr';
import { roleHomeFr } from '../features/station/texts-home-fr';
import { imagingScreenFr, pacsFr } from '../features/imaging/texts-screens-fr';
import { bannerFr } from '../ui/texts-banner-fr';
import { inputsFr } from '../ui/texts-inputs-fr';
import { authorFr } from '../ui/texts-author-fr';
import { whyFr } from '../ui/texts-why-fr';
import { hoursFr } from '../ui/texts-hours-fr';
import { devicesFr, oximeterFr } from '../features/devices/texts-fr';
import { cameraFr } from '../ui/texts-camera-fr';
import { patientsFr, formFr } from '../ui/texts-patient-fr';
import { duplicatesFr } from '../features/patients/texts-duplicates-fr';
import { onDutyFr, strokeCallFr } from '../features/calls/texts-stroke-alert-fr';
import { sharedImagingFr } from '../features/calls/texts-shared-imaging-fr';
import { liveVitalsFr } from '../features/calls/texts-live-vitals-fr';
import { queueFr } from '../features/calls/texts-queue-fr';
import { viewerFr } from '../ui/texts-viewer-fr';
import { errorsFr } from '../ui/texts-errors-fr';
import { fieldErrorsFr } from '../ui/texts-field-errors-fr';
import { offersFr } from '../features/scheduling/texts-fr';
export const fr = {
  app: {
    name: 'Relais',
    nav: 'Navigation principale',
    home: 'Accueil',
    patients: 'Patients',
    devices: 'Appareils',
    calls: 'Appels',
    expertise: 'Téléexpertise',
    activity: 'Activité',
    switchLanguage: 'English',
  },
  link: {
    noKeyTitle: 'Clé de la station manquante',
    noKey:
      "Cette page a été ouverte sans la clé de la station. Ouvrez l'adresse affichée par `npm start` (elle contient la clé de la station).",
    offline: 'Station injoignable — reconnexion…',
  },
  home: homeScreenFr,
  roleHome: roleHomeFr,
  sync: syncScreenFr,
  devices: devicesFr,
  camera: cameraFr,
  calls: callsFr,
  photo: photoFr,
  expertReport: expertReportFr,
  expertPrescription: expertPrescriptionFr,
  remoteAct: remoteActFr,
  callAct: callActFr,
  oximeter: oximeterFr,
  patients: patientsFr,
  form: formFr,
  duplicates: duplicatesFr,
  acts: actsFr,
  consent: consentFr,
  billing: billingFr,
  actPrescriptions: actPrescriptionsFr,
  actEscalation: actEscalationFr,
  onDuty: onDutyFr,
  strokeCall: strokeCallFr,
  stroke: strokeFr,
  pacs: pacsFr,
  sharedImaging: sharedImagingFr,
  liveVitals: liveVitalsFr,
  queue: queueFr,
  viewer: viewerFr,
  imaging: imagingScreenFr,
  identity: identityFr,
  hubToken: hubTokenFr,
  disk: diskFr,
  database: databaseFr,
  imagingSafety: imagingSafetyFr,
  kiosk: kioskFr,
  vigilance: vigilanceFr,
  activity: activityFr,
  expertise: expertiseFr,
  banner: bannerFr,
  inputs: inputsFr,
  author: authorFr,
  why: whyFr,
  hours: hoursFr,
  offers: offersFr,
  agenda: agendaFr,
  errors: errorsFr,
  // The identity rules' codes of identity vigilance sit with the patients feature (ui/ imports no feature).
  fieldErrors: { ...fieldErrorsFr, identity: { ...vigilanceFieldErrorsFr, ...fieldErrorsFr.identity } },
};

export type Translations = Texts<typeof fr>;
