// The contract's imaging channels and events (assembled in src/shared/contract.ts): imaging: DICOM
// import from drives and drops, the viewer's series and frames, the hospital PACS.
import { z } from 'zod';
import { channel, noInput } from '../channel';
import {
  DropChunkSchema,
  FrameInputSchema,
  ImageFrameSchema,
  ImagingProgressSchema,
  ImportInputSchema,
  ImportResultSchema,
  PacsRetrieveSchema,
  PacsSearchSchema,
  PacsStudySchema,
  PatientStudySchema,
  ScanInputSchema,
  ScanReportSchema,
  SeriesImagesSchema,
} from './imaging';
import { PatientIdSchema } from '../patients/patient';

export const IMAGING_CHANNELS = {
  'imaging.scan': channel(ScanInputSchema, ScanReportSchema),
  'imaging.import': channel(ImportInputSchema, ImportResultSchema),
  'imaging.studies': channel(z.strictObject({ patientId: PatientIdSchema }), z.array(PatientStudySchema)),
  'imaging.dropBegin': channel(noInput, z.strictObject({ dropId: z.uuid() })),
  'imaging.dropChunk': channel(DropChunkSchema, z.strictObject({ received: z.number().int() })),
  'imaging.dropScan': channel(z.strictObject({ dropId: z.uuid() }), ScanReportSchema),
  'imaging.series': channel(z.strictObject({ seriesUid: z.string().min(1).max(64) }), SeriesImagesSchema),
  'imaging.frame': channel(FrameInputSchema, ImageFrameSchema),
  'pacs.search': channel(PacsSearchSchema, z.array(PacsStudySchema)),
  'pacs.retrieve': channel(PacsRetrieveSchema, ImportResultSchema),
  'pacs.status': channel(noInput, z.strictObject({ configured: z.boolean() })),
  'pacs.sendPhoto': channel(
    z.strictObject({ attachmentId: z.string().min(1).max(100) }),
    z.strictObject({ sopInstanceUid: z.string() }),
  ),
} as const;

export const IMAGING_EVENTS = {
  'imaging.progress': ImagingProgressSchema,
  /** A patient's imaging changed (a study imported). */
  'imaging.changed': z.object({ patientId: PatientIdSchema }),
} as const;
