// Files captured during a call (auscultation sounds, snapshots), sent to the station in chunks so
// that no message is large and an interrupted transfer resumes where it stopped; the station
// checks size and SHA-256 before keeping anything, and stores each file once, by its hash.
import { z } from 'zod';
import { CallIdSchema } from './hub-protocol';

/** Where the stethoscope was placed, in the words of the French clinical exam. */
export const BODY_SITES = [
  'aortic', // foyer aortique
  'pulmonic', // foyer pulmonaire
  'tricuspid', // foyer tricuspide
  'mitral', // foyer mitral
  'lung_base_right', // base pulmonaire droite
  'lung_base_left',
  'lung_apex_right', // sommet pulmonaire droit
  'lung_apex_left',
  'lung_anterior_right', // champ pulmonaire antérieur droit
  'lung_anterior_left',
  'carotid_right',
  'carotid_left',
  'abdomen',
] as const;
export const BodySiteSchema = z.enum(BODY_SITES);
export type BodySite = z.infer<typeof BodySiteSchema>;

export const MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024;
/** Base64 characters per chunk: 512 KiB of data, well under the wire's message limit. */
export const CHUNK_BASE64_CHARS = 4 * 131_072;

export const AttachmentKindSchema = z.enum(['auscultation', 'snapshot']);
const MimeSchema = z.enum(['audio/wav', 'image/png', 'image/jpeg']);
const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lowercase hexadecimal');

export const AttachmentBeginSchema = z
  .strictObject({
    callId: CallIdSchema,
    kind: AttachmentKindSchema,
    mime: MimeSchema,
    size: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES),
    sha256: Sha256Schema,
    bodySite: BodySiteSchema.nullable(),
    /** The camera or stethoscope it came from, as the station names it. */
    device: z.string().min(1).max(200),
    author: z.string().min(1).max(200),
    takenAt: z.iso.datetime({ offset: true }),
  })
  .refine((a) => (a.kind === 'auscultation') === (a.bodySite !== null), { message: 'An auscultation has a body site; a snapshot has none.', path: ['bodySite'] })
  .refine((a) => (a.kind === 'auscultation' ? a.mime === 'audio/wav' : a.mime !== 'audio/wav'), { message: 'Auscultations are WAV, snapshots PNG or JPEG.', path: ['mime'] });

export const AttachmentChunkSchema = z.strictObject({
  uploadId: z.uuid(),
  /** Where this chunk starts; must be exactly what the station has so far. */
  offset: z.number().int().min(0).max(MAX_ATTACHMENT_BYTES),
  data: z.string().min(1).max(CHUNK_BASE64_CHARS).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
});

export const AttachmentSchema = z.object({
  id: z.string(),
  callId: CallIdSchema,
  kind: AttachmentKindSchema,
  mime: MimeSchema,
  size: z.number().int(),
  sha256: Sha256Schema,
  bodySite: BodySiteSchema.nullable(),
  device: z.string(),
  author: z.string(),
  takenAt: z.string(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;
