// Browser mode: the envelopes the contract travels in over the loopback WebSocket.
import { z } from 'zod';

export const WIRE_PROTOCOL = 'relais.v1';
// The per-run token travels as a second WebSocket subprotocol, "token.<hex>", checked at upgrade.
export const TOKEN_PROTOCOL_PREFIX = 'token.';
export const MAX_MESSAGE_BYTES = 1024 * 1024;

export const ClientMessageSchema = z.object({
  kind: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  payload: z.unknown(),
});
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

export type ServerMessage =
  | { kind: 'result'; id: number; result: unknown }
  | { kind: 'event'; event: string; payload: unknown }
  | { kind: 'error'; message: string };
