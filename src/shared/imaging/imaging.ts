// Imaging studies brought onto the station (a folder, a CD or USB drive): what a scan found,
// grouped by study and series, with the patient as the modality wrote it and the files that
// could not be read, each with its reason; then the import into a patient's record.
import { z } from 'zod';
import { CHUNK_BASE64_CHARS } from '../acts/attachments';
import { PatientIdSchema } from '../patients/patient';

export const ScanInputSchema = z.strictObject({
  /** An absolute path on the station: a folder, or the mount point of a CD or USB drive. */
  folder: z.string().min(1).max(4096),
});

const DemographicsSchema = z.object({
  name: z.string().nullable(),
  id: z.string().nullable(),
  birthDate: z.string().nullable(),
  sex: z.string().nullable(),
});

export const ScannedStudySchema = z.object({
  studyUid: z.string(),
  patient: DemographicsSchema,
  date: z.string().nullable(),
  description: z.string().nullable(),
  modalities: z.array(z.string()),
  series: z.array(
    z.object({
      seriesUid: z.string(),
      modality: z.string().nullable(),
      number: z.number().nullable(),
      description: z.string().nullable(),
      instances: z.number().int(),
      images: z.number().int(),
    }),
  ),
  instances: z.number().int(),
  /** Already on this station, whole: every instance found here is kept. */
  alreadyImported: z.boolean(),
  /** On this station but not whole (an import cut short, or a drive holding more of it): importing it completes it. */
  incomplete: z.boolean(),
});
export type ScannedStudy = z.infer<typeof ScannedStudySchema>;

export const ScanReportSchema = z.object({
  scanId: z.uuid(),
  folder: z.string(),
  files: z.number().int(),
  studies: z.array(ScannedStudySchema),
  /** Files that are not importable, by reason, with a few examples. */
  refused: z.array(
    z.object({
      reason: z.string(),
      count: z.number().int(),
      examples: z.array(z.object({ file: z.string(), detail: z.string() })),
    }),
  ),
});
export type ScanReport = z.infer<typeof ScanReportSchema>;

/**
 * One study whose patient traits differ from the record's, confirmed as this patient's by a named
 * person after comparing them side by side. SECURITY: one per study; a name given once never
 * covers another study (identity vigilance: three people's studies must not go to one record).
 */
export const StudyConfirmationSchema = z.strictObject({
  studyUid: z.string().min(1).max(64),
  checkedBy: z.string().trim().min(1).max(200),
});

export const ImportInputSchema = z.strictObject({
  scanId: z.uuid(),
  studyUids: z.array(z.string().min(1).max(64)).min(1).max(50),
  patientId: PatientIdSchema,
  encounterId: z.uuid().nullable().default(null),
  /** The studies whose traits differ from the record's, each confirmed by the person who compared them. */
  confirmations: z.array(StudyConfirmationSchema).max(50).default([]),
});

export const ImportResultSchema = z.object({
  studies: z.number().int(),
  series: z.number().int(),
  instances: z.number().int(),
  alreadyThere: z.number().int(),
});

export const ImagingProgressSchema = z.object({
  scanId: z.string(),
  phase: z.enum(['scanning', 'importing']),
  done: z.number().int(),
  total: z.number().int(),
  /** While importing: the first image sealed, shown while the rest is imported (imaging.frame reads it). */
  firstImage: z.object({ sopInstanceUid: z.string(), seriesUid: z.string() }).optional(),
});
export type ImagingProgress = z.infer<typeof ImagingProgressSchema>;

export const PatientStudySchema = z.object({
  studyUid: z.string(),
  encounterId: z.string().nullable(),
  date: z.string().nullable(),
  description: z.string().nullable(),
  dicomPatient: DemographicsSchema,
  /** Who checked images whose patient traits differed from the record's. */
  mismatchAcceptedBy: z.string().nullable(),
  importedAt: z.string(),
  /** Not all its instances are here (an import an earlier version left cut short): importing the study again completes it. */
  incomplete: z.boolean(),
  /** `images`: the instances that hold pixels; the others are reports, documents or other objects. */
  series: z.array(
    z.object({
      seriesUid: z.string(),
      modality: z.string().nullable(),
      number: z.number().nullable(),
      description: z.string().nullable(),
      instances: z.number().int(),
      images: z.number().int(),
    }),
  ),
});

/** A series as the viewer walks it: its images in space order (then by instance number). */
export const SeriesImagesSchema = z.object({
  seriesUid: z.string(),
  studyUid: z.string(),
  patientId: PatientIdSchema,
  /** The record's patient, for the viewer's overlay: whose images these are on this station. */
  patient: z.object({
    birthName: z.string(),
    usedName: z.string().nullable(),
    firstName: z.string(),
    birthDate: z.string(),
    sex: z.string(),
  }),
  /** The study as the modality wrote it: its date (DA), the patient name its images carry, who confirmed them when it differs. */
  study: z.object({
    date: z.string().nullable(),
    dicomPatientName: z.string().nullable(),
    mismatchAcceptedBy: z.string().nullable(),
  }),
  modality: z.string().nullable(),
  description: z.string().nullable(),
  images: z.array(
    z.object({
      sopInstanceUid: z.string(),
      instanceNumber: z.number().nullable(),
      position: z.number().nullable(),
      frames: z.number().int(),
      rows: z.number().int().nullable(),
      columns: z.number().int().nullable(),
    }),
  ),
});
export type SeriesImages = z.infer<typeof SeriesImagesSchema>;

export const FrameInputSchema = z.strictObject({
  sopInstanceUid: z.string().min(1).max(64),
  /** Zero-based, for multi-frame images. */
  frame: z.number().int().min(0).max(100_000).default(0),
});

export const SAMPLE_TYPES = ['uint8', 'int8', 'uint16', 'int16', 'uint32', 'int32'] as const;

/** One decoded frame: stored values (greyscale) or RGB bytes, base64, with how to show them. */
export const ImageFrameSchema = z.object({
  rows: z.number().int().positive(),
  columns: z.number().int().positive(),
  colour: z.enum(['grey', 'rgb']),
  sampleType: z.enum(SAMPLE_TYPES),
  data: z.string(),
  inverted: z.boolean(),
  rescale: z.object({ slope: z.number(), intercept: z.number(), unit: z.enum(['HU']).nullable() }),
  window: z.object({ center: z.number(), width: z.number().positive() }).nullable(),
  pixelSpacing: z.tuple([z.number().positive(), z.number().positive()]).nullable(),
  frames: z.number().int().positive(),
  /** The file's Number of Frames could not be read: its frames were counted in the pixel data, `unshown` of them incomplete. */
  framesCounted: z.object({ unshown: z.number().int().nonnegative() }).nullable().optional(),
  /** Which way the rows and the columns run in the patient (letters A P R L H F), for the left/right markers; null when the file does not say. */
  orientation: z
    .object({ row: z.string().regex(/^[APRLHF]{1,3}$/), column: z.string().regex(/^[APRLHF]{1,3}$/) })
    .nullable()
    .optional(),
});
export type ImageFrame = z.infer<typeof ImageFrameSchema>;

/** A search of the hospital's PACS (QIDO-RS): DICOM matching, `*` as a wildcard in names. */
export const PacsSearchSchema = z.strictObject({
  patientName: z
    .string()
    .trim()
    .max(64)
    .regex(/^[^\\]*$/, 'pacs.name_backslash')
    .optional(),
  patientId: z.string().trim().max(64).optional(),
  /** YYYYMMDD, or a range YYYYMMDD-YYYYMMDD. */
  studyDate: z
    .string()
    .regex(/^(\d{8})?(-(\d{8})?)?$/)
    .optional(),
  modality: z
    .string()
    .regex(/^[A-Z]{2,3}$/)
    .optional(),
});
export type PacsSearch = z.infer<typeof PacsSearchSchema>;

export const PacsStudySchema = z.object({
  studyUid: z.string(),
  patientName: z.string().nullable(),
  patientId: z.string().nullable(),
  birthDate: z.string().nullable(),
  date: z.string().nullable(),
  description: z.string().nullable(),
  modalities: z.array(z.string()),
  series: z.number().nullable(),
  instances: z.number().nullable(),
  /** On this station, whole. */
  alreadyImported: z.boolean(),
  /** On this station with fewer instances than the PACS holds, or marked incomplete: retrieving it completes it. */
  incomplete: z.boolean(),
});
export type PacsStudy = z.infer<typeof PacsStudySchema>;

export const PacsRetrieveSchema = z.strictObject({
  studyUid: z.string().min(1).max(64),
  patientId: PatientIdSchema,
  encounterId: z.uuid().nullable().default(null),
  acceptMismatchBy: z.string().trim().min(1).max(200).nullable().default(null),
});

/** Files dropped on the page come in chunks (the page has their bytes, not their paths). */
export const DropChunkSchema = z.strictObject({
  dropId: z.uuid(),
  /** The file's number in the drop (its name is never used). */
  file: z.number().int().min(0).max(19_999),
  offset: z.number().int().min(0),
  data: z
    .string()
    .min(1)
    .max(CHUNK_BASE64_CHARS)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
});
