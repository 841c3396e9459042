// English texts of the field errors of the station's rules, shown beside the field (the same keys as the French).
import type { Texts } from '../i18n/texts';
import type { fieldErrorsFr } from './texts-field-errors-fr';

export const fieldErrorsEn: Texts<typeof fieldErrorsFr> = {
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
  hours: {
    ends_before_start: 'The end must come after the start.',
    time_format: 'Incorrect time: type HH:MM on 24 hours (for example 08:00 or 18:30).',
    days_required: 'Tick at least one day.',
  },
  offer: {
    acts_required: 'Tick at least one act type.',
    expert_twice: 'This expert is already named in the offer: remove one of the two rows.',
    id_format: 'Incorrect offer identifier: letters, digits, dot or hyphen, 64 characters at most.',
  },
  rota: {
    experts_required: 'Add at least one expert to the ringing order.',
    delay_range: 'A whole number of seconds, from 10 to 600.',
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
    required_for_status: 'A retrieved or qualified identity has an INS: type the number the INSi teleservice returned.',
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
    already_signed: 'A report is already signed for this act: to change it, write a correction.',
    not_of_this_act: 'This report does not belong to this act.',
    correction_reason: 'A correction says why: give the reason for the correction.',
    hash_mismatch:
      'This report was altered on its way (its SHA-256 does not match its signature): it is not filed. Ask the expert to send it again.',
    already_replaced: 'This report was already corrected: correct the latest version.',
  },
  prescription: {
    empty: 'A prescription has at least one line: a medicine or another prescription.',
    correction_reason: 'A correction says why: give the reason for the correction.',
    efg_child_only: 'The EFG mention is for a child under 6 only: choose MTE or CIF, or let a generic be given.',
    not_of_this_act: 'This prescription does not belong to this act.',
    already_replaced: 'This prescription was already corrected: correct the latest version.',
    hash_mismatch:
      'This prescription was altered on its way (its SHA-256 does not match its signature): it is not filed.',
    patient_mismatch:
      'This prescription is written for another identity than the act’s patient: it is not filed (identity vigilance).',
  },
  escalation: {
    other_act: 'This alert is already recorded in another act: it is not added to this one.',
    call_needed: 'A physician who answered answered a call: the step is not recorded without its call.',
    call_unknown: 'This call is not in this station’s call journal: the step is not recorded.',
    not_the_call_expert: 'This call did not ring this physician: the step is not recorded.',
  },
  imaging: {
    folder_relative: 'Give the full path of the folder or drive (for instance /media/cdrom).',
    folder_missing: 'There is no folder {{folder}}: check that the disc or drive is inserted and mounted.',
    folder_not_a_folder: '{{folder}} is a file, not a folder: choose the folder that holds it.',
    patient_mismatch:
      'These images are in the name of {{name}} (born {{birthDate}}): the identity differs from the record’s ({{differences}}). Check before attaching them.',
    study_of_another_patient: 'This study is already attached to another patient of this station.',
    confirmation_without_study:
      'An identity confirmation names a study that is not imported: tick it, or cancel its confirmation.',
    confirmation_twice: 'This study has two identity confirmations: keep only one.',
    too_many_drops:
      '{{max}} drops are still being sent to this station: wait until they are sent, then drop these files again. A drop left unfinished is let go after {{minutes}} minutes.',
  },
  attachment: {
    asked_by_not_expert:
      'Only the expert of the call can ask for a photo: this call is not with an expert. Take the photo from the act.',
  },
  upload: {
    too_many_in_progress:
      '{{max}} files are being saved on this station already: wait for them to finish, then add this one again. A transfer left unfinished is dropped after {{minutes}} minutes.',
  },
  pacs: {
    name_backslash:
      'The name cannot contain a backslash (\\), which separates the parts of a DICOM name; use * as a wildcard.',
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
  appointment: {
    slot_past: 'This slot has already begun: choose a later one.',
    slot_already_booked: 'This station already booked this slot: choose another one.',
    not_booked: 'This appointment is no longer booked (cancelled or refused): there is nothing to change.',
    reason_required: 'Give the reason.',
  },
  slot: { ends_before_start: 'The slot must end after it starts.' },
  agenda: { ends_before_start: 'The period must end after it starts.' },
};
