// Calls as the page sees them: the hub link with who is online and the directory, the commands
// the page may send through the station's hub connection, ICE servers, and the call journal.
import { z } from 'zod';
import { AttachmentSchema } from '../acts/attachments';
import {
  CallIdSchema,
  ClientMessageSchema,
  OfferSchema,
  PeerIdSchema,
  PeerSchema,
  QueueEntrySchema,
  QueuePlaceSchema,
} from '../hub-protocol';
import { StationStatusSchema } from '../station/station';

export const HubStateSchema = z.object({
  link: StationStatusSchema.shape.hub.shape.state,
  /** This station or expert as the hub knows it (role, site, specialty), once welcomed. */
  you: PeerSchema.nullable(),
  peers: z.array(PeerSchema),
  offers: z.array(OfferSchema),
  /** The offers' waiting queues as the hub last told them (kept by the station, so a page opened later sees them). */
  queue: z
    .object({
      /** This station's places, one per offer it waits for. */
      places: z.array(QueuePlaceSchema),
      /** An expert: who waits in each offer she serves. */
      entries: z.array(z.object({ offerId: z.string(), entries: z.array(QueueEntrySchema) })),
    })
    .optional(),
});
export type HubState = z.infer<typeof HubStateSchema>;

/** What the page may ask the station to send to the hub. The station's access token stays in
 * the main process; the page never holds it. */
const allowed = [
  'presence.set',
  'call.ring',
  'call.accept',
  'call.decline',
  'call.cancel',
  'call.hangup',
  'signal',
  /** The urgent call asks who is on duty before ringing (the answer names people, no patient). */
  'offer.duty',
  'queue.join',
  'queue.leave',
  'queue.take',
] as const;
export const CallCommandSchema = ClientMessageSchema.refine((m) => (allowed as readonly string[]).includes(m.type), {
  message: 'This hub message is sent by the station itself.',
});
export type CallCommand = z.infer<typeof CallCommandSchema>;

/** A call placed from an act: the expert to ring; the reason is the act's own (the station reads it). */
export const RingForActSchema = z.strictObject({
  encounterId: z.uuid(),
  to: PeerIdSchema,
  urgent: z.boolean().default(false),
});

export const IceConfigSchema = z.object({
  iceServers: z.array(
    z.object({ urls: z.array(z.string()), username: z.string().optional(), credential: z.string().optional() }),
  ),
  /** "relay" forces every packet through TURN (hospital networks that forbid direct UDP). */
  iceTransportPolicy: z.enum(['all', 'relay']),
});
export type IceConfig = z.infer<typeof IceConfigSchema>;

export const ChatEntrySchema = z.strictObject({
  callId: CallIdSchema,
  id: z.string().min(1).max(100),
  direction: z.enum(['sent', 'received']),
  author: z.string().max(200),
  text: z.string().min(1).max(2000),
  at: z.iso.datetime({ offset: true }),
});
export type ChatEntry = z.infer<typeof ChatEntrySchema>;

/** A line of a call's chat as its journal (and the act of the call) keeps it. */
export const CallChatLineSchema = ChatEntrySchema.omit({ callId: true });

export const CallRecordSchema = z.object({
  id: CallIdSchema,
  direction: z.enum(['outgoing', 'incoming']),
  remote: z.object({ id: z.string(), name: z.string(), role: z.string(), site: z.string() }),
  reason: z.string().nullable(),
  urgent: z.boolean(),
  ringingAt: z.string(),
  acceptedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
  endDetail: z.string().nullable(),
  chat: z.array(CallChatLineSchema),
  attachments: z.array(AttachmentSchema),
  /** The act the call is linked to on this station, or null (its files and chat then wait for one). */
  actId: z.string().nullable(),
});
export type CallRecord = z.infer<typeof CallRecordSchema>;
