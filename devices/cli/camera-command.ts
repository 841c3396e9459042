// `relais-devices camera <port> --protocol visca <command>`: moves a camera as a technician would.
import type { PtzCamera } from '../camera/ptz-camera';
import { createReconnectingTransport } from '../transport/reconnecting-transport';
import { openSerialLink } from '../transport/serial-link';
import type { Transport } from '../transport/transport';
import { createPelcoDCamera } from '../pelco-d/driver';
import { createViscaCamera } from '../visca/driver';
import { numberOption, UsageError, type Parsed } from './args';

export const CAMERA_COMMANDS = [
  'pan-left',
  'pan-right',
  'tilt-up',
  'tilt-down',
  'zoom-in',
  'zoom-out',
  'stop',
  'home',
  'preset-recall',
  'preset-set',
  'preset-clear',
  'position',
  'focus-auto',
  'focus-manual',
  'focus-one-push',
] as const;

const MOTIONS: Record<string, (camera: PtzCamera, speed: number) => void> = {
  'pan-left': (c, s) => c.drive({ pan: -s, tilt: 0 }),
  'pan-right': (c, s) => c.drive({ pan: s, tilt: 0 }),
  'tilt-up': (c, s) => c.drive({ pan: 0, tilt: s }),
  'tilt-down': (c, s) => c.drive({ pan: 0, tilt: -s }),
  'zoom-in': (c, s) => c.zoom(s),
  'zoom-out': (c, s) => c.zoom(-s),
};

export async function openCamera(
  port: string,
  parsed: Parsed,
): Promise<{ camera: PtzCamera & { ready?: () => Promise<void> }; transport: Transport }> {
  const protocol = parsed.options.protocol ?? 'visca';
  if (protocol !== 'visca' && protocol !== 'pelco-d')
    throw new UsageError(`--protocol must be visca or pelco-d, not ${String(protocol)}.`);
  const baudRate = numberOption(parsed.options, 'baud', protocol === 'visca' ? 9600 : 2400, 1200, 115200);
  const address = numberOption(parsed.options, 'address', 1, 1, protocol === 'visca' ? 7 : 255);
  let lastError = '';
  const transport = createReconnectingTransport({
    name: port,
    open: () => openSerialLink({ path: port, baudRate }),
    goneAfterMs: 0,
  });
  transport.onState((_state, detail) => (lastError = detail ?? lastError));
  const deadline = Date.now() + 3_000;
  while (transport.state() !== 'connected') {
    if (Date.now() > deadline || transport.state() === 'gone') {
      await transport.close();
      throw new Error(
        `${lastError || `cannot open ${port}`}. Check the path, the cable, and that no other program uses the port.`,
      );
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  if (protocol === 'pelco-d') return { camera: createPelcoDCamera({ transport, address, baudRate }), transport };
  const camera = createViscaCamera({ transport, address, ackTimeoutMs: 1_000 });
  await camera.ready();
  return { camera, transport };
}

export async function runCameraCommand(
  camera: PtzCamera,
  command: string,
  parsed: Parsed,
  print: (line: string) => void,
): Promise<void> {
  const argument = parsed.positional[3];
  const preset = () => {
    const n = Number(argument);
    if (!Number.isInteger(n) || n < 0 || n > 255)
      throw new UsageError(`${command} needs a preset number from 0 to 255, e.g. "${command} 2".`);
    return n;
  };
  const motion = MOTIONS[command];
  if (motion) {
    // A command line cannot hold a joystick: move for --for ms, then stop.
    const speed = numberOption(parsed.options, 'speed', 0.5, 0.05, 1);
    const forMs = numberOption(parsed.options, 'for', 1000, 50, 30_000);
    motion(camera, speed);
    await new Promise((r) => setTimeout(r, forMs));
    await camera.stop();
    print(`${command} for ${forMs} ms at speed ${speed}, then stopped.`);
    return;
  }
  switch (command) {
    case 'stop':
      await camera.stop();
      return print('Stopped.');
    case 'home':
      await camera.home();
      return print('At home position.');
    case 'preset-recall':
      await camera.presetRecall(preset());
      return print(`At preset ${argument}.`);
    case 'preset-set':
      await camera.presetSet(preset());
      return print(`Preset ${argument} stored.`);
    case 'preset-clear':
      await camera.presetClear(preset());
      return print(`Preset ${argument} cleared.`);
    case 'position': {
      const position = await camera.position();
      return print(
        position
          ? `pan ${position.pan} tilt ${position.tilt} zoom ${position.zoom}`
          : 'The camera does not report its position.',
      );
    }
    case 'focus-auto':
    case 'focus-manual':
    case 'focus-one-push':
      await camera.focus(command === 'focus-auto' ? 'auto' : command === 'focus-manual' ? 'manual' : 'one_push');
      return print('Done.');
    default:
      throw new UsageError(`Unknown camera command "${command}". Commands: ${CAMERA_COMMANDS.join(', ')}.`);
  }
}
