// Runs the station's calls: hub messages in, the call link (media + data channel), chat kept in
// the call journal, the cart's steering decisions and the expert's steering messages.
import type { ServerMessage } from '../../../shared/hub-protocol';
import { RemoteMessageSchema, shownAfterControl, shownSteerAnswer, type MediaKind, type RemoteMessage } from '../../../shared/remote-control';
import type { ControlChange } from '../../../shared/steering-grant';
import { relais } from '../../api';
import { createCallLink, type CallLink } from '../../webrtc/call-link';
import { createCartSteering, type CartSteering } from '../../webrtc/cart-steering';
import { connectionQuality, type StatsSample } from '../../webrtc/connection-quality';
import { openDeviceCamera, openRoomMedia, openStethoscope, stopAll, type LocalStream } from '../../webrtc/local-media';
import { startRingtone, type Ringtone } from '../../webrtc/ringtone';
import { capturesCallEnded, capturesCallStarted } from './call-captures';
import { newCall, updateCall, useCalls, type ChatLine } from '../../webrtc/call-store';
import { onStrokeMessage, strokeCallEnded, strokeLinkOpened } from './shared-stroke';
import { imagingCallEnded, imagingLinkOpened, onImagingBulk, onImagingMessage } from './shared-imaging';

interface Active {
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
}

let active: Active | null = null;
let ringtone: Ringtone | null = null;
/** The call this page rang or answered. Another window of the same station hears the same hub
 * messages: it steps aside when the call is answered here, and never builds a second link. */
let ownCallId: string | null = null;
const stopRinging = () => {
  ringtone?.stop();
  ringtone = null;
};
const current = () => useCalls.getState().call;
const you = () => useCalls.getState().hub.you;

async function send(command: Parameters<typeof relais.invoke<'calls.send'>>[1]): Promise<boolean> {
  const result = await relais.invoke('calls.send', command);
  if (!result.ok) useCalls.setState({ error: result.error });
  return result.ok;
}

function dataSend(message: RemoteMessage): boolean {
  return active?.link?.send(message) ?? false;
}

function manifest(local: readonly LocalStream[]): RemoteMessage {
  return { type: 'media', streams: local.map((l) => ({ id: l.stream.id, kind: l.kind, label: l.label.slice(0, 120) })) };
}

async function sendControl(): Promise<void> {
  const call = current();
  if (!call || !active?.steering) return;
  const devices = await relais.invoke('devices.list', {});
  const camera = devices.ok ? devices.value.find((d) => d.kind === 'camera' && d.state === 'connected') : undefined;
  dataSend({ type: 'control', granted: call.controlGranted, camera: Boolean(camera), presets: camera?.presets ?? [] });
}

function onData(callId: string, raw: unknown): void {
  const parsed = RemoteMessageSchema.safeParse(raw);
  const call = current();
  if (!call || !active || call.callId !== callId) return;
  if (!parsed.success) {
    active.steering?.handle(raw); // refused as invalid, said back if it had a sequence number
    return;
  }
  const m = parsed.data;
  switch (m.type) {
    case 'camera':
    case 'center':
      if (active.steering) {
        active.steering.handle(m);
        if (active.steering.granted()) updateCall(callId, { lastSteeredAt: Date.now() });
      }
      return;
    case 'camera.result': {
      const wasStop = active.unanswered.get(m.seq) ?? false;
      active.unanswered.delete(m.seq);
      const answer = { seq: m.seq, outcome: m.outcome, ...(m.reason ? { reason: m.reason } : {}) };
      const awaiting = active.unanswered.size;
      return updateCall(callId, (c) => ({ lastSteer: shownSteerAnswer(c.lastSteer, answer, wasStop), steerAwaiting: awaiting }));
    }
    case 'control':
      return updateCall(callId, (c) => ({ controlGranted: m.granted, remoteCamera: { camera: m.camera, presets: m.presets }, lastSteer: shownAfterControl(c.lastSteer, m.granted) }));
    case 'media':
      for (const s of m.streams) active.remoteKinds.set(s.id, { kind: s.kind, label: s.label });
      return updateCall(callId, (c) => ({ remoteStreams: c.remoteStreams.map((r) => ({ ...r, ...(active?.remoteKinds.get(r.id) ?? {}) })) }));
    case 'imaging.share':
    case 'imaging.view':
    case 'imaging.pointer':
    case 'imaging.have':
    case 'imaging.stop':
      return onImagingMessage(m);
    case 'stroke.sheet':
    case 'stroke.change':
      return onStrokeMessage(m, call.remote.name);
    case 'chat': {
      if (call.chat.some((line) => line.id === m.id)) return;
      const line: ChatLine = { id: m.id, direction: 'received', author: m.author, text: m.text, at: m.at };
      updateCall(callId, (c) => ({ chat: [...c.chat, line] }));
      void relais.invoke('calls.chat', { callId, id: m.id, direction: 'received', author: m.author, text: m.text, at: m.at });
      return;
    }
  }
}

function onOpen(callId: string): void {
  const call = current();
  if (!call || call.callId !== callId) return;
  dataSend(manifest(call.local));
  void sendControl();
  const link = active?.link;
  if (link) imagingLinkOpened({ send: (message) => link.send(message), sendBulk: (bytes) => link.sendBulk(bytes) });
  if (link) strokeLinkOpened((message) => link.send(message));
  // Chat typed during a reconnection goes out now.
  for (const line of call.chat.filter((l) => l.pending)) {
    if (dataSend({ type: 'chat', id: line.id, author: line.author, text: line.text, at: line.at })) {
      updateCall(callId, (c) => ({ chat: c.chat.map((l) => (l.id === line.id ? { ...l, pending: false } : l)) }));
    }
  }
}

async function pollStats(callId: string): Promise<void> {
  const pc = active?.link?.connection();
  if (!pc || !active || active.callId !== callId) return;
  const report = await pc.getStats();
  const sample: StatsSample = { at: Date.now(), stats: [...report.values()] as Record<string, unknown>[] };
  const quality = connectionQuality(active.lastSample, sample);
  active.lastSample = sample;
  updateCall(callId, { quality });
}

async function startLink(callId: string, initiator: boolean): Promise<void> {
  const ice = await relais.invoke('calls.ice', {});
  if (!ice.ok) {
    useCalls.setState({ error: ice.error });
    await hangup('ice_unavailable');
    return;
  }
  const { media, problem } = await openRoomMedia();
  if (!active || active.callId !== callId) {
    if (media) stopAll([media]);
    return;
  }
  updateCall(callId, { local: media ? [media] : [], mediaProblem: problem });
  const link = createCallLink({
    initiator,
    ice: ice.value,
    streams: media ? [media.stream] : [],
    // Every simple-peer signal has a type (offer, answer, candidate, renegotiate...).
    sendSignal: (data) => void send({ type: 'signal', callId, data: { ...data, type: data.type ?? 'unknown' } }),
    onState: (state) => updateCall(callId, { phase: state }),
    onStream: (stream) => {
      const known = active?.remoteKinds.get(stream.id);
      updateCall(callId, (c) => {
        const others = c.remoteStreams.filter((r) => r.id !== stream.id);
        const kind = known?.kind ?? (stream.getVideoTracks().length > 0 ? 'room' : 'stethoscope');
        const remoteStreams = [...others, { id: stream.id, stream, kind, label: known?.label ?? '' }];
        const large = c.largeStreamId && remoteStreams.some((r) => r.id === c.largeStreamId) ? c.largeStreamId : (remoteStreams.find((r) => r.kind === 'room') ?? remoteStreams[0])?.id ?? null;
        return { remoteStreams, largeStreamId: large };
      });
    },
    onData: (message) => onData(callId, message),
    onOpen: () => onOpen(callId),
    onBulk: (message) => onImagingBulk(message),
    onGiveUp: (reason) => void hangup(reason),
  });
  active.link = link;
  for (const signal of active.early.splice(0)) link.signal(signal);
  active.statsTimer = setInterval(() => void pollStats(callId).catch(() => {}), 1000);
}

function finish(callId: string, reason: string, detail: string | null): void {
  // An auscultation being recorded when the call ends is still saved.
  capturesCallEnded(callId);
  if (active?.callId === callId) {
    if (active.statsTimer) clearInterval(active.statsTimer);
    active.link?.destroy();
    active = null;
    imagingCallEnded();
    strokeCallEnded();
  }
  const call = current();
  if (call?.callId === callId) stopAll(call.local);
  // A side that gave up on a lost connection hangs up with that reason: shown as such on both.
  const lost = reason === 'hangup' && detail === 'connection_lost';
  updateCall(callId, { phase: 'ended', end: lost ? { reason: 'connection_lost', detail: null } : { reason, detail }, local: [] });
}

function begin(callId: string): void {
  if (active && active.callId !== callId) finish(active.callId, 'replaced', null);
  const call = current();
  const isCart = you()?.role === 'station' && call?.remote.role === 'expert';
  active = { callId, link: null, steering: null, early: [], remoteKinds: new Map(), statsTimer: null, lastSample: null, seq: 0, unanswered: new Map() };
  capturesCallStarted(callId);
  if (isCart && call) active.steering = createCartSteering(relais, callId, call.remote.id, (m) => dataSend(m));
}

function onHubMessage(m: ServerMessage): void {
  const call = current();
  switch (m.type) {
    case 'call.ringing':
      if (call?.phase === 'ringing' && call.direction === 'outgoing' && call.callId === 'pending') {
        ownCallId = m.callId;
        useCalls.setState({ call: { ...call, callId: m.callId, remote: m.to } });
        begin(m.callId);
      }
      return;
    case 'call.incoming':
      if (call && call.phase !== 'ended') return; // the hub says busy to callers while in a call
      useCalls.setState({ call: newCall(m.callId, 'incoming', m.from, m.urgent, m.reason ?? null), error: null });
      begin(m.callId);
      stopRinging();
      ringtone = startRingtone(m.urgent);
      return;
    case 'call.accepted':
      if (!call || call.callId !== m.callId) return;
      stopRinging();
      if (ownCallId !== m.callId) {
        finish(m.callId, 'answered_elsewhere', null);
        return;
      }
      updateCall(m.callId, { phase: 'connecting', acceptedAt: Date.now() });
      void startLink(m.callId, call.direction === 'outgoing');
      return;
    case 'call.ended':
      if (call?.callId === 'pending' && m.reason === 'busy') {
        useCalls.setState({ call: { ...call, callId: m.callId, phase: 'ended', end: { reason: 'busy', detail: m.detail ?? null } } });
        return;
      }
      if (call?.callId === m.callId) {
        stopRinging();
        finish(m.callId, m.reason, m.detail ?? null);
      }
      return;
    case 'call.peer_away':
      return updateCall(m.callId, { remoteAway: true });
    case 'call.resumed':
      updateCall(m.callId, { remoteAway: false });
      if (active?.callId === m.callId) active.link?.resumed();
      return;
    case 'signal':
      if (!active || active.callId !== m.callId) return;
      if (active.link) active.link.signal(m.data);
      else active.early.push(m.data);
      return;
    case 'error':
      useCalls.setState({ hubError: m.code });
      return;
    default:
      return;
  }
}

export async function initCalls(): Promise<void> {
  relais.on('calls.hubChanged', (hub) => useCalls.setState({ hub }));
  relais.on('calls.message', onHubMessage);
  relais.on('calls.controlChanged', applyControl);
  const hub = await relais.invoke('calls.hub', {});
  if (hub.ok) useCalls.setState({ hub: hub.value });
}

export async function ring(peerId: string, reason: string, urgent: boolean): Promise<void> {
  const remote = useCalls.getState().hub.peers.find((p) => p.id === peerId);
  if (!remote) return;
  if (current() && current()!.phase !== 'ended') return;
  // "pending" until the hub gives the call its id (call.ringing).
  useCalls.setState({ call: newCall('pending', 'outgoing', remote, urgent, reason || null), error: null, hubError: null });
  if (!(await send({ type: 'call.ring', to: peerId, ...(reason ? { reason } : {}), ...(urgent ? { urgent } : {}) }))) {
    useCalls.setState({ call: null });
  }
}

export const accept = async () => {
  const call = current();
  // A second press (a double click) while the answer is on its way sends nothing more.
  if (call?.phase !== 'ringing' || call.direction !== 'incoming' || ownCallId === call.callId) return;
  stopRinging();
  ownCallId = call.callId;
  await send({ type: 'call.accept', callId: call.callId });
};

export const decline = async (reason?: string) => {
  const call = current();
  if (call?.phase !== 'ringing' || call.direction !== 'incoming') return;
  stopRinging();
  await send({ type: 'call.decline', callId: call.callId, ...(reason ? { reason } : {}) });
};

export const cancel = async () => {
  const call = current();
  if (call?.phase === 'ringing' && call.direction === 'outgoing' && call.callId !== 'pending') await send({ type: 'call.cancel', callId: call.callId });
};

export async function hangup(reason?: string): Promise<void> {
  const call = current();
  if (!call || call.phase === 'ended' || call.callId === 'pending') return;
  const sent = await send({ type: 'call.hangup', callId: call.callId, ...(reason ? { reason } : {}) });
  // Without the hub the station recorded the end itself; the screen ends the call too.
  if (!sent) finish(call.callId, reason ?? 'hangup', null);
}

export const dismiss = () => {
  if (current()?.phase === 'ended') useCalls.setState({ call: null, error: null, hubError: null });
};

export function sendChat(text: string): void {
  const call = current();
  const author = you()?.name ?? '';
  if (!call || call.phase === 'ended' || !text.trim()) return;
  const line: ChatLine = { id: crypto.randomUUID(), direction: 'sent', author, text: text.trim().slice(0, 2000), at: new Date().toISOString() };
  const delivered = dataSend({ type: 'chat', id: line.id, author, text: line.text, at: line.at });
  updateCall(call.callId, (c) => ({ chat: [...c.chat, { ...line, pending: !delivered }] }));
  void relais.invoke('calls.chat', { callId: call.callId, id: line.id, direction: 'sent', author, text: line.text, at: line.at });
}

/** Cart: the station's grant changed (granted or taken back here, or ended by itself: the call,
 * the hub lost): the page follows it and tells the expert. */
function applyControl(change: ControlChange): void {
  const call = current();
  if (!call || call.callId !== change.callId || active?.callId !== change.callId || !active.steering) return;
  const granted = change.grant !== null;
  if (call.controlGranted === granted && active.steering.granted() === granted) return;
  active.steering.setGranted(granted);
  const controlEnded = granted ? null : (change.reason ?? null);
  updateCall(call.callId, { controlGranted: granted, lastSteeredAt: null, controlError: null, controlEnded });
  void sendControl();
}

/** Cart: the nurse grants or takes back camera control. The station holds the grant, records it,
 * and stops the camera the expert was moving when it is taken back. */
export async function setControlGranted(granted: boolean): Promise<void> {
  const call = current();
  if (!call || !active?.steering) return;
  const { callId } = call;
  // The signed-in professional is the one who grants, when there is one: the station knows her.
  const by = useCalls.getState().grantBy.trim();
  const input = { callId, ...(by ? { by } : {}) };
  if (granted) {
    const result = await relais.invoke('calls.grantControl', input);
    if (result.ok) applyControl({ callId, grant: result.value });
    else updateCall(callId, { controlError: result.error });
  } else {
    const result = await relais.invoke('calls.revokeControl', input);
    if (result.ok) applyControl({ callId, grant: null, reason: 'revoked' });
    else updateCall(callId, { controlError: result.error });
  }
}

/** Expert: a steering message to the cart's camera. */
export function steer(message: { type: 'camera'; command: Extract<RemoteMessage, { type: 'camera' }>['command'] } | { type: 'center'; x: number; y: number }): boolean {
  if (!active) return false;
  active.seq += 1;
  if (!dataSend({ ...message, seq: active.seq } as RemoteMessage)) return false;
  active.unanswered.set(active.seq, message.type === 'camera' && message.command.type === 'stop');
  updateCall(active.callId, { steerAwaiting: active.unanswered.size });
  return true;
}

async function addLocal(open: () => Promise<LocalStream>, problems?: (media: LocalStream) => string[]): Promise<void> {
  const call = current();
  if (!call || !active?.link) return;
  try {
    const media = await open();
    active.link.addStream(media.stream);
    updateCall(call.callId, (c) => ({ local: [...c.local, media], ...(problems ? { stethoscopeProblems: problems(media) } : {}) }));
    dataSend(manifest([...call.local, media]));
  } catch (error) {
    updateCall(call.callId, { mediaProblem: (error as Error).name || 'NotReadableError' });
  }
}

export const addDeviceCamera = (deviceId: string, label: string) => addLocal(() => openDeviceCamera(deviceId, label));

export async function addStethoscope(deviceId: string | undefined, label: string): Promise<void> {
  let problems: string[] = [];
  await addLocal(
    async () => {
      const opened = await openStethoscope(deviceId, label);
      problems = opened.problems;
      return opened.media;
    },
    () => problems,
  );
}

/** Available, busy (only urgent calls ring) or away: as the hub tells everyone. */
export async function setAvailability(availability: 'available' | 'busy' | 'away'): Promise<void> {
  await send({ type: 'presence.set', availability });
}
