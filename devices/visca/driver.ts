// A Sony VISCA camera on any byte transport (serial, TCP): addressing and IF_Clear at start-up
// and after a network change, motion without backlog, Stop ahead of everything, never a
// command replayed after a reconnect.
import { createBurstLog } from '../burst-log';
import { createMotionSlot } from '../camera/motion-slot';
import {
  CameraCommandError,
  type FocusCommand,
  type PanTiltVelocity,
  type PtzCamera,
  type PtzPosition,
} from '../camera/ptz-camera';
import type { CameraOptics } from '../camera/optics';
import type { Transport } from '../transport/transport';
import { decodeFourNibbles, decodePanTilt, SONY_EVI_D70, visca, type SpeedLimits } from './codec';
import { SONY_EVI_D70_OPTICS } from './optics';
import { createRequestLine } from './request-line';

export interface ViscaCameraOptions {
  transport: Transport;
  address?: number;
  limits?: SpeedLimits;
  /** The attached model's optics and travel; the EVI-D70's when not said (optics.ts). */
  optics?: CameraOptics;
  /** First reply (ACK/answer) within this; 1-4 video frames plus wire time at 9600 baud. */
  ackTimeoutMs?: number;
  /** Preset recall or an absolute move can take seconds. */
  completionTimeoutMs?: number;
  bufferFullRetryMs?: number;
  /** For tests: the clock the first-reply deadline reads. */
  now?: () => number;
  /** Replies nobody asked for are logged once per burst; a burst ends after this much silence (2 s). */
  unsolicitedQuietMs?: number;
  onLog?: (event: string, detail?: Record<string, unknown>) => void;
}

const DEAD_ZONE = 0.02;

function axis(value: number, max: number): { dir: 'neg' | 'pos' | 'stop'; speed: number } {
  const v = Math.max(-1, Math.min(1, Number.isFinite(value) ? value : 0));
  if (Math.abs(v) < DEAD_ZONE) return { dir: 'stop', speed: max };
  return { dir: v < 0 ? 'neg' : 'pos', speed: Math.max(1, Math.round(Math.abs(v) * max)) };
}

export function driveCommand(address: number, velocity: PanTiltVelocity, limits: SpeedLimits): Uint8Array {
  const pan = axis(velocity.pan, limits.panMax);
  const tilt = axis(velocity.tilt, limits.tiltMax);
  return visca.panTiltDrive(
    address,
    pan.dir === 'neg' ? 'left' : pan.dir === 'pos' ? 'right' : 'stop',
    tilt.dir === 'neg' ? 'down' : tilt.dir === 'pos' ? 'up' : 'stop',
    pan.speed,
    tilt.speed,
    limits,
  );
}

export function zoomCommand(address: number, speed: number): Uint8Array {
  const s = Math.max(-1, Math.min(1, Number.isFinite(speed) ? speed : 0));
  if (Math.abs(s) < DEAD_ZONE) return visca.zoomStop(address);
  const p = Math.round(Math.abs(s) * 7);
  return s > 0 ? visca.zoomTeleVariable(address, p) : visca.zoomWideVariable(address, p);
}

export function createViscaCamera(options: ViscaCameraOptions): PtzCamera & { ready(): Promise<void> } {
  const { transport } = options;
  const address = options.address ?? 1;
  const limits = options.limits ?? SONY_EVI_D70;
  const log = options.onLog ?? (() => {});
  let initialising: Promise<void> = Promise.resolve();
  let initRunning = false;
  const unsolicited = createBurstLog(log, 'visca.unmatched_reply', {
    quietMs: options.unsolicitedQuietMs ?? 2_000,
    summaryEvent: 'visca.unmatched_replies',
  });

  const line = createRequestLine({
    transport,
    ackTimeoutMs: options.ackTimeoutMs ?? 500,
    completionTimeoutMs: options.completionTimeoutMs ?? 30_000,
    bufferFullRetryMs: options.bufferFullRetryMs ?? 20,
    ...(options.now ? { now: options.now } : {}),
    onUnmatched: (reply) => unsolicited.note({ reply }),
    onNetworkChange: () => {
      log('visca.network_change');
      startInitialise();
    },
  });

  // Start-ups never run side by side. A network change that arrives during one (a camera
  // powering up just as the link comes back, possibly after our first bytes were lost) queues
  // exactly one more start-up after it: never dropped, never piled up.
  let initAgain = false;
  function startInitialise(): void {
    if (initRunning) {
      initAgain = true;
      return;
    }
    initRunning = true;
    initialising = (async () => {
      do {
        initAgain = false;
        await initialise();
      } while (initAgain);
    })().finally(() => (initRunning = false));
  }

  async function initialise(): Promise<void> {
    try {
      await line.send(visca.addressSet(), 'address_set', true);
      await line.send(visca.ifClear(address), 'if_clear', true);
    } catch (error) {
      log('visca.init_failed', { error: (error as Error).message });
    }
  }

  const command = async (bytes: Uint8Array, waitForCompletion: boolean, priority = false, group?: string) => {
    await initialising;
    const sent = await line.send(bytes, 'command', priority, group);
    if (waitForCompletion) await sent.completion;
  };
  const onMotionError = (error: unknown) => log('visca.motion_failed', { error: (error as Error).message });
  const motion = (bytes: Uint8Array) => command(bytes, false, false, 'motion');
  const panTilt = createMotionSlot<PanTiltVelocity>((v) => motion(driveCommand(address, v, limits)), onMotionError);
  const zoomSlot = createMotionSlot<number>((s) => motion(zoomCommand(address, s)), onMotionError);

  transport.onState((state, detail) => {
    if (state === 'connected') {
      startInitialise();
      return;
    }
    // Never replay: whatever waited was meant for a moment that has passed.
    panTilt.clear();
    zoomSlot.clear();
    line.failAll(`${transport.name} is ${state}${detail ? ` (${detail})` : ''}: commands were dropped, not queued.`);
  });
  if (transport.state() === 'connected') startInitialise();

  return {
    protocol: 'visca',
    optics: options.optics ?? SONY_EVI_D70_OPTICS,
    ready: () => initialising,
    drive: (velocity) => panTilt.submit(velocity),
    zoom: (speed) => zoomSlot.submit(speed),
    async stop() {
      panTilt.clear();
      zoomSlot.clear();
      // A motion already handed to the line may still wait its turn (behind an inquiry, a move's
      // ACK): it would go out after the Stop and start the camera again. Dropped once the motion
      // submitted before this Stop has reached the line (same start-up wait, in order).
      await initialising;
      line.dropQueued('motion', 'Stopped before it was sent.');
      await Promise.all([
        command(visca.panTiltStop(address, limits), false, true),
        command(visca.zoomStop(address), false, true),
      ]);
    },
    home: () => command(visca.home(address), true),
    presetRecall: (preset) => command(visca.presetRecall(address, preset), true),
    presetSet: (preset) => command(visca.presetSet(address, preset), true),
    presetClear: (preset) => command(visca.presetReset(address, preset), true),
    async focus(mode: FocusCommand) {
      // Sony cameras refuse Near/Far under autofocus (not executable), and a one-push focus is
      // meant to hold once found: these put the camera in manual focus first (CAM_Focus Manual).
      if (mode === 'near' || mode === 'far' || mode === 'one_push') await command(visca.focusManual(address), false);
      const bytes = {
        auto: visca.focusAuto,
        manual: visca.focusManual,
        one_push: visca.focusOnePush,
        near: visca.focusNear,
        far: visca.focusFar,
        stop: visca.focusStop,
      }[mode](address);
      return command(bytes, false);
    },
    moveTo: ({ pan, tilt }, speed = 1) =>
      command(visca.absolutePosition(address, pan, tilt, speed * limits.panMax, speed * limits.tiltMax, limits), true),
    zoomTo: (zoom) => command(visca.zoomDirect(address, zoom), true),
    async position(): Promise<PtzPosition | null> {
      await initialising;
      const panTiltAnswer = decodePanTilt((await line.send(visca.inquiryPanTilt(address), 'inquiry')).data);
      const zoom = decodeFourNibbles((await line.send(visca.inquiryZoom(address), 'inquiry')).data);
      if (!panTiltAnswer || zoom === null)
        throw new CameraCommandError(
          'unsupported',
          'The camera answered the position inquiry in a form Relais does not know.',
        );
      return { ...panTiltAnswer, zoom };
    },
    stats() {
      const a = panTilt.stats();
      const b = zoomSlot.stats();
      return {
        submitted: a.submitted + b.submitted,
        replaced: a.replaced + b.replaced,
        maxQueueDepth: Math.max(a.maxQueueDepth, b.maxQueueDepth),
      };
    },
    async close() {
      panTilt.clear();
      zoomSlot.clear();
      line.failAll('camera closed');
      unsolicited.close();
    },
  };
}
