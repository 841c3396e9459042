// The call's signaling through the regional hub: ringing, answering, declining, hanging up, the
// hub's messages about the call (accepted elsewhere, ended, the other side away or back), and the
// WebRTC signals passed to the media part. Also this station's presence on the hub.
import type { CallCommand } from '../../shared/calls/calls';
import type { RelaisApi } from '../../shared/contract';
import type { ServerMessage } from '../../shared/hub-protocol';
import type { ControlChange } from '../../shared/devices/steering-grant';
import { markCallTime } from './call-timing';
import type { CallMedia } from './call-media';
import { newCall, updateCall, useCalls } from './call-store';
import type { Ringtone } from './ringtone';

export type HubCommand = CallCommand;

export interface HubSignalingDeps {
  api: RelaisApi;
  media: Pick<CallMedia, 'begin' | 'prepare' | 'startLink' | 'finish' | 'signal' | 'resumed'>;
  startRingtone(urgent: boolean): Ringtone;
  /** Cart: the station's steering grant changed (the data-channel router follows it). */
  onControlChanged(change: ControlChange): void;
  /** Expert: the incoming call comes with the queue entry she just took: answered without a click. */
  answersItself?(queueEntryId: string | undefined): boolean;
}

export interface HubSignaling {
  /** Listens to the hub's messages and loads who is online. */
  init(): Promise<void>;
  send(command: HubCommand): Promise<boolean>;
  /** With `actId`, the call is placed from that act: the station binds them at the ring, with the act's reason. */
  /** With `queueEntryId`, the expert took this station from an offer's queue: her station answers by itself. */
  ring(peerId: string, reason: string, urgent: boolean, actId?: string, queueEntryId?: string): Promise<void>;
  accept(): Promise<void>;
  decline(reason?: string): Promise<void>;
  cancel(): Promise<void>;
  hangup(reason?: string): Promise<void>;
  dismiss(): void;
  setAvailability(availability: 'available' | 'busy' | 'away'): Promise<void>;
}

export function createHubSignaling(deps: HubSignalingDeps): HubSignaling {
  const { api, media, startRingtone, onControlChanged } = deps;
  let ringtone: Ringtone | null = null;
  /** The call this page rang or answered. Another window of the same station hears the same hub
   * messages: it steps aside when the call is answered here, and never builds a second link. */
  let ownCallId: string | null = null;
  const stopRinging = () => {
    ringtone?.stop();
    ringtone = null;
  };
  const current = () => useCalls.getState().call;

  async function send(command: HubCommand): Promise<boolean> {
    const result = await api.invoke('calls.send', command);
    if (!result.ok) useCalls.setState({ error: result.error });
    return result.ok;
  }

  function onHubMessage(m: ServerMessage): void {
    const call = current();
    switch (m.type) {
      case 'call.ringing':
        if (call?.phase === 'ringing' && call.direction === 'outgoing' && call.callId === 'pending') {
          ownCallId = m.callId;
          useCalls.setState({ call: { ...call, callId: m.callId, remote: m.to } });
          media.begin(m.callId);
          // She chose to call: her camera opens while the expert's station rings.
          media.prepare(m.callId);
        }
        return;
      case 'call.incoming':
        if (call && call.phase !== 'ended') return; // the hub says busy to callers while in a call
        useCalls.setState({ call: newCall(m.callId, 'incoming', m.from, m.urgent, m.reason ?? null), error: null });
        media.begin(m.callId);
        stopRinging();
        if (deps.answersItself?.(m.queueEntryId)) return void accept();
        ringtone = startRingtone(m.urgent);
        return;
      case 'call.accepted':
        if (!call || call.callId !== m.callId) return;
        stopRinging();
        if (ownCallId !== m.callId) {
          media.finish(m.callId, 'answered_elsewhere', null);
          return;
        }
        markCallTime('accepted');
        updateCall(m.callId, { phase: 'connecting', acceptedAt: Date.now() });
        void media.startLink(m.callId, call.direction === 'outgoing');
        return;
      case 'call.ended':
        if (call?.callId === 'pending' && m.reason === 'busy') {
          useCalls.setState({
            call: { ...call, callId: m.callId, phase: 'ended', end: { reason: 'busy', detail: m.detail ?? null } },
          });
          return;
        }
        if (call?.callId === m.callId) {
          stopRinging();
          media.finish(m.callId, m.reason, m.detail ?? null);
        }
        return;
      case 'call.peer_away':
        return updateCall(m.callId, { remoteAway: true });
      case 'call.resumed':
        updateCall(m.callId, { remoteAway: false });
        media.resumed(m.callId);
        return;
      case 'signal':
        media.signal(m.callId, m.data);
        return;
      case 'error':
        useCalls.setState({ hubError: m.code });
        return;
      default:
        return;
    }
  }

  async function init(): Promise<void> {
    api.on('calls.hubChanged', (hub) => useCalls.setState({ hub }));
    api.on('calls.message', onHubMessage);
    api.on('calls.controlChanged', onControlChanged);
    const load = async () => {
      const hub = await api.invoke('calls.hub', {});
      if (hub.ok) useCalls.setState({ hub: hub.value });
    };
    // With sign-in, the station answers once a professional is signed in and the cart is open: read
    // again then, else a hub already connected (no change to tell) leaves this page without its own
    // identity, and an expert's call screen without her tabs.
    api.on('identity.changed', (identity) => {
      if (identity.user && identity.unlockPinSet && !identity.locked) void load();
    });
    await load();
  }

  async function ring(
    peerId: string,
    reason: string,
    urgent: boolean,
    actId?: string,
    queueEntryId?: string,
  ): Promise<void> {
    const remote = useCalls.getState().hub.peers.find((p) => p.id === peerId);
    if (!remote) return;
    if (current() && current()!.phase !== 'ended') return;
    // "pending" until the hub gives the call its id (call.ringing).
    useCalls.setState({
      call: newCall('pending', 'outgoing', remote, urgent, reason || null, actId ?? null),
      error: null,
      hubError: null,
    });
    const sent = actId
      ? await ringForAct(peerId, actId, urgent)
      : await send({ ...ringCommand(peerId, reason, urgent), ...(queueEntryId ? { queueEntryId } : {}) });
    if (!sent) useCalls.setState({ call: null });
  }

  const ringCommand = (to: string, reason: string, urgent: boolean): HubCommand => ({
    type: 'call.ring',
    to,
    ...(reason ? { reason } : {}),
    ...(urgent ? { urgent } : {}),
  });

  async function ringForAct(to: string, encounterId: string, urgent: boolean): Promise<boolean> {
    const result = await api.invoke('calls.ringForAct', { encounterId, to, urgent });
    if (!result.ok) useCalls.setState({ error: result.error });
    return result.ok;
  }

  async function accept(): Promise<void> {
    const call = current();
    // A second press (a double click) while the answer is on its way sends nothing more.
    if (call?.phase !== 'ringing' || call.direction !== 'incoming' || ownCallId === call.callId) return;
    stopRinging();
    ownCallId = call.callId;
    media.prepare(call.callId);
    await send({ type: 'call.accept', callId: call.callId });
  }

  async function decline(reason?: string): Promise<void> {
    const call = current();
    if (call?.phase !== 'ringing' || call.direction !== 'incoming') return;
    stopRinging();
    await send({ type: 'call.decline', callId: call.callId, ...(reason ? { reason } : {}) });
  }

  async function cancel(): Promise<void> {
    const call = current();
    if (call?.phase === 'ringing' && call.direction === 'outgoing' && call.callId !== 'pending')
      await send({ type: 'call.cancel', callId: call.callId });
  }

  async function hangup(reason?: string): Promise<void> {
    const call = current();
    if (!call || call.phase === 'ended' || call.callId === 'pending') return;
    const sent = await send({ type: 'call.hangup', callId: call.callId, ...(reason ? { reason } : {}) });
    // Without the hub the station recorded the end itself; the screen ends the call too.
    if (!sent) media.finish(call.callId, reason ?? 'hangup', null);
  }

  function dismiss(): void {
    if (current()?.phase === 'ended') useCalls.setState({ call: null, error: null, hubError: null });
  }

  /** Available, busy (only urgent calls ring) or away: as the hub tells everyone. */
  async function setAvailability(availability: 'available' | 'busy' | 'away'): Promise<void> {
    await send({ type: 'presence.set', availability });
  }

  return { init, send, ring, accept, decline, cancel, hangup, dismiss, setAvailability };
}
