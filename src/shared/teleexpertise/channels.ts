// The contract's téléexpertise channels and events (assembled in src/shared/contract.ts): the
// requester's request and its exchange, and the expert's inbox, files and replies.
import { z } from 'zod';
import { EncounterSchema } from '../acts/encounter';
import {
  ExpertiseMessageSchema,
  ExpertReplyInputSchema,
  ExpertRequestViewSchema,
  InboxItemSchema,
  NewExpertiseRequestSchema,
  ProvideInformationInputSchema,
  RequestViewSchema,
} from './teleexpertise';

const noInput = z.strictObject({});

export const TELEEXPERTISE_CHANNELS = {
  /** A draft request (an act of type téléexpertise); its files are added to the act next. */
  'teleexpertise.create': { input: NewExpertiseRequestSchema, output: EncounterSchema },
  'teleexpertise.get': { input: z.strictObject({ encounterId: z.uuid() }), output: RequestViewSchema },
  /** "Envoyer la demande": works offline, leaves with the sync; records the patient's consent when confirmed. */
  'teleexpertise.submit': {
    input: z.strictObject({
      encounterId: z.uuid(),
      version: z.number().int().positive(),
      consentBy: z.string().trim().min(1).max(200).optional(),
    }),
    output: RequestViewSchema,
  },
  'teleexpertise.provideInformation': { input: ProvideInformationInputSchema, output: ExpertiseMessageSchema },
  /** The directory's specialties: offered now by the hub, and remembered from before (offline). */
  'teleexpertise.specialties': { input: noInput, output: z.array(z.string()) },
  'teleexpertise.inbox': { input: noInput, output: z.array(InboxItemSchema) },
  'teleexpertise.open': { input: z.strictObject({ requestId: z.uuid() }), output: ExpertRequestViewSchema },
  /** A file's bytes (base64), fetched by the station with its token. */
  'teleexpertise.file': {
    input: z.strictObject({ requestId: z.uuid(), fileId: z.string().min(1).max(64) }),
    output: z.strictObject({ mime: z.string(), data: z.string() }),
  },
  'teleexpertise.reply': { input: ExpertReplyInputSchema, output: ExpertiseMessageSchema },
} as const;

export const TELEEXPERTISE_EVENTS = {
  /** A téléexpertise request's exchange changed (a reply written here, or pulled from the region). */
  'teleexpertise.changed': z.object({ requestId: z.uuid() }),
} as const;
