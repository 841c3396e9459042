// The one result shape every contract call returns: a value, or an error a person can act on.
import { z } from 'zod';

export const ERROR_CODES = [
  'validation_failed', // the payload or a field is wrong: see `fields`
  'not_found',
  'stale_version', // someone else changed the record since it was read
  'forbidden', // the caller may not use this channel (wrong frame, bad token)
  'control_not_granted', // a camera command from a call's expert, with no live grant for that call
  'consent_required', // a recording or an image sharing the patient has not consented to (or refused): see `fields` for which
  'unknown_channel',
  'disconnected', // browser mode: the station's host is not reachable
  'device_unavailable', // no such device, or it is unplugged / switched off
  'device_refused', // the device answered but would not do it (busy, not executable, no answer in time)
  'hub_unavailable', // the regional hub is not configured or not reachable right now
  'pacs_unavailable', // the hospital's PACS is not configured, not reachable, or refused
  'insi_unavailable', // no INSi gateway is configured (RELAIS_INSI_URL), or it did not answer usefully
  'audit_unavailable', // the audit trail could not be written: the record is not shown
  'kiosk_mode', // the pharmacy cabin is in kiosk mode: only the cabin's own channels run
  'disk_full', // the data folder's disk is full (or below the records' reserve, for new files): see the message and fields for how much to free
  'database_damaged', // the station's database is damaged: it only reads, until a technician restores a backup
  'database_held', // the database is missing or older than its audit anchor: nothing is written until a person decides
  'billing_unavailable', // the billing codes table shipped with the app cannot be read: no code is suggested
  'sign_in_required', // only a signed-in professional with an RPPS may do it (sign a report in her name)
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

// A field-level problem. `code` is a stable key the renderer translates (fieldErrors.<code>);
// `path` is the dotted path of the field in the payload, e.g. "patient.ins.matricule".
export const FieldErrorSchema = z.object({
  path: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type FieldError = z.infer<typeof FieldErrorSchema>;

export const AppErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  // English, for logs and for a caller without translations; the renderer shows errors.<code>.
  message: z.string(),
  fields: z.array(FieldErrorSchema).optional(),
});
export type AppError = z.infer<typeof AppErrorSchema>;

export type Ok<T> = { ok: true; value: T };
export type Err = { ok: false; error: AppError };
export type Result<T> = Ok<T> | Err;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = (code: ErrorCode, message: string, fields?: FieldError[]): Err => ({
  ok: false,
  error: fields && fields.length > 0 ? { code, message, fields } : { code, message },
});
