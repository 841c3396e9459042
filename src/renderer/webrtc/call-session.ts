// The live call's working state on this page: built by the media part when a call begins, read by
// the data-channel router, dropped when the call ends. One per call, never a module variable.
import type { MediaKind, RemoteMessage } from '../../shared/devices/remote-control';
import type { IceConfig } from '../../shared/calls/calls';
import type { Result } from '../../shared/result';
import type { CallLink } from './call-link';
import type { CartSteering } from './cart-steering';
import type { StatsSample } from './connection-quality';
import type { LocalStream } from './local-media';

export interface CallSession {
  callId: string;
  link: CallLink | null;
  steering: CartSteering | null;
  /** Signals that came before the link was ready (the offer can beat getUserMedia). */
  early: unknown[];
  remoteKinds: Map<string, { kind: MediaKind; label: string }>;
  statsTimer: ReturnType<typeof setInterval> | null;
  lastSample: StatsSample | null;
  seq: number;
  /** Expert: her steering messages not answered yet, each with whether it was a Stop. */
  unanswered: Map<number, boolean>;
  /** The ICE servers, asked of the station when the call rings (call-media.ts). */
  ice: Promise<Result<IceConfig>> | null;
  /** The room camera and microphone, opened once this side chose to talk (called, or answered). */
  roomMedia: Promise<{ media: LocalStream | null; problem: string | null }> | null;
  /** Whether the room media went into the call (else the call's end closes it here). */
  roomMediaUsed: boolean;
}

export function newSession(callId: string): CallSession {
  return {
    callId,
    link: null,
    steering: null,
    early: [],
    remoteKinds: new Map(),
    statsTimer: null,
    lastSample: null,
    seq: 0,
    unanswered: new Map(),
    ice: null,
    roomMedia: null,
    roomMediaUsed: false,
  };
}

/** Sends on the call's data channel; false when there is no open link (the caller keeps it pending). */
export function sendOnLink(session: CallSession | null, message: RemoteMessage): boolean {
  return session?.link?.send(message) ?? false;
}

/** Tells the other side which of this side's streams is the room, a device camera, a stethoscope. */
export function manifest(local: readonly LocalStream[]): RemoteMessage {
  return {
    type: 'media',
    streams: local.map((l) => ({ id: l.stream.id, kind: l.kind, label: l.label.slice(0, 120) })),
  };
}
