// English texts: same keys as the French reference, enforced by the type.
import { actsEn } from '../features/acts/texts-en';
import { consentEn } from '../features/acts/texts-consent-en';
import { strokeEn } from '../features/stroke/texts-en';
import { callsEn } from '../features/calls/texts-en';
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
import type { Translations } from './fr';
import { homeScreenEn, syncScreenEn } from '../features/station/texts-en';
import { roleHomeEn } from '../features/station/texts-home-en';
import { imagingScreenEn, pacsEn } from '../features/imaging/texts-screens-en';
import { bannerEn } from '../ui/texts-banner-en';
import { inputsEn } from '../ui/texts-inputs-en';
import { authorEn } from '../ui/texts-author-en';
import { whyEn } from '../ui/texts-why-en';

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
  devices: {
    title: 'Devices',
    list: 'Devices of the station',
    simulated: 'simulated',
    unnamed: 'unnamed device',
    lastPress: 'Last press: {{control}} at {{time}}',
    details: {
      detected_unconfigured:
        'Detected, not configured: confirm with “npx relais-devices probe”, then add it to devices.json.',
    },
  },
  camera: {
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
    home: 'Home position',
    presets: 'Stored positions',
    storePreset: 'Store here',
    storePresetLabel: 'Store here the current position, as “{{name}}”',
    readPosition: 'Read the position',
    position: 'Position: pan {{pan}} · tilt {{tilt}} · zoom {{zoom}}',
    noPosition: 'This camera does not report its position.',
    busy: 'In progress: {{what}}…',
    keyboardHint: 'Keyboard: hold the arrows to steer, + and − to zoom, Escape to stop, 1 to 4 for stored positions.',
  },
  calls: callsEn,
  callAct: callActEn,
  oximeter: {
    spo2: 'SpO2',
    pulse: 'Pulse',
    pleth: 'Plethysmography waveform',
    status: {
      measuring: 'Measuring',
      finger_out: 'Finger out: put the finger back in the sensor.',
      probe_error: 'Sensor fault: check the sensor cable.',
      searching: 'Searching for the pulse… keep the finger still.',
      no_data: 'No data from the oximeter: check that it is on and plugged in.',
    },
  },
  patients: {
    title: 'Patients',
    new: 'New patient',
    search: 'Find a patient',
    searchHint: 'Name, birth date (DD/MM/YYYY) or INS number',
    searchButton: 'Search',
    recent: 'Recent patients',
    results: 'Results',
    none: 'No patient found.',
    insQualified: 'Qualified INS',
    born: 'born',
    usedName: 'known as',
    back: 'Back to the list',
    createTitle: 'New patient',
    editTitle: 'Identity',
    saved: 'Identity saved.',
    created: 'Patient saved. You can open an act: “New act” below.',
  },
  form: {
    strictTraits: 'Strict traits',
    usedTraits: 'Traits in use',
    birthName: 'Birth name',
    firstName: 'First given name at birth',
    birthFirstNames: 'Given names at birth',
    birthFirstNamesHint: 'All given names, in order, separated by spaces',
    birthDate: 'Birth date',
    birthDateHint: 'DD/MM/YYYY',
    sex: 'Sex',
    sexes: { M: 'Male', F: 'Female', I: 'Indeterminate' },
    birthplaceCode: 'INSEE code of the birthplace',
    birthplaceHint: '5 characters; 99xxx if born abroad, 99999 if unknown',
    residence: 'Home',
    residenceCode: 'INSEE code of the commune of residence',
    residenceHint: 'Optional, 5 characters: used to estimate the km remote acts spare the patient',
    usedName: 'Name in use',
    usedFirstName: 'Given name in use',
    identityStatus: 'Identity status',
    statuses: {
      PROV: 'PROV — provisional',
      VALI: 'VALI — validated (ID document checked)',
      RECUP: 'RECUP — retrieved (INS from the INSi teleservice)',
      QUAL: 'QUAL — qualified (validated and retrieved)',
    },
    ins: 'National health identity (INS)',
    oids: { NIR: 'NIR', NIA: 'NIA', NIR_TEST: 'Test NIR', NIA_TEST: 'Test NIA' },
    save: 'Save',
    saving: 'Saving…',
    errorsTitle: 'The record was not saved. Correct the fields shown:',
    reload: 'Reload the record',
  },
  duplicates: {
    title: 'This patient may already exist',
    intro: 'These records look like the identity you typed. Check before creating a second record for the same person.',
    open: 'Open this record',
    createAnyway: 'Not the same person — create the record',
    cancel: 'Back to the form',
  },
  acts: actsEn,
  consent: consentEn,
  onDuty: {
    call: 'Stroke alert: call the on-duty expert in {{specialty}} ({{hospital}})',
    defaultReason: 'Stroke alert — thrombolysis to discuss',
    attempt: '{{rank}}. {{name}}',
    ringing: 'ringing…',
    outcomes: {
      declined: 'declined',
      timeout: 'no answer',
      busy: 'busy',
      offline: 'offline',
      answered: 'answered',
      cancelled: 'call cancelled',
      hangup: 'call ended',
    },
    exhausted: 'No on-duty physician answered: call the referral hospital’s switchboard.',
    dismiss: 'Close the alert',
  },
  strokeCall: {
    title: 'Stroke sheet',
    start: 'Open this patient’s stroke sheet',
    acts: 'The patient’s open acts',
    useAct: 'Stroke sheet of this act',
    newAct: 'Open an act for this call',
    requester: 'Requesting physician',
    defaultReason: 'Suspected stroke',
    sheetOf: 'Stroke sheet — {{patient}}',
    cameraNotGranted: 'The cart’s camera will follow the item buttons once the team lets you steer it.',
  },
  stroke: strokeEn,
  pacs: pacsEn,
  sharedImaging: {
    shareTitle: 'Patient images',
    start: 'Show images (CT, MRI…)',
    patient: 'Patient (name, birth date)',
    noPatient: 'No patient found.',
    otherPatient: 'Another patient',
    title: 'Shared images: {{label}}',
    sent: '{{sent}}/{{count}} images sent',
    received: '{{received}}/{{count}} images received',
    stop: 'Stop sharing',
  },
  viewer: {
    tools: 'Viewer tools',
    tool: { window: 'Window', pan: 'Pan', zoom: 'Zoom', length: 'Length', roi: 'Density (ROI)' },
    preset: { brain: 'Brain', stroke: 'Stroke', subdural: 'Subdural', bone: 'Bone' },
    reset: 'Original view',
    image: '{{label}}: slice {{index}} of {{count}}',
    slice: 'Slice',
    state: 'Slice {{index}}/{{count}} — W {{width}} / L {{center}} — zoom ×{{zoom}}',
    loading: '{{loaded}}/{{count}} images loaded',
    waiting: 'Loading slice {{index}}…',
    failed: 'Slice {{index}} cannot be shown: {{reason}}',
    frameErrors: {
      unreadable: 'unreadable file',
      truncated: 'truncated file',
      not_an_image: 'not an image',
      no_such_frame: 'no such image',
      unsupported_pixels: 'image format not supported',
      corrupt_pixels: 'damaged pixels',
      not_found: 'file missing from the station: import the study again',
    },
    measurements: 'Measurements on this slice',
    length: 'Length: {{value}} {{unit}}',
    roi: 'Mean density: {{mean}} {{unit}} (SD {{sd}}, {{pixels}} pixels, {{area}} mm²)',
    roiEmpty: 'Region too small',
    clearMeasurements: 'Clear this slice’s measurements',
    noPresets: 'No window presets outside CT.',
    noImage: 'No image to show',
    images: '{{count}} image(s)',
    openSeries: 'Open series {{label}}',
    opening: 'Opening the series…',
    share: 'Share this series in the call',
  },
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
  errors: {
    validation_failed: 'Some information is wrong. Correct the fields shown.',
    not_found: 'This record does not exist on this station (any more).',
    stale_version: 'This record was changed elsewhere since you opened it. Reload it, then redo your change.',
    forbidden: 'Access refused. Open the address the station printed.',
    consent_required:
      'The patient’s consent needed for this is missing: collect it in her act (“Patient consent”), then try again.',
    control_not_granted:
      'Remote control is not granted for this call: the person at the cart must first let the expert steer the camera.',
    unknown_channel: 'The station does not know this operation. Update Relais.',
    disconnected: 'The station cannot be reached. Check that Relais is still running, then retry.',
    device_unavailable: 'Device unavailable: check that it is plugged in and switched on. Relais reconnects by itself.',
    device_refused:
      'The device did not carry out the command. Retry; if it refuses again, check its mode (autofocus, standby…).',
    hub_unavailable: 'The regional hub cannot be reached. Relais reconnects by itself; try again in a moment.',
    pacs_unavailable:
      'The hospital PACS is not configured, cannot be reached or refused the request. Import the images from a CD or USB drive, or call IT support.',
    insi_unavailable:
      'The INSi teleservice is not configured on this station or its gateway did not answer: nothing changed in the record. Try again; if it goes on, call IT support (the setting is shown on the Technical page).',
    audit_unavailable:
      'The station could not write its audit trail, so the record is not shown. Retry; if it persists, call support.',
    kiosk_mode:
      'Not available in the pharmacy cabin. The pharmacist leaves cabin mode with her PIN (“Espace pharmacien”) to use it.',
    disk_full:
      'Disk full: nothing new could be saved (the records stay readable). Free space on the station’s disk (recycle bin, old files) or call the IT department, then try again.',
    database_damaged:
      'The station’s database is damaged: it only shows the records it can still read, and records nothing. Call the technician: they restore a backup (Synchronisation screen, Database).',
    database_held:
      'The station’s database is missing or older than the one it last wrote: nothing is recorded until a person decides on the Synchronisation screen (restore a backup, or go on with this one).',
    internal: 'Unexpected error in the station. Retry; if it persists, call support.',
  },
  fieldErrors: {
    field: {
      required: 'Required.',
      invalid_type: 'Unexpected kind of value.',
      too_small: 'Too short or too small.',
      too_long: 'Too long.',
      invalid_format: 'Wrong format.',
      invalid_choice: 'Choose one of the values offered.',
      unknown: 'Unknown field.',
      invalid: 'Wrong value.',
    },
    trait: { invalid_characters: 'Letters only, with space, hyphen or apostrophe.' },
    date: {
      invalid: 'Wrong date: type DD/MM/YYYY (for example 03/12/1956).',
      too_old: 'Date before 1880: check the year.',
      in_future: 'This date is in the future: check what you typed.',
    },
    insee: { invalid: 'Wrong INSEE code: 5 characters (department + commune, 2A/2B for Corsica, 99xxx abroad).' },
    first_names: {
      must_start_with_first_name: 'The list of given names must start with the first given name.',
      required_unless_provisional:
        'Give all the given names at birth, in order: only a provisional identity may do without.',
    },
    ins: {
      not_allowed_for_status:
        'An INS is recorded only for a retrieved (RECUP) or qualified (QUAL) identity: change the status or remove the INS.',
      required_for_status:
        'A retrieved or qualified identity has an INS: type the number the INSi teleservice returned.',
      length: 'The INS number has 15 characters: 13 for the NIR or NIA, 2 for the key.',
      format: 'This number has characters a NIR cannot have: check what you typed (digits, 2A or 2B).',
      key_mismatch:
        'The INS key does not match the first 13 digits. Check what you typed against the card or the INSi answer.',
      sex_mismatch: 'The INS number says another sex than the one typed: check one or the other.',
      birth_year_mismatch: 'The INS number says another birth year: check the date or the number.',
      birth_month_mismatch: 'The INS number says another birth month: check the date or the number.',
      already_used:
        'This INS already belongs to another patient on this station: open that record instead of creating one.',
    },
    pin: {
      repeated: 'One digit repeated is guessed at the first try: choose another code.',
      sequence: 'A run of digits (1234, 2468, 7890…) is among the first codes tried: choose another one.',
      common: 'This code is among the most used (or follows the keypad, like 2580): choose another one.',
      pattern: 'A repeated pattern (1212, 112233…) is easy to guess: choose another code.',
    },
    identity: {
      ...vigilanceFieldErrorsEn,
      strict_trait_locked: 'Trait from INSi: it is not edited here. To correct it, verify the INS with INSi.',
      pin_format: 'The code has 4 to 8 digits.',
      current_pin_required: 'Type your current code first.',
      wrong_pin: 'Wrong code. {{left}} more attempt(s), then you will have to sign in again.',
    },
    teleexpertise: {
      already_sent: 'This request is already sent.',
      not_draft: 'This act has already started: it is no longer sent as a tele-expertise request.',
      not_sent: 'Send the request first.',
      no_such_question: 'This is not the expert’s question on this request.',
      question_answered: 'You have already answered this question.',
      file_not_of_act: 'This file does not belong to this act.',
      follow_up_required: 'Choose the follow-up you advise.',
    },
    encounter: {
      consent_missing: 'First collect the patient’s consent to the act.',
      consent_refused: 'The patient refused the act: it cannot start.',
      status_backwards: 'An act does not go back to an earlier step.',
      closed: 'This act is closed: nothing more is added to it.',
      has_call:
        'This act already has its call: one act, one call. Attach this call to another act of the patient, or create one.',
      not_started: 'The act has not started: the report comes after.',
    },
    consent: {
      recording_missing:
        'The patient’s consent to recording has not been collected: nothing is recorded. Collect it under the act’s “Patient consent”, then try again.',
      recording_refused: 'The patient refused recording: nothing is recorded.',
      image_sharing_missing:
        'The patient’s consent to sharing images has not been collected: the images are not sent. Collect it under the act’s “Patient consent”, then try again.',
      image_sharing_refused: 'The patient refused the sharing of her images: they are not sent.',
      call_without_act:
        'No act is linked to this call, hence no consent: link the call to the patient’s act (“Consent for this call”), then collect her consent.',
      other_patient: 'These images are of another patient than the call’s act: her consent does not cover them.',
      call_has_act: 'This call is already linked to another act: one call, one act, one patient.',
      signal_reserved: 'Consent is only passed on from the act, by the station itself.',
      emergency_is_not_a_refusal: 'A vital emergency lets the physician decide; it is not recorded as a refusal.',
      emergency_not_for_recording:
        'A vital emergency does not allow recording: recording waits for the consent of the patient or of her representative.',
    },
    auscultation: { site_required: 'Choose the auscultation site before recording.' },
    vital: {
      impossible:
        'Impossible value (possible: {{min, number}} to {{max, number}}). Check what was typed (unit, decimal point) or the device.',
      unusual:
        'Unusual value (usual: {{min, number}} to {{max, number}}). Check it; if it is right, tick “I confirm this value”.',
      not_a_number: 'Type a number (for example 37.2).',
      nothing_to_confirm: 'This value is usual: there is nothing to confirm.',
      diastolic_above_systolic: 'The diastolic must be lower than the systolic.',
    },
    report: {
      not_of_this_act: 'This report does not belong to this act.',
      already_replaced: 'This report was already corrected: correct the latest version.',
    },
    imaging: {
      folder: 'Folder or drive not found: {{message}}',
      patient_mismatch:
        'These images are in the name of {{name}} (born {{birthDate}}): the identity differs from the record’s ({{differences}}). Check before attaching them.',
      study_of_another_patient: 'This study is already attached to another patient of this station.',
      confirmation_without_study:
        'An identity confirmation names a study that is not imported: tick it, or cancel its confirmation.',
      confirmation_twice: 'This study has two identity confirmations: keep only one.',
      too_many_drops:
        '{{max}} drops are still being sent to this station: wait until they are sent, then drop these files again. A drop left unfinished is let go after {{minutes}} minutes.',
    },
    upload: {
      too_many_in_progress:
        '{{max}} files are being saved on this station already: wait for them to finish, then add this one again. A transfer left unfinished is dropped after {{minutes}} minutes.',
    },
    pacs: {
      not_a_photo: 'Only photographs go to the PACS.',
      photo_without_act: 'Attach this photo to an act first: the PACS must know whose it is.',
    },
    kiosk: {
      pin_format: 'The code has 6 to 12 digits.',
      pin_wrong: 'Wrong code. {{left}} more attempt(s) before the keypad locks.',
      locked: 'Too many wrong codes: the keypad is locked until {{until}}.',
    },
    rpps: { invalid: 'Incorrect RPPS number: 11 digits, no space or letter (for example 10101234567).' },
    disk: {
      full: 'Disk full: free at least {{neededMb}} MB on the station’s disk (recycle bin, old files) or call the IT department, then try again.',
    },
    month: { invalid: 'Incorrect month: choose a month and a year (for example July 2026).' },
    activity: {
      range_backwards: 'The last month must come after the first.',
      range_too_long: 'Five years at most at once.',
    },
  },
};
