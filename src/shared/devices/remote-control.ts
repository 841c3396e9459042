// The call's data channel: chat, the media manifest, and remote camera steering, decided on the
// cart: a steering message is passed on only if it comes from the session's expert, while the
// nurse grants control, and is not older than one already obeyed (data-channel messages can
// arrive late after a reconnection); the station's main process checks its own grant again. And,
// on the expert's side, which of the cart's answers her pad shows. Pure.
import { ReportMessageSchemas } from '../calls/report-messages';
import { z } from 'zod';
import { CameraCommandSchema } from './devices';
import { ImagingMessageSchemas } from '../imaging/imaging-share';
import { PhotoMessageSchemas } from '../calls/photo-request';
import { StrokeChangeSchema, StrokeSheetSchema } from '../stroke/sheet';
import { ActContextMessageSchemas } from '../calls/act-context';
import { LiveVitalsMessageSchemas } from './live-vitals';

const normalized = z.number().min(-1).max(1);

export const MediaKindSchema = z.enum(['room', 'device', 'stethoscope']);
export type MediaKind = z.infer<typeof MediaKindSchema>;

/** Expert -> cart: a camera command; a gesture is one `move` (pan, tilt and zoom together). */
const CameraMessageSchema = z.strictObject({
  type: z.literal('camera'),
  seq: z.number().int().nonnegative(),
  command: CameraCommandSchema,
});
/** Expert -> cart: centre the camera on this point of the room video (-1..1, right and up positive). */
const CenterMessageSchema = z.strictObject({
  type: z.literal('center'),
  seq: z.number().int().nonnegative(),
  x: normalized,
  y: normalized,
});

export const RemoteMessageSchema = z.discriminatedUnion('type', [
  CameraMessageSchema,
  CenterMessageSchema,
  /** Cart -> expert: what became of a steering message. */
  z.strictObject({
    type: z.literal('camera.result'),
    seq: z.number().int().nonnegative(),
    outcome: z.enum(['done', 'refused', 'failed']),
    reason: z.string().max(200).optional(),
  }),
  /** Cart -> expert: whether the expert may steer, and which camera presets exist. */
  z.strictObject({
    type: z.literal('control'),
    granted: z.boolean(),
    camera: z.boolean(),
    presets: z.array(z.object({ number: z.number().int().min(0).max(255), name: z.string().max(60) })).max(20),
  }),
  // SECURITY: a request grants nothing: only the nurse's press at the cart does (through the station).
  /** Expert -> cart: she asks the nurse to let her steer the camera. */
  z.strictObject({ type: z.literal('control.request') }),
  /** Cart -> expert: the nurse said no to her request. */
  z.strictObject({ type: z.literal('control.refused') }),
  /** Either way: which of the sender's streams is which (stream ids survive WebRTC). */
  z.strictObject({
    type: z.literal('media'),
    streams: z.array(z.object({ id: z.string().max(100), kind: MediaKindSchema, label: z.string().max(120) })).max(6),
  }),
  z.strictObject({
    type: z.literal('chat'),
    id: z.string().min(1).max(100),
    author: z.string().max(200),
    text: z.string().min(1).max(2000),
    at: z.string().max(40),
  }),
  /** A shared imaging series: its view and pointer (its pixels go on the bulk channel). */
  ...ImagingMessageSchemas,
  /** A photo the expert asks of the cart, and the cart's answer (its copy goes on the bulk channel). */
  ...PhotoMessageSchemas,
  /** Live measurements, cart -> expert, and her blood pressure requests (live-vitals.ts). */
  ...LiveVitalsMessageSchemas,
  /** Requesting site -> neurologist: the act's stroke sheet as it stands (sent after each change). */
  z.strictObject({
    type: z.literal('stroke.sheet'),
    patient: z.string().max(200),
    birthDate: z.iso.date().optional(),
    sheet: StrokeSheetSchema,
  }),
  /** Neurologist -> requesting site: a change she makes; recorded there in her name as the hub knows it. */
  z.strictObject({ type: z.literal('stroke.change'), encounterId: z.uuid(), change: StrokeChangeSchema }),
  /** Requesting site -> expert: the act's context (patient banner, consents, measurements, files). */
  ...ActContextMessageSchemas,
  /** Expert -> requesting site: her signed report; and its receipt back (report-messages.ts). */
  ...ReportMessageSchemas,
]);
export type RemoteMessage = z.infer<typeof RemoteMessageSchema>;

export interface RemoteControlState {
  expertPeerId: string | null; // the session's expert, from the hub's accepted call
  granted: boolean; // the nurse's grant, revocable at any time
  lastSeq: number; // the newest steering message obeyed
}

/** The two steering messages, the only ones the cart decides on: parsed once, here. */
const SteeringMessageSchema = z.discriminatedUnion('type', [CameraMessageSchema, CenterMessageSchema]);
export type SteeringMessage = z.infer<typeof SteeringMessageSchema>;

/** Whether a data-channel message is one for the camera (decided by decideRemote, not parsed before). */
export const isSteeringMessage = (raw: unknown): boolean => {
  const type = (raw as { type?: unknown } | null)?.type;
  return type === 'camera' || type === 'center';
};

/**
 * Whether a steering message may go on the call's unordered, no-retransmit channel: continuous
 * motion that the next message replaces (a move, a drive, a zoom, a click to centre), where a late
 * move is worse than a lost one. A zero motion is a stop, and a stop, a preset or an absolute
 * position must arrive: those go on the reliable, ordered channel. The cart's sequence check
 * drops a move older than one already obeyed, whichever channel brought it.
 */
export function isLossyMotion(message: SteeringMessage): boolean {
  if (message.type === 'center') return true;
  const { command } = message;
  if (command.type === 'move') return command.pan !== 0 || command.tilt !== 0 || command.zoom !== 0;
  if (command.type === 'drive') return command.pan !== 0 || command.tilt !== 0;
  if (command.type === 'zoom') return command.speed !== 0;
  return false;
}

export type RemoteDecision =
  | { obey: true; message: SteeringMessage }
  | { obey: false; reason: 'invalid' | 'not_expert' | 'not_granted' | 'stale'; seq?: number };

/** Whether to obey a steering message from `senderPeerId`; the message is parsed here, once, and
 * passed on as it came. A Stop needs the grant like any command: when a grant ends, the station
 * itself stops the camera the expert was moving. */
export function decideRemote(state: RemoteControlState, senderPeerId: string, raw: unknown): RemoteDecision {
  const parsed = SteeringMessageSchema.safeParse(raw);
  if (!parsed.success) return { obey: false, reason: 'invalid' };
  const message = parsed.data;
  const seq = message.seq;
  if (!state.expertPeerId || senderPeerId !== state.expertPeerId) return { obey: false, reason: 'not_expert', seq };
  if (!state.granted) return { obey: false, reason: 'not_granted', seq };
  const isStop = message.type === 'camera' && message.command.type === 'stop';
  if (seq <= state.lastSeq && !isStop) return { obey: false, reason: 'stale', seq };
  return { obey: true, message };
}

export function afterDecision(state: RemoteControlState, decision: RemoteDecision): RemoteControlState {
  return decision.obey ? { ...state, lastSeq: Math.max(state.lastSeq, decision.message.seq) } : state;
}

/** Expert: the cart's answer to one of her steering messages. */
export interface SteerAnswer {
  seq: number;
  outcome: 'done' | 'refused' | 'failed';
  reason?: string;
}

/** Expert: the answer her pad shows once the cart has answered message `answer.seq`. A slow
 * command's answer (a move that took seconds) never hides a newer one's. The Stop sent when she
 * lets go of a button never hides the refusal of the move it ends (she must learn that the nurse
 * did not let her steer); and a Stop that worked says nothing new, so a failure shown stays until
 * a move works. */
export function shownSteerAnswer(shown: SteerAnswer | null, answer: SteerAnswer, wasStop: boolean): SteerAnswer | null {
  if (shown && answer.seq < shown.seq) return shown;
  if (wasStop && (answer.outcome === 'done' || shown?.outcome === 'refused')) return shown;
  return answer;
}

/** Expert: a refusal shown goes once the nurse lets her steer again; anything else stays. */
export function shownAfterControl(shown: SteerAnswer | null, granted: boolean): SteerAnswer | null {
  return granted && shown?.outcome === 'refused' ? null : shown;
}
