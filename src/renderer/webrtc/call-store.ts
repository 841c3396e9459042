// What the calls screens show: the hub (who is online, the directory) and the current call.
import { create } from 'zustand';
import type { Attachment, BodySite } from '../../shared/acts/attachments';
import type { HubState } from '../../shared/calls/calls';
import type { Peer, ServerMessage } from '../../shared/hub-protocol';

type HubErrorCode = Extract<ServerMessage, { type: 'error' }>['code'];
import type { MediaKind, SteerAnswer } from '../../shared/devices/remote-control';
import type { AppError } from '../../shared/result';
import type { GrantEndReason } from '../../shared/devices/steering-grant';
import type { Quality } from './connection-quality';
import type { LocalStream } from './local-media';

export interface RemoteStream {
  id: string;
  stream: MediaStream;
  kind: MediaKind;
  label: string;
}

export interface ChatLine {
  id: string;
  direction: 'sent' | 'received';
  author: string;
  text: string;
  at: string;
  /** Sent but not yet through the data channel (a reconnection): resent when it is back. */
  pending?: boolean;
}

export type CallPhase = 'ringing' | 'connecting' | 'connected' | 'reconnecting' | 'ended';

export interface CurrentCall {
  callId: string;
  direction: 'outgoing' | 'incoming';
  remote: Peer;
  urgent: boolean;
  reason: string | null;
  /** The act this call was placed from (bound at its ring), or attached to afterwards; null: none known here. */
  actId: string | null;
  phase: CallPhase;
  acceptedAt: number | null;
  /** The other side lost the hub: signaling waits for it (media may still flow). */
  remoteAway: boolean;
  end: { reason: string; detail: string | null } | null;
  local: LocalStream[];
  remoteStreams: RemoteStream[];
  largeStreamId: string | null;
  chat: ChatLine[];
  quality: Quality | null;
  micMuted: boolean;
  cameraOff: boolean;
  mediaProblem: string | null;
  stethoscopeProblems: string[];
  /** Cart: whether the nurse lets the expert steer (as the station holds it). Expert: whether the cart lets her. */
  controlGranted: boolean;
  /** Cart: why the last grant ended, when it ended by itself (the hub lost, another expert). */
  controlEnded: GrantEndReason | null;
  /** Cart: why the station refused to grant or take back control. */
  controlError: AppError | null;
  /** Expert: whether the cart has a camera, and its presets. */
  remoteCamera: { camera: boolean; presets: { number: number; name: string }[] };
  /** Cart: the expert asked to steer the camera and the nurse has not answered yet. */
  controlRequested: boolean;
  /** Expert: her request to steer, while it waits for the nurse, or when the nurse said no. */
  controlAsk: 'asked' | 'refused' | null;
  /** This side ended the call (hung up, cancelled, declined): the end is told as its own, not the other side's. */
  endedHere: boolean;
  /** Expert: the cart's answer her pad shows (see shownSteerAnswer). */
  lastSteer: SteerAnswer | null;
  /** Expert: her steering messages the cart has not answered yet. */
  steerAwaiting: number;
  /** Sounds and stills saved into this call's record on this station. */
  attachments: Attachment[];
  recording: { bodySite: BodySite; startedAt: number } | null;
  /** A capture that could not be saved, in words for the screen. */
  captureError: string | null;
}

interface CallsState {
  hub: HubState;
  call: CurrentCall | null;
  error: AppError | null;
  /** The hub refused a message (rate limit, a call that no longer exists...). */
  hubError: HubErrorCode | null;
  /** Cart, nobody signed in: the name typed to grant remote steering, kept for the next calls. */
  grantBy: string;
}

export const useCalls = create<CallsState>(() => ({
  hub: { link: 'not_configured', you: null, peers: [], offers: [] },
  call: null,
  error: null,
  hubError: null,
  grantBy: '',
}));

/** Changes the current call, if it is still the one with this id. */
export function updateCall(
  callId: string,
  change: Partial<CurrentCall> | ((call: CurrentCall) => Partial<CurrentCall>),
): void {
  useCalls.setState((s) => {
    if (!s.call || s.call.callId !== callId) return s;
    const patch = typeof change === 'function' ? change(s.call) : change;
    return { call: { ...s.call, ...patch } };
  });
}

export function newCall(
  callId: string,
  direction: CurrentCall['direction'],
  remote: Peer,
  urgent: boolean,
  reason: string | null,
  actId: string | null = null,
): CurrentCall {
  return {
    callId,
    direction,
    remote,
    urgent,
    reason,
    actId,
    phase: 'ringing',
    acceptedAt: null,
    remoteAway: false,
    end: null,
    local: [],
    remoteStreams: [],
    largeStreamId: null,
    chat: [],
    quality: null,
    micMuted: false,
    cameraOff: false,
    mediaProblem: null,
    stethoscopeProblems: [],
    controlGranted: false,
    controlEnded: null,
    controlError: null,
    remoteCamera: { camera: false, presets: [] },
    controlRequested: false,
    controlAsk: null,
    endedHere: false,
    lastSteer: null,
    steerAwaiting: 0,
    attachments: [],
    recording: null,
    captureError: null,
  };
}
