// The call's data channel: each message from the other side goes to what handles it (the cart's
// steering, the expert's steering answers, the media manifest, chat kept in the call journal, and
// the shared imaging, stroke sheet and live vitals the calls feature passes in); and what this side sends on it.
import type { RelaisApi } from '../../shared/contract';
import {
  isLossyMotion,
  isSteeringMessage,
  RemoteMessageSchema,
  shownAfterControl,
  shownSteerAnswer,
  type RemoteMessage,
} from '../../shared/devices/remote-control';
import type { ControlChange } from '../../shared/devices/steering-grant';
import { updateCall, useCalls, type ChatLine } from './call-store';
import { manifest, sendOnLink, type CallSession } from './call-session';
import { currentAuthor } from '../ui/author-store';

type ImagingMessage = Extract<RemoteMessage, { type: `imaging.${string}` }>;
type StrokeMessage = Extract<RemoteMessage, { type: `stroke.${string}` }>;
type PhotoMessage = Extract<RemoteMessage, { type: `photo.${string}` }>;
type ActContextMessage = Extract<RemoteMessage, { type: 'act.context' }>;
type VitalsMessage = Extract<RemoteMessage, { type: `vitals.${string}` }>;
type ReportMessage = Extract<RemoteMessage, { type: 'act.report' | 'act.report.receipt' }>;
type PrescriptionMessage = Extract<RemoteMessage, { type: 'act.prescription' | 'act.prescription.receipt' }>;

/** What the calls feature shares over the link: it gets its messages and knows when the link opens or the call ends. */
export interface SharedOverCall {
  imaging: {
    onMessage(message: ImagingMessage): void;
    linkOpened(access: { send(message: RemoteMessage): boolean; sendBulk(bytes: Uint8Array): Promise<boolean> }): void;
    callEnded(): void;
  };
  stroke: {
    onMessage(message: StrokeMessage, remoteName: string): void;
    linkOpened(send: (message: RemoteMessage) => boolean): void;
    callEnded(): void;
  };
  /** Photos the expert asks of the cart; `isCart`: this side holds the steering (its remote is the expert). */
  photo: {
    onMessage(message: PhotoMessage, isCart: boolean): void;
    linkOpened(access: { send(message: RemoteMessage): boolean; sendBulk(bytes: Uint8Array): Promise<boolean> }): void;
    callEnded(): void;
  };
  /** The act's context: the requesting station sends it, the expert's shows and keeps it. */
  context: {
    onMessage(message: ActContextMessage): void;
    linkOpened(send: (message: RemoteMessage) => boolean): void;
    callEnded(): void;
  };
  /** Live measurements (cart -> expert) and her blood pressure requests: live-vitals.ts. */
  vitals: {
    onMessage(message: VitalsMessage, remoteName: string): void;
    linkOpened(send: (message: RemoteMessage) => boolean): void;
    callEnded(): void;
  };
  /** The expert's signed report (expert -> requesting station) and its receipt: expert-report-share.ts. */
  report: {
    onMessage(message: ReportMessage): void;
    linkOpened(send: (message: RemoteMessage) => boolean): void;
    callEnded(): void;
  };
  /** Her signed prescriptions, the same way: expert-prescription-share.ts. */
  prescription: {
    onMessage(message: PrescriptionMessage): void;
    linkOpened(send: (message: RemoteMessage) => boolean): void;
    callEnded(): void;
  };
}

export interface DataChannelRouterDeps {
  api: RelaisApi;
  session(): CallSession | null;
  shared: SharedOverCall;
}

export type SteerMessage =
  | { type: 'camera'; command: Extract<RemoteMessage, { type: 'camera' }>['command'] }
  | { type: 'center'; x: number; y: number };

export interface DataChannelRouter {
  onData(callId: string, raw: unknown): void;
  onOpen(callId: string): void;
  /** The call ended here: the shared screens close. */
  callEnded(): void;
  sendChat(text: string): void;
  steer(message: SteerMessage): boolean;
  applyControl(change: ControlChange): void;
  setControlGranted(granted: boolean): Promise<void>;
  /** Expert: asks the nurse to let her steer the cart's camera. */
  askControl(): boolean;
  /** Cart: the nurse says no to the expert's request. */
  refuseControl(): void;
}

export function createDataChannelRouter({ api, session, shared }: DataChannelRouterDeps): DataChannelRouter {
  const current = () => useCalls.getState().call;
  const dataSend = (message: RemoteMessage) => sendOnLink(session(), message);

  async function sendControl(): Promise<void> {
    const call = current();
    if (!call || !session()?.steering) return;
    const devices = await api.invoke('devices.list', {});
    const camera = devices.ok ? devices.value.find((d) => d.kind === 'camera' && d.state === 'connected') : undefined;
    dataSend({
      type: 'control',
      granted: call.controlGranted,
      camera: Boolean(camera),
      presets: camera?.presets ?? [],
    });
  }

  function onData(callId: string, raw: unknown): void {
    const call = current();
    const active = session();
    if (!call || !active || call.callId !== callId) return;
    // Steering is parsed once, where the cart decides on it (cart-steering.ts); nothing on the
    // page changes for it, so that a move reaches the station without waiting for a render.
    if (isSteeringMessage(raw)) {
      active.steering?.handle(raw);
      return;
    }
    const parsed = RemoteMessageSchema.safeParse(raw);
    if (!parsed.success) return;
    const m = parsed.data;
    switch (m.type) {
      case 'camera.result': {
        const wasStop = active.unanswered.get(m.seq) ?? false;
        active.unanswered.delete(m.seq);
        // Moves sent before this one and still unanswered were lost on the unordered channel, or
        // reach the cart late and are dropped there: none will be answered.
        for (const [seq, stop] of active.unanswered) if (seq < m.seq && !stop) active.unanswered.delete(seq);
        const answer = { seq: m.seq, outcome: m.outcome, ...(m.reason ? { reason: m.reason } : {}) };
        const awaiting = active.unanswered.size;
        return updateCall(callId, (c) => ({
          lastSteer: shownSteerAnswer(c.lastSteer, answer, wasStop),
          steerAwaiting: awaiting,
        }));
      }
      case 'control':
        return updateCall(callId, (c) => ({
          controlGranted: m.granted,
          remoteCamera: { camera: m.camera, presets: m.presets },
          lastSteer: shownAfterControl(c.lastSteer, m.granted),
          controlAsk: m.granted ? null : c.controlAsk,
        }));
      case 'control.request':
        // Only the cart (which holds the steering) hears a request; a grant already given answers it.
        if (!active.steering || call.controlGranted) return;
        return updateCall(callId, { controlRequested: true });
      case 'control.refused':
        return updateCall(callId, { controlAsk: 'refused' });
      case 'media':
        for (const s of m.streams) active.remoteKinds.set(s.id, { kind: s.kind, label: s.label });
        return updateCall(callId, (c) => ({
          remoteStreams: c.remoteStreams.map((r) => ({ ...r, ...(active.remoteKinds.get(r.id) ?? {}) })),
        }));
      case 'imaging.share':
      case 'imaging.view':
      case 'imaging.pointer':
      case 'imaging.have':
      case 'imaging.stop':
        return shared.imaging.onMessage(m);
      case 'stroke.sheet':
      case 'stroke.change':
        return shared.stroke.onMessage(m, call.remote.name);
      case 'photo.request':
      case 'photo.taken':
      case 'photo.refused':
        return shared.photo.onMessage(m, Boolean(active.steering));
      // SECURITY: only this call's own data channel (its id checked above) reaches here: its sender is
      // the call's remote peer as the hub named it, under which the expert's station keeps the context.
      case 'act.context':
        return shared.context.onMessage(m);
      case 'vitals.oximeter':
      case 'vitals.result':
      case 'vitals.bp.request':
      case 'vitals.bp.answer':
        return shared.vitals.onMessage(m, call.remote.name);
      // The sender is this call's remote peer; the requesting station checks it is the act's expert.
      case 'act.report':
      case 'act.report.receipt':
        return shared.report.onMessage(m);
      case 'act.prescription':
      case 'act.prescription.receipt':
        return shared.prescription.onMessage(m);
      case 'chat': {
        if (call.chat.some((line) => line.id === m.id)) return;
        const line: ChatLine = { id: m.id, direction: 'received', author: m.author, text: m.text, at: m.at };
        updateCall(callId, (c) => ({ chat: [...c.chat, line] }));
        void api.invoke('calls.chat', {
          callId,
          id: m.id,
          direction: 'received',
          author: m.author,
          text: m.text,
          at: m.at,
        });
        return;
      }
    }
  }

  function onOpen(callId: string): void {
    const call = current();
    if (!call || call.callId !== callId) return;
    dataSend(manifest(call.local));
    void sendControl();
    const link = session()?.link;
    if (link)
      shared.imaging.linkOpened({ send: (message) => link.send(message), sendBulk: (bytes) => link.sendBulk(bytes) });
    if (link) shared.stroke.linkOpened((message) => link.send(message));
    if (link)
      shared.photo.linkOpened({ send: (message) => link.send(message), sendBulk: (bytes) => link.sendBulk(bytes) });
    if (link) shared.context.linkOpened((message) => link.send(message));
    if (link) shared.vitals.linkOpened((message) => link.send(message));
    if (link) shared.report.linkOpened((message) => link.send(message));
    if (link) shared.prescription.linkOpened((message) => link.send(message));
    // Chat typed during a reconnection goes out now.
    for (const line of call.chat.filter((l) => l.pending)) {
      if (dataSend({ type: 'chat', id: line.id, author: line.author, text: line.text, at: line.at })) {
        updateCall(callId, (c) => ({ chat: c.chat.map((l) => (l.id === line.id ? { ...l, pending: false } : l)) }));
      }
    }
  }

  function callEnded(): void {
    shared.imaging.callEnded();
    shared.stroke.callEnded();
    shared.photo.callEnded();
    shared.context.callEnded();
    shared.vitals.callEnded();
    shared.report.callEnded();
    shared.prescription.callEnded();
  }

  function sendChat(text: string): void {
    const call = current();
    // The session's author (signed in, or said once in "Qui êtes-vous ?"), as for the call's
    // captures: the line lands on the act in her name; else the station's name at the hub.
    const author = currentAuthor()?.name ?? useCalls.getState().hub.you?.name ?? '';
    if (!call || call.phase === 'ended' || !text.trim()) return;
    const line: ChatLine = {
      id: crypto.randomUUID(),
      direction: 'sent',
      author,
      text: text.trim().slice(0, 2000),
      at: new Date().toISOString(),
    };
    const delivered = dataSend({ type: 'chat', id: line.id, author, text: line.text, at: line.at });
    updateCall(call.callId, (c) => ({ chat: [...c.chat, { ...line, pending: !delivered }] }));
    void api.invoke('calls.chat', {
      callId: call.callId,
      id: line.id,
      direction: 'sent',
      author,
      text: line.text,
      at: line.at,
    });
  }

  /**
   * Expert: a steering message to the cart's camera. Motion goes on the steering channel, a stop
   * (or a zero move) on the reliable one (isLossyMotion). The count of unanswered messages her
   * pad shows is updated after the message is out, once per turn of the page's event loop: no
   * render stands between her key and the wire.
   */
  let awaitingShown: ReturnType<typeof setTimeout> | null = null;
  function steer(message: SteerMessage): boolean {
    const active = session();
    const link = active?.link;
    if (!active || !link) return false;
    active.seq += 1;
    const numbered = { ...message, seq: active.seq };
    const sent = isLossyMotion(numbered) ? link.sendMotion(numbered) : link.send(numbered);
    if (!sent) return false;
    active.unanswered.set(active.seq, message.type === 'camera' && message.command.type === 'stop');
    if (!awaitingShown)
      awaitingShown = setTimeout(() => {
        awaitingShown = null;
        if (session() === active) updateCall(active.callId, { steerAwaiting: active.unanswered.size });
      }, 0);
    return true;
  }

  /** Cart: the station's grant changed (granted or taken back here, or ended by itself: the call,
   * the hub lost): the page follows it and tells the expert. */
  function applyControl(change: ControlChange): void {
    const call = current();
    const active = session();
    if (!call || call.callId !== change.callId || active?.callId !== change.callId || !active.steering) return;
    const granted = change.grant !== null;
    if (call.controlGranted === granted && active.steering.granted() === granted) return;
    active.steering.setGranted(granted);
    const controlEnded = granted ? null : (change.reason ?? null);
    updateCall(call.callId, {
      controlGranted: granted,
      controlError: null,
      controlEnded,
      controlRequested: granted ? false : call.controlRequested,
    });
    void sendControl();
  }

  /** Cart: the nurse grants or takes back camera control. The station holds the grant, records it,
   * and stops the camera the expert was moving when it is taken back. */
  async function setControlGranted(granted: boolean): Promise<void> {
    const call = current();
    if (!call || !session()?.steering) return;
    const { callId } = call;
    // The signed-in professional is the one who grants, when there is one: the station knows her.
    const by = useCalls.getState().grantBy.trim();
    const input = { callId, ...(by ? { by } : {}) };
    if (granted) {
      const result = await api.invoke('calls.grantControl', input);
      if (result.ok) applyControl({ callId, grant: result.value });
      else updateCall(callId, { controlError: result.error });
    } else {
      const result = await api.invoke('calls.revokeControl', input);
      if (result.ok) applyControl({ callId, grant: null, reason: 'revoked' });
      else updateCall(callId, { controlError: result.error });
    }
  }

  function askControl(): boolean {
    const call = current();
    if (!call || call.phase !== 'connected' || !dataSend({ type: 'control.request' })) return false;
    updateCall(call.callId, { controlAsk: 'asked' });
    return true;
  }

  function refuseControl(): void {
    const call = current();
    if (!call || !session()?.steering) return;
    dataSend({ type: 'control.refused' });
    updateCall(call.callId, { controlRequested: false });
  }

  return { onData, onOpen, callEnded, sendChat, steer, applyControl, setControlGranted, askControl, refuseControl };
}
