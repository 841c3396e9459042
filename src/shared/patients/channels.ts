// The contract's patients channels and events (assembled in src/shared/contract.ts): the patient
// registry, and identity vigilance with the INSi seam (insi.ts).
import { z } from 'zod';
import { channel } from '../channel';
import {
  CreatePatientInputSchema,
  CreatePatientResultSchema,
  PatientIdSchema,
  PatientSchema,
  PatientSearchSchema,
  UpdatePatientInputSchema,
} from './patient';
import { IDENTITY_VIGILANCE_CHANNELS } from './insi';

export const PATIENTS_CHANNELS = {
  'patients.create': channel(CreatePatientInputSchema, CreatePatientResultSchema),
  'patients.update': channel(UpdatePatientInputSchema, PatientSchema),
  'patients.get': channel(z.strictObject({ id: PatientIdSchema }), PatientSchema),
  'patients.search': channel(PatientSearchSchema, z.array(PatientSchema)),
  ...IDENTITY_VIGILANCE_CHANNELS,
} as const;

export const PATIENTS_EVENTS = {
  'patients.changed': z.object({ id: PatientIdSchema }),
} as const;
