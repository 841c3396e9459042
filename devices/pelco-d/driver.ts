// A Pelco-D camera: no acknowledgement exists, so a motion frame is "in flight" for its wire time
// (29 ms at 2400 baud) and the newest motion waits in the one slot meanwhile. Pan, tilt and zoom
// share one frame: the slot carries the whole motion state. Position queries are used where the
// camera answers them; many never do, and then position() says so once and stops asking.
import { createMotionSlot } from '../camera/motion-slot';
import {
  CameraCommandError,
  type FocusCommand,
  type PanTiltVelocity,
  type PtzCamera,
  type PtzPosition,
} from '../camera/ptz-camera';
import { DeviceAwayError, type Transport } from '../transport/transport';
import type { CameraOptics } from '../camera/optics';
import { createPelcoDecoder, motion, pelco, type Motion, type PelcoFrame } from './codec';
import { PELCO_D_GENERIC_OPTICS } from './optics';

export interface PelcoDCameraOptions {
  transport: Transport;
  address?: number;
  baudRate?: number;
  queryTimeoutMs?: number;
  /** The attached camera's optics when its model is known; generic figures otherwise (optics.ts). */
  optics?: CameraOptics;
}

const DEAD_ZONE = 0.02;
const axis = (v: number) => (Math.abs(v) < DEAD_ZONE || !Number.isFinite(v) ? 0 : Math.max(-1, Math.min(1, v)));

export function createPelcoDCamera(options: PelcoDCameraOptions): PtzCamera {
  const { transport } = options;
  const address = options.address ?? 1;
  const wireMs = (7 * 10_000) / (options.baudRate ?? 2400);
  const decoder = createPelcoDecoder();
  const answers: ((frame: PelcoFrame) => void)[] = [];
  let answersQueries: boolean | null = null; // unknown until asked once
  const state = { pan: 0, tilt: 0, zoom: 0, focus: 'stop' as 'near' | 'far' | 'stop' };

  transport.onData((chunk) => {
    for (const frame of decoder.push(chunk)) if (frame.address === address) answers.shift()?.(frame);
  });

  const write = async (bytes: Uint8Array) => {
    try {
      await transport.write(bytes);
    } catch (error) {
      throw error instanceof DeviceAwayError ? new CameraCommandError('device_away', error.message) : error;
    }
    // The line is busy for the frame's wire time; sending faster would only queue bytes in the OS.
    await new Promise((r) => setTimeout(r, wireMs));
  };

  const toMotion = (): Motion => ({
    pan: state.pan > 0 ? 'right' : state.pan < 0 ? 'left' : 'stop',
    tilt: state.tilt > 0 ? 'up' : state.tilt < 0 ? 'down' : 'stop',
    panSpeed: Math.max(1, Math.round(Math.abs(state.pan) * 0x3f)),
    tiltSpeed: Math.max(1, Math.round(Math.abs(state.tilt) * 0x3f)),
    zoom: state.zoom > 0 ? 'tele' : state.zoom < 0 ? 'wide' : 'stop',
    focus: state.focus,
  });
  const slot = createMotionSlot<Motion>((m) => write(motion(address, m)));

  transport.onState((s) => {
    if (s !== 'connected') {
      slot.clear(); // never replayed after a reconnect
      answers.splice(0);
    }
  });

  async function query(bytes: Uint8Array, response: number): Promise<number | null> {
    const answer = new Promise<PelcoFrame | null>((resolve) => {
      const timer = setTimeout(() => {
        answers.splice(answers.indexOf(onAnswer), 1);
        resolve(null);
      }, options.queryTimeoutMs ?? 500);
      const onAnswer = (frame: PelcoFrame) => {
        clearTimeout(timer);
        resolve(frame);
      };
      answers.push(onAnswer);
    });
    await write(bytes);
    const frame = await answer;
    return frame && frame.c2 === response ? frame.value : null;
  }

  const submit = () => slot.submit(toMotion());
  const unsupported = (what: string) =>
    Promise.reject(new CameraCommandError('unsupported', `Pelco-D has no standard command for ${what}.`));

  return {
    protocol: 'pelco-d',
    optics: options.optics ?? PELCO_D_GENERIC_OPTICS,
    drive(velocity: PanTiltVelocity) {
      state.pan = axis(velocity.pan);
      state.tilt = axis(velocity.tilt);
      submit();
    },
    zoom(speed: number) {
      state.zoom = axis(speed);
      submit();
    },
    async stop() {
      slot.clear();
      Object.assign(state, { pan: 0, tilt: 0, zoom: 0, focus: 'stop' });
      await write(pelco.stop(address));
    },
    // No home command in Pelco-D: absolute pan and tilt 0, where the camera supports them.
    async home() {
      await write(pelco.setPan(address, 0));
      await write(pelco.setTilt(address, 0));
    },
    presetRecall: (p) => write(pelco.presetGoTo(address, p)),
    presetSet: (p) => write(pelco.presetSet(address, p)),
    presetClear: (p) => write(pelco.presetClear(address, p)),
    async focus(mode: FocusCommand) {
      if (mode !== 'near' && mode !== 'far' && mode !== 'stop') return unsupported(`focus "${mode}"`);
      state.focus = mode;
      submit();
    },
    async moveTo({ pan, tilt }) {
      await write(pelco.setPan(address, ((Math.round(pan) % 36000) + 36000) % 36000));
      await write(pelco.setTilt(address, ((Math.round(tilt) % 36000) + 36000) % 36000));
    },
    zoomTo: (zoom) => write(pelco.setZoom(address, Math.max(0, Math.min(0xffff, Math.round(zoom))))),
    async position(): Promise<PtzPosition | null> {
      if (answersQueries === false) return null;
      const pan = await query(pelco.queryPan(address), 0x59);
      if (pan === null) {
        answersQueries = false;
        return null;
      }
      answersQueries = true;
      const tilt = await query(pelco.queryTilt(address), 0x5b);
      const zoom = await query(pelco.queryZoom(address), 0x5d);
      // Tilt comes back as 0..35999: below the horizon is 36000 less the angle, as it is sent.
      return { pan, tilt: tilt === null ? 0 : tilt > 18000 ? tilt - 36000 : tilt, zoom: zoom ?? 0 };
    },
    stats: () => slot.stats(),
    async close() {
      slot.clear();
    },
  };
}
