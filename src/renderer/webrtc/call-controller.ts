// One call controller: hub signaling, the call's media and its data-channel router, wired to each
// other. The calls feature creates it once with what it shares over the call (imaging, the stroke
// sheet, recordings); nothing here lives in a module variable.
import type { RelaisApi } from '../../shared/contract';
import { createDataChannelRouter, type SharedOverCall, type SteerMessage } from './data-channel-router';
import { createCallMedia, type CallMediaDeps } from './call-media';
import { createHubSignaling, type HubSignaling, type HubSignalingDeps } from './hub-signaling';
import { createCallQueue, type CallQueue } from './call-queue';

export interface CallControllerDeps {
  api: RelaisApi;
  devices: CallMediaDeps['devices'];
  createLink: CallMediaDeps['createLink'];
  createSteering: CallMediaDeps['createSteering'];
  startRingtone: HubSignalingDeps['startRingtone'];
  recordings: CallMediaDeps['recordings'];
  shared: SharedOverCall & { imaging: { onBulk(bytes: Uint8Array): void } };
}

/** What the screens call: the hub signaling's commands (but its raw send), chat and steering. */
export interface CallController extends Omit<HubSignaling, 'send'>, Omit<CallQueue, 'init' | 'answersItself'> {
  sendChat(text: string): void;
  steer(message: SteerMessage): boolean;
  setControlGranted(granted: boolean): Promise<void>;
  askControl(): boolean;
  refuseControl(): void;
  addDeviceCamera(deviceId: string, label: string): Promise<void>;
  addStethoscope(deviceId: string | undefined, label: string): Promise<void>;
}

export function createCallController(deps: CallControllerDeps): CallController {
  const { api } = deps;
  // The three parts call each other through these late-bound arrows: each is built once, below.
  const router = createDataChannelRouter({ api, session: () => media.session(), shared: deps.shared });
  const media = createCallMedia({
    api,
    devices: deps.devices,
    createLink: deps.createLink,
    createSteering: deps.createSteering,
    recordings: deps.recordings,
    sendSignal: (callId, data) => void signaling.send({ type: 'signal', callId, data }),
    hangup: (reason) => signaling.hangup(reason),
    onData: router.onData,
    onOpen: router.onOpen,
    onBulk: (bytes) => deps.shared.imaging.onBulk(bytes),
    onEnded: router.callEnded,
  });
  const signaling = createHubSignaling({
    api,
    media,
    startRingtone: deps.startRingtone,
    onControlChanged: router.applyControl,
    answersItself: (entryId) => queue.answersItself(entryId),
  });
  const queue = createCallQueue({ api, send: signaling.send, ring: signaling.ring });
  return {
    init: async () => {
      queue.init();
      await signaling.init();
    },
    join: queue.join,
    leave: queue.leave,
    take: queue.take,
    stepAway: queue.stepAway,
    ring: signaling.ring,
    accept: signaling.accept,
    decline: signaling.decline,
    cancel: signaling.cancel,
    hangup: signaling.hangup,
    dismiss: signaling.dismiss,
    setAvailability: signaling.setAvailability,
    sendChat: router.sendChat,
    steer: router.steer,
    setControlGranted: router.setControlGranted,
    askControl: router.askControl,
    refuseControl: router.refuseControl,
    addDeviceCamera: media.addDeviceCamera,
    addStethoscope: media.addStethoscope,
  };
}
