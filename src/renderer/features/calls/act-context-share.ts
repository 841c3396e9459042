// The act's context during a call (issue 21, point 1). The requesting station (cart, stroke site)
// composes it in main (encounters.context) and sends it when the call's link opens and at each
// change of the call's act; the expert's page shows it and has her station keep it
// (remoteActs.keep), where main checks again that it came over this call from that station.
import { create } from 'zustand';
import type { ActContext } from '../../../shared/calls/act-context';
import type { RemoteMessage } from '../../../shared/devices/remote-control';
import { relais } from '../../api';
import { useCalls } from '../../webrtc/call-store';

type ActContextMessage = Extract<RemoteMessage, { type: 'act.context' }>;

/** Expert: the context received for the call on screen (null: none came, "sans dossier associé"). */
export const useActContext = create<{ callId: string | null; context: ActContext | null }>(() => ({
  callId: null,
  context: null,
}));

let send: ((message: RemoteMessage) => boolean) | null = null;
// Expert: told when an act's context first arrives in the call (the report's waiting versions go).
let onActArrived: (() => void) | null = null;
export function whenActArrives(listener: () => void): void {
  onActArrived = listener;
}
let followed: string | null = null;
let unsubscribe: (() => void) | null = null;

/** Requesting station: composes the followed act's context in main and sends it, when the link is open. */
async function broadcast(): Promise<void> {
  const actId = followed;
  if (!send || !actId) return; // a call with no act sends nothing
  const composed = await relais.invoke('encounters.context', { id: actId });
  if (composed.ok && followed === actId) send?.({ type: 'act.context', context: composed.value });
}

/** Requesting station: the call's act (callActId), followed for its changes; null: the call has none. */
export function followActOfCall(actId: string | null): void {
  if (actId === followed) return;
  unsubscribe?.();
  unsubscribe = null;
  followed = actId;
  if (!actId) return;
  // Every change of the act (its consents, measurements, files, status) is told as encounters.changed.
  unsubscribe = relais.on('encounters.changed', ({ id }) => id === followed && void broadcast());
  void broadcast();
}

export function actContextLinkOpened(sender: (message: RemoteMessage) => boolean): void {
  send = sender;
  void broadcast();
}

/** Expert: a context from the other side of the call on screen (the router checked the call). */
export function onActContextMessage(message: ActContextMessage): void {
  const { call, hub } = useCalls.getState();
  // Only an expert's station receives an act it does not hold, and only from a requesting station.
  if (!call || hub.you?.role !== 'expert' || call.remote.role !== 'station') return;
  const shown = useActContext.getState();
  const same = shown.callId === call.callId && shown.context?.act.id === message.context.act.id;
  // A late message composed before the one on screen does not replace it.
  if (same && shown.context && shown.context.composedAt > message.context.composedAt) return;
  useActContext.setState({ callId: call.callId, context: message.context });
  // SECURITY: kept under the call's remote peer as the hub named it; main checks it against its call journal.
  // Kept first: her waiting report versions of the act go once her station holds the act.
  void relais
    .invoke('remoteActs.keep', { callId: call.callId, peerId: call.remote.id, context: message.context })
    .then((kept) => kept.ok && !same && onActArrived?.());
}

export function actContextCallEnded(): void {
  send = null;
  unsubscribe?.();
  unsubscribe = null;
  followed = null;
  useActContext.setState({ callId: null, context: null });
}
