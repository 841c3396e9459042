// The call's media: the room camera and microphone opened when the call is answered, the WebRTC
// link built on them, the devices added during the call (a second camera, a stethoscope), the
// link's quality sampled each second, and the recordings started and saved with the call.
import type { RelaisApi } from '../../shared/contract';
import type { RemoteMessage } from '../../shared/devices/remote-control';
import type { CallLink, CallLinkOptions } from './call-link';
import { manifest, newSession, sendOnLink, type CallSession } from './call-session';
import { updateCall, useCalls } from './call-store';
import type { CartSteering } from './cart-steering';
import { connectionQuality, type StatsSample } from './connection-quality';
import { err } from '../../shared/result';
import { markCallTime } from './call-timing';
import type { LocalStream } from './local-media';

/** What opens and stops local media (webrtc/local-media.ts in the page; fakes in the tests). */
export interface MediaDevices {
  openRoomMedia(): Promise<{ media: LocalStream | null; problem: string | null }>;
  openDeviceCamera(deviceId: string, label: string): Promise<LocalStream>;
  openStethoscope(deviceId: string | undefined, label: string): Promise<{ media: LocalStream; problems: string[] }>;
  stopAll(streams: readonly LocalStream[]): void;
}

export interface CallMediaDeps {
  api: RelaisApi;
  devices: MediaDevices;
  createLink(options: CallLinkOptions): CallLink;
  createSteering(
    api: RelaisApi,
    callId: string,
    expertPeerId: string | null,
    reply: (message: RemoteMessage) => void,
  ): CartSteering;
  /** The calls feature's recordings: an auscultation being recorded when the call ends is still saved. */
  recordings: { callStarted(callId: string): void; callEnded(callId: string): void };
  /** Signaling: a WebRTC signal to the other side through the hub, and a hang-up when the link gives up. */
  sendSignal(callId: string, data: { type: string } & Record<string, unknown>): void;
  hangup(reason: string): Promise<void>;
  /** The data channel: its messages, its opening, its bulk transfers, and the end of the call. */
  onData(callId: string, raw: unknown): void;
  onOpen(callId: string): void;
  onBulk(bytes: Uint8Array): void;
  onEnded(): void;
}

export interface CallMedia {
  session(): CallSession | null;
  /** A call rings or is rung: its session starts (the cart's steering, the recordings). */
  begin(callId: string): void;
  /**
   * This side chose to talk (the caller once the call rings, the expert when she presses
   * Répondre): the room camera and microphone open now, while the hub carries the answer, not
   * after it. Never before: a ringing station does not turn its camera on.
   */
  prepare(callId: string): void;
  /** The call is answered: media opened (or taken from prepare), link built. */
  startLink(callId: string, initiator: boolean): Promise<void>;
  finish(callId: string, reason: string, detail: string | null): void;
  /** A signal from the other side, kept until the link exists. */
  signal(callId: string, data: unknown): void;
  resumed(callId: string): void;
  addDeviceCamera(deviceId: string, label: string): Promise<void>;
  addStethoscope(deviceId: string | undefined, label: string): Promise<void>;
}

export function createCallMedia(deps: CallMediaDeps): CallMedia {
  const { api, devices } = deps;
  let active: CallSession | null = null;
  const current = () => useCalls.getState().call;

  async function pollStats(callId: string): Promise<void> {
    const pc = active?.link?.connection();
    if (!pc || !active || active.callId !== callId) return;
    const report = await pc.getStats();
    const sample: StatsSample = { at: Date.now(), stats: [...report.values()] as Record<string, unknown>[] };
    const quality = connectionQuality(active.lastSample, sample);
    active.lastSample = sample;
    updateCall(callId, { quality });
  }

  /** The station's answer for the ICE servers; a page that lost the station is said as such. */
  const askIce = () => api.invoke('calls.ice', {}).catch(() => err('disconnected', 'The station did not answer.'));

  function prepare(callId: string): void {
    if (!active || active.callId !== callId || active.roomMedia) return;
    active.roomMedia = devices.openRoomMedia();
  }

  async function startLink(callId: string, initiator: boolean): Promise<void> {
    const session = active;
    if (!session || session.callId !== callId) return;
    // The ICE servers and the room media at once: each was asked as early as it could be.
    session.ice ??= askIce();
    session.roomMedia ??= devices.openRoomMedia();
    const [ice, { media, problem }] = await Promise.all([session.ice, session.roomMedia]);
    if (!ice.ok) {
      useCalls.setState({ error: ice.error });
      if (media) devices.stopAll([media]);
      await deps.hangup('ice_unavailable');
      return;
    }
    if (active !== session) {
      if (media) devices.stopAll([media]);
      return;
    }
    session.roomMediaUsed = true;
    markCallTime('media-ready');
    updateCall(callId, { local: media ? [media] : [], mediaProblem: problem });
    const link = deps.createLink({
      initiator,
      ice: ice.value,
      streams: media ? [media.stream] : [],
      // Every simple-peer signal has a type (offer, answer, candidate, renegotiate...).
      sendSignal: (data) => deps.sendSignal(callId, { ...data, type: data.type ?? 'unknown' }),
      onState: (state) => updateCall(callId, { phase: state }),
      onStream: (stream) => {
        const known = active?.remoteKinds.get(stream.id);
        updateCall(callId, (c) => {
          const others = c.remoteStreams.filter((r) => r.id !== stream.id);
          const kind = known?.kind ?? (stream.getVideoTracks().length > 0 ? 'room' : 'stethoscope');
          const remoteStreams = [...others, { id: stream.id, stream, kind, label: known?.label ?? '' }];
          const large =
            c.largeStreamId && remoteStreams.some((r) => r.id === c.largeStreamId)
              ? c.largeStreamId
              : ((remoteStreams.find((r) => r.kind === 'room') ?? remoteStreams[0])?.id ?? null);
          return { remoteStreams, largeStreamId: large };
        });
      },
      onData: (message) => deps.onData(callId, message),
      onOpen: () => deps.onOpen(callId),
      onBulk: (message) => deps.onBulk(message),
      onGiveUp: (reason) => void deps.hangup(reason),
    });
    session.link = link;
    for (const signal of session.early.splice(0)) link.signal(signal);
    session.statsTimer = setInterval(() => void pollStats(callId).catch(() => {}), 1000);
  }

  function finish(callId: string, reason: string, detail: string | null): void {
    // An auscultation being recorded when the call ends is still saved.
    deps.recordings.callEnded(callId);
    if (active?.callId === callId) {
      if (active.statsTimer) clearInterval(active.statsTimer);
      active.link?.destroy();
      // Media opened for a call that ended before it was answered is closed when it comes.
      const ended = active;
      void ended.roomMedia?.then(({ media }) => {
        if (media && !ended.roomMediaUsed) devices.stopAll([media]);
      });
      active = null;
      deps.onEnded();
    }
    const call = current();
    if (call?.callId === callId) devices.stopAll(call.local);
    // A side that gave up on a lost connection hangs up with that reason: shown as such on both.
    const lost = reason === 'hangup' && detail === 'connection_lost';
    updateCall(callId, {
      phase: 'ended',
      end: lost ? { reason: 'connection_lost', detail: null } : { reason, detail },
      local: [],
    });
  }

  function begin(callId: string): void {
    if (active && active.callId !== callId) finish(active.callId, 'replaced', null);
    const call = current();
    const isCart = useCalls.getState().hub.you?.role === 'station' && call?.remote.role === 'expert';
    const session = newSession(callId);
    active = session;
    // Asked while it rings: the answer does not wait for it.
    session.ice = askIce();
    deps.recordings.callStarted(callId);
    if (isCart && call)
      session.steering = deps.createSteering(api, callId, call.remote.id, (m) => sendOnLink(session, m));
  }

  function signal(callId: string, data: unknown): void {
    if (!active || active.callId !== callId) return;
    if (active.link) active.link.signal(data);
    else active.early.push(data);
  }

  async function addLocal(
    open: () => Promise<LocalStream>,
    problems?: (media: LocalStream) => string[],
  ): Promise<void> {
    const call = current();
    if (!call || !active?.link) return;
    try {
      const media = await open();
      active.link.addStream(media.stream);
      updateCall(call.callId, (c) => ({
        local: [...c.local, media],
        ...(problems ? { stethoscopeProblems: problems(media) } : {}),
      }));
      sendOnLink(active, manifest([...call.local, media]));
    } catch (error) {
      updateCall(call.callId, { mediaProblem: (error as Error).name || 'NotReadableError' });
    }
  }

  async function addStethoscope(deviceId: string | undefined, label: string): Promise<void> {
    let problems: string[] = [];
    await addLocal(
      async () => {
        const opened = await devices.openStethoscope(deviceId, label);
        problems = opened.problems;
        return opened.media;
      },
      () => problems,
    );
  }

  return {
    session: () => active,
    begin,
    prepare,
    startLink,
    finish,
    signal,
    resumed: (callId) => {
      if (active?.callId === callId) active.link?.resumed();
    },
    addDeviceCamera: (deviceId, label) => addLocal(() => devices.openDeviceCamera(deviceId, label)),
    addStethoscope,
  };
}
