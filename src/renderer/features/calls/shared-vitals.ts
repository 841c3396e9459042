// The live measurements over the call's data channel (the router's `vitals` hook): the cart
// streams (live-vitals-cart.ts), the expert shows (live-vitals-store.ts) and asks for a blood
// pressure. Which side this station is comes from the hub's roles, as for the call screen.
import type { RemoteMessage } from '../../../shared/devices/remote-control';
import { useCalls } from '../../webrtc/call-store';
import { cartCallEnded, cartLinkOpened, onBloodPressureRequest } from './live-vitals-cart';
import { receiveOximeter, receiveResult, resetLiveVitals, useLiveVitals } from './live-vitals-store';

type VitalsMessage = Extract<RemoteMessage, { type: `vitals.${string}` }>;

let send: ((message: RemoteMessage) => boolean) | null = null;

/** This station is the cart of a call with an expert (the one that measures). */
function isCart(): boolean {
  const { hub, call } = useCalls.getState();
  return hub.you?.role === 'station' && call?.remote.role === 'expert';
}

/** This station is the expert of a call with a cart (the one that is shown). */
function isExpert(): boolean {
  const { hub, call } = useCalls.getState();
  return hub.you?.role === 'expert' && call?.remote.role === 'station';
}

export function onVitalsMessage(m: VitalsMessage, remoteName: string): void {
  // SECURITY: the router passes only the current call's messages; a request is heeded from the call's
  // expert alone, and figures are shown only on the expert's side (a cart never takes another's).
  if (m.type === 'vitals.bp.request') {
    if (isCart()) void onBloodPressureRequest(remoteName.slice(0, 200));
    return;
  }
  if (!isExpert()) return;
  if (m.type === 'vitals.oximeter') return receiveOximeter(m);
  if (m.type === 'vitals.result') return receiveResult(m);
  useLiveVitals.setState({ bloodPressure: { outcome: m.outcome, reason: m.reason ?? null } });
}

export function vitalsLinkOpened(sender: (message: RemoteMessage) => boolean): void {
  send = sender;
  if (isCart()) cartLinkOpened(sender);
}

export function vitalsCallEnded(): void {
  send = null;
  cartCallEnded();
  resetLiveVitals();
}

/** Expert: asks the cart for a blood pressure ("Mesurer la tension"). */
export function askBloodPressure(): boolean {
  const sent = send?.({ type: 'vitals.bp.request' }) ?? false;
  useLiveVitals.setState({ bloodPressure: { outcome: sent ? 'sent' : 'failed', reason: null } });
  return sent;
}
