// The contract's calls channels and events (assembled in src/shared/contract.ts): calls through the
// regional hub: its state, the page's call commands, ICE servers, chat and history.
import { z } from 'zod';
import { channel, noInput } from '../channel';
import {
  CallCommandSchema,
  CallRecordSchema,
  ChatEntrySchema,
  HubStateSchema,
  IceConfigSchema,
  RingForActSchema,
} from './calls';
import { ServerMessageSchema } from '../hub-protocol';

export const CALLS_CHANNELS = {
  'calls.hub': channel(noInput, HubStateSchema),
  'calls.send': channel(CallCommandSchema, z.strictObject({ sent: z.literal(true) })),
  /** Rings an expert for an act: the act's reason is the call's, and the act names the call from the ring. */
  'calls.ringForAct': channel(RingForActSchema, z.strictObject({ sent: z.literal(true) })),
  'calls.ice': channel(noInput, IceConfigSchema),
  'calls.chat': channel(ChatEntrySchema, z.strictObject({ saved: z.literal(true) })),
  'calls.history': channel(
    z.strictObject({ limit: z.number().int().min(1).max(500).default(50) }),
    z.array(CallRecordSchema),
  ),
} as const;

export const CALLS_EVENTS = {
  'calls.hubChanged': HubStateSchema,
  /** The hub's call messages (ringing, incoming, accepted, ended, away, resumed, signal, error). */
  'calls.message': ServerMessageSchema,
} as const;
