// English texts of the station's error codes, each saying what happened and what to do (the same keys as the French).
import type { Texts } from '../i18n/texts';
import type { errorsFr } from './texts-errors-fr';

export const errorsEn: Texts<typeof errorsFr> = {
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
  billing_unavailable:
    'The billing codes table shipped with Relais cannot be read: no code is suggested. Ask the IT to reinstall Relais.',
  sign_in_required:
    'Sign in with your professional identity (Pro Santé Connect): only a signed-in physician, with her RPPS number, can sign in her name.',
  internal: 'Unexpected error in the station. Retry; if it persists, call support.',
};
