// The contract's remote-acts channels (assembled in src/shared/contract.ts): on the expert's station,
// the acts of other stations she took part in, as their context came over the calls (issue 21,
// point 1): kept for her report (points 4-6 build on them), listed and read.
import { z } from 'zod';
import { channel } from '../channel';
import { CallIdSchema, PeerIdSchema } from '../hub-protocol';
import { ActContextSchema } from '../calls/act-context';
import { REMOTE_PRESCRIPTION_CHANNELS } from './prescription-channels';
import { REMOTE_REPORT_CHANNELS, REMOTE_REPORT_EVENTS } from './report-channels';

/** The expert of this station who took part: the signed-in professional, else the hub's identity. */
export const RemoteActExpertSchema = z.object({
  name: z.string(),
  rpps: z.string().nullable(),
  hubId: z.string().nullable(),
});
export type RemoteActExpert = z.infer<typeof RemoteActExpertSchema>;

export const RemoteActSchema = z.object({
  /** The requesting station, by its hub peer id (the call's remote peer as the hub named it). */
  peerId: z.string(),
  /** Its name and site as the hub named them at the latest call. */
  peerName: z.string(),
  actId: z.uuid(),
  /** The latest context received for the act. */
  context: ActContextSchema,
  receivedAt: z.string(),
  /** The calls it came over, in order. */
  callIds: z.array(z.string()),
  experts: z.array(RemoteActExpertSchema),
});
export type RemoteAct = z.infer<typeof RemoteActSchema>;

export const REMOTE_ACTS_CHANNELS = {
  /** The expert's page got a context over the call `callId` from `peerId`: main parses it again and keeps it. */
  'remoteActs.keep': channel(
    z.strictObject({ callId: CallIdSchema, peerId: PeerIdSchema, context: ActContextSchema }),
    RemoteActSchema,
  ),
  /** The remote acts kept, the latest received first. */
  'remoteActs.list': channel(
    z.strictObject({ limit: z.number().int().min(1).max(500).default(100) }),
    z.array(RemoteActSchema),
  ),
  'remoteActs.get': channel(z.strictObject({ peerId: PeerIdSchema, actId: z.uuid() }), RemoteActSchema),
  /** Her report of each act: draft, signature, delivery (report-channels.ts). */
  ...REMOTE_REPORT_CHANNELS,
  ...REMOTE_PRESCRIPTION_CHANNELS,
} as const;

export const REMOTE_ACTS_EVENTS = { ...REMOTE_REPORT_EVENTS } as const;
