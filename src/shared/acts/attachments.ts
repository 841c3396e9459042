// Files of the record: captured during a call (auscultation sounds, snapshots) or added to an
// act directly (a photo from the dermatoscope, a PDF document), sent to the station in chunks so
// that no message is large and an interrupted transfer resumes where it stopped; the station
// checks size and SHA-256 before keeping anything, and stores each file once, by its hash.
import { z } from 'zod';
import { CallIdSchema } from '../hub-protocol';

/**
 * Where the stethoscope was placed, in the words of the French clinical exam (Bates’ Guide to
 * Physical Examination, 13th ed.: the five cardiac foci; the lungs front and back, apices to bases).
 * Offered by group, none chosen beforehand: the nurse picks the site of each recording.
 */
export const BODY_SITE_GROUPS = {
  heart: ['aortic', 'pulmonic', 'erb', 'tricuspid', 'mitral'],
  lungs_anterior: ['lung_apex_right', 'lung_apex_left', 'lung_anterior_right', 'lung_anterior_left'],
  lungs_posterior: [
    'lung_posterior_apex_right',
    'lung_posterior_apex_left',
    'lung_posterior_base_right',
    'lung_posterior_base_left',
  ],
  other: ['carotid_right', 'carotid_left', 'abdomen'],
} as const;
/** Recorded before the sides of the chest were told apart: still read, no longer offered. */
const FORMER_BODY_SITES = ['lung_base_right', 'lung_base_left'] as const;
const OFFERED_BODY_SITES = Object.values(BODY_SITE_GROUPS).flat();
export const BODY_SITES = [...OFFERED_BODY_SITES, ...FORMER_BODY_SITES];
export const BodySiteSchema = z.enum(BODY_SITES as [BodySite, ...BodySite[]]);
export type BodySite = (typeof OFFERED_BODY_SITES)[number] | (typeof FORMER_BODY_SITES)[number];
const OfferedBodySiteSchema = z.enum(OFFERED_BODY_SITES as [BodySite, ...BodySite[]]);

export const MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024;
/** Base64 characters per chunk: 512 KiB of data, well under the wire's message limit. */
export const CHUNK_BASE64_CHARS = 4 * 131_072;

/** A sound of the stethoscope, a picture (camera, dermatoscope), or a document (PDF: a letter, a prior report). */
export const AttachmentKindSchema = z.enum(['auscultation', 'snapshot', 'document']);
const MimeSchema = z.enum(['audio/wav', 'image/png', 'image/jpeg', 'application/pdf']);
const MIME_OF_KIND: Record<z.infer<typeof AttachmentKindSchema>, readonly string[]> = {
  auscultation: ['audio/wav'],
  snapshot: ['image/png', 'image/jpeg'],
  document: ['application/pdf'],
};
const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lowercase hexadecimal');

export const AttachmentBeginSchema = z
  .strictObject({
    /** During a call (its act is the one the call is linked to), or added to an act directly. */
    callId: CallIdSchema.nullable().default(null),
    encounterId: z.uuid().nullable().default(null),
    kind: AttachmentKindSchema,
    mime: MimeSchema,
    size: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES),
    sha256: Sha256Schema,
    /** A new recording is at one of the sites offered today (a former one only reads back). */
    bodySite: OfferedBodySiteSchema.nullable(),
    /** The camera or stethoscope it came from, as the station names it. */
    device: z.string().min(1).max(200),
    author: z.string().min(1).max(200),
    takenAt: z.iso.datetime({ offset: true }),
    /** What the file is, in words (a document's title: "Courrier du cardiologue"). */
    title: z.string().trim().min(1).max(200).nullable().default(null),
    /** SECURITY: a photo the expert of this call asked for: the page names the call, and the
     * station names her from its call journal (as the hub named her), never from the page. */
    askedInCall: CallIdSchema.nullable().default(null),
  })
  .superRefine((a, ctx) => {
    if (a.callId === null && a.encounterId === null)
      ctx.addIssue({ code: 'custom', path: ['callId'], message: 'A file belongs to a call or to an act: name one.' });
    if (a.callId !== null && a.encounterId !== null)
      ctx.addIssue({
        code: 'custom',
        path: ['encounterId'],
        message: 'A file belongs to a call or to an act, not both.',
      });
  })
  // A sound without its site cannot be read by the physician: the nurse picks it before recording.
  .refine((a) => a.kind !== 'auscultation' || a.bodySite !== null, {
    message: 'auscultation.site_required',
    path: ['bodySite'],
  })
  .refine((a) => a.kind === 'auscultation' || a.bodySite === null, {
    message: 'Only an auscultation has a body site.',
    path: ['bodySite'],
  })
  .refine((a) => a.askedInCall === null || a.kind === 'snapshot', {
    message: 'Only a photo is asked for by the expert of a call.',
    path: ['askedInCall'],
  })
  .refine((a) => MIME_OF_KIND[a.kind].includes(a.mime), {
    message: 'Auscultations are WAV, snapshots PNG or JPEG, documents PDF.',
    path: ['mime'],
  });

export const AttachmentChunkSchema = z.strictObject({
  uploadId: z.uuid(),
  /** Where this chunk starts; must be exactly what the station has so far. */
  offset: z.number().int().min(0).max(MAX_ATTACHMENT_BYTES),
  data: z
    .string()
    .min(1)
    .max(CHUNK_BASE64_CHARS)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
});

export const AttachmentSchema = z.object({
  id: z.string(),
  callId: CallIdSchema.nullable(),
  encounterId: z.string().nullable(),
  title: z.string().nullable(),
  kind: AttachmentKindSchema,
  mime: MimeSchema,
  size: z.number().int(),
  sha256: Sha256Schema,
  bodySite: BodySiteSchema.nullable(),
  device: z.string(),
  author: z.string(),
  takenAt: z.string(),
  /** The expert who asked for this photo during a call, as the hub named her; null: taken at the station by its own user. */
  askedBy: z.string().nullable().default(null),
});
export type Attachment = z.infer<typeof AttachmentSchema>;
