// A series shown to both sides of a call: who shares it, its frames (here, or arriving), the
// view both sides see and the other side's pointer. Either side may scroll or window; each side
// numbers its own changes, and a change older than one already applied is ignored (messages can
// arrive late after a reconnection). The call controller hands the link over while it is up.
import { create } from 'zustand';
import type { SharedView } from '../../../shared/imaging/imaging-view';
import type { RemoteMessage } from '../../../shared/devices/remote-control';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';
import { createShareReceiver, startSending, type ShareSender } from '../../webrtc/image-share';
import { useCalls } from '../../webrtc/call-store';
import { remoteSeriesSource, type FrameSource } from '../../ui/imaging/frame-source';

type Point = { x: number; y: number };
export interface SharedImaging {
  shareId: string;
  role: 'sharer' | 'viewer';
  label: string;
  source: FrameSource;
  view: SharedView;
  remotePointer: Point | null;
  /** Sharer: frames through to the other side. */
  sent: number;
}

/** `refused`: the station's refusal of the last share (the patient's consent), shown in the panel. */
export const useSharedImaging = create<{ share: SharedImaging | null; refused: AppError | null }>(() => ({
  share: null,
  refused: null,
}));

interface LinkAccess {
  send(message: RemoteMessage): boolean;
  sendBulk(message: Uint8Array): Promise<boolean>;
}

let link: LinkAccess | null = null;
let sender: ShareSender | null = null;
let receiver: ReturnType<typeof createShareReceiver> | null = null;
let seq = 0;
let remoteSeq = -1;
let pointerTimer: ReturnType<typeof setTimeout> | null = null;
let pendingPointer: Point | null | undefined;

const share = () => useSharedImaging.getState().share;
const patch = (changes: Partial<SharedImaging>) => {
  const s = share();
  if (s) useSharedImaging.setState({ share: { ...s, ...changes } });
};

function reset(): void {
  early.length = 0;
  earlyBytes = 0;
  sender?.stop();
  sender = null;
  receiver = null;
  remoteSeq = -1;
  if (pointerTimer) clearTimeout(pointerTimer);
  pointerTimer = null;
  useSharedImaging.setState({ share: null });
}

function announce(s: SharedImaging): void {
  link?.send({
    type: 'imaging.share',
    shareId: s.shareId,
    label: s.label.slice(0, 200),
    count: s.source.count,
    view: s.view,
  });
}

/**
 * The nurse shows a series of this station (of the call's patient) to the other side, once the
 * station said yes: it checks the patient's consent to sharing images and records the export.
 */
export async function shareSeries(source: FrameSource, view: SharedView, patientId: string): Promise<void> {
  const callId = useCalls.getState().call?.callId;
  if (!callId) return;
  // SECURITY: images leaving the station are an export, and need the patient's consent: main decides and audits.
  const allowed = await relais.invoke('calls.shareImages', { callId, patientId, label: source.label.slice(0, 300) });
  useSharedImaging.setState({ refused: allowed.ok ? null : allowed.error });
  if (!allowed.ok) return;
  if (share()?.role === 'sharer') link?.send({ type: 'imaging.stop', shareId: share()!.shareId });
  reset();
  const s: SharedImaging = {
    shareId: crypto.randomUUID(),
    role: 'sharer',
    label: source.label,
    source,
    view,
    remotePointer: null,
    sent: 0,
  };
  useSharedImaging.setState({ share: s });
  announce(s);
  sender = startSending({
    shareId: s.shareId,
    source,
    from: view.index,
    sendBulk: (part) => link?.sendBulk(part) ?? Promise.resolve(false),
    onProgress: (sent) => share()?.shareId === s.shareId && patch({ sent }),
  });
}

export function changeSharedView(view: SharedView): void {
  const s = share();
  if (!s) return;
  patch({ view });
  link?.send({ type: 'imaging.view', shareId: s.shareId, seq: ++seq, view });
}

/** The pointer goes at most 30 times a second; the last position always goes. */
export function moveSharedPointer(point: Point | null): void {
  const s = share();
  if (!s) return;
  pendingPointer = point;
  if (pointerTimer) return;
  pointerTimer = setTimeout(() => {
    pointerTimer = null;
    const now = share();
    if (now && pendingPointer !== undefined)
      link?.send({ type: 'imaging.pointer', shareId: now.shareId, point: pendingPointer });
    pendingPointer = undefined;
  }, 33);
}

export function stopSharing(): void {
  const s = share();
  if (s) link?.send({ type: 'imaging.stop', shareId: s.shareId });
  reset();
}

/** A message about shared images from the other side. */
export function onImagingMessage(m: Extract<RemoteMessage, { type: `imaging.${string}` }>): void {
  const s = share();
  switch (m.type) {
    case 'imaging.share': {
      if (s?.shareId === m.shareId) return; // announced again after a reconnection
      const held = early.splice(0);
      reset();
      const source = remoteSeriesSource(m.count, m.label);
      receiver = createShareReceiver(m.shareId, m.count, (index, frame) => source.put(index, frame));
      for (const part of held) void receiver.add(part);
      useSharedImaging.setState({
        share: {
          shareId: m.shareId,
          role: 'viewer',
          label: m.label,
          source,
          view: m.view,
          remotePointer: null,
          sent: 0,
        },
      });
      return;
    }
    case 'imaging.view':
      if (s?.shareId !== m.shareId || m.seq <= remoteSeq) return;
      remoteSeq = m.seq;
      return patch({ view: m.view });
    case 'imaging.pointer':
      if (s?.shareId === m.shareId) patch({ remotePointer: m.point });
      return;
    case 'imaging.have':
      if (s?.shareId === m.shareId && s.role === 'sharer') sender?.resend(m.indices);
      return;
    case 'imaging.stop':
      if (s?.shareId === m.shareId) reset();
      return;
  }
}

/**
 * Parts may overtake their announcement (two channels, no order between them): those that come
 * before it are held, up to a bound, and read once it is there.
 */
const early: Uint8Array[] = [];
let earlyBytes = 0;
const MAX_EARLY_BYTES = 16 * 1024 * 1024;

export function onImagingBulk(message: Uint8Array): void {
  if (receiver) return void receiver.add(message);
  if (earlyBytes + message.length > MAX_EARLY_BYTES) return;
  early.push(message);
  earlyBytes += message.length;
}

/** The call's data channel is (again) open: the sharer announces, the viewer says what it holds. */
export function imagingLinkOpened(access: LinkAccess): void {
  link = access;
  const s = share();
  if (!s) return;
  if (s.role === 'sharer') {
    announce(s);
    link.send({ type: 'imaging.view', shareId: s.shareId, seq: ++seq, view: s.view });
  } else {
    const have = Array.from({ length: s.source.count }, (_, i) => i).filter((i) => s.source.peek(i) !== null);
    link.send({ type: 'imaging.have', shareId: s.shareId, indices: have });
  }
}

/** The call ended: the images shown by the other side go with it. */
export function imagingCallEnded(): void {
  link = null;
  reset();
}
