// relais-devices: the diagnostics tool of the technician who installs a cart.
// Exit codes: 0 done, 1 usage, 2 device not found or not answering, 3 the device refused.
import path from 'node:path';
import os from 'node:os';
import { CameraCommandError } from '../camera/ptz-camera';
import { openPtyPair } from '../transport/pty-pair';
import { startViscaSimulator } from '../visca/simulator';
import { parseArgs, UsageError } from './args';
import { CAMERA_COMMANDS, openCamera, runCameraCommand } from './camera-command';
import { listDevices } from './list';
import { runOximeter } from './oximeter-command';
import { startCms50dSimulator } from '../cms50d/simulator';
import { probePort } from './probe';

const USAGE = `relais-devices — diagnostics for Relais carts

  relais-devices list                          serial ports (USB ids) and HID devices
  relais-devices probe <port>                  which protocol answers, and which camera
  relais-devices camera <port> <command> [n]   [--protocol visca|pelco-d] [--baud 9600|2400] [--address 1] [--speed 0.5] [--for 1000]
      commands: ${CAMERA_COMMANDS.join(', ')}
  relais-devices oximeter <port>               live SpO2/pulse once a second [--generation v2|legacy] [--seconds 10]
  relais-devices simulate visca|oximeter [--dir DIR]   a simulated device on a virtual serial port, to try the above

Exit codes: 0 done, 1 usage, 2 device not found or not answering, 3 the device refused.`;

const print = (line: string) => process.stdout.write(line + '\n');

async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  const [command, port, sub] = parsed.positional;
  switch (command) {
    case 'list':
      await listDevices(print);
      return 0;
    case 'probe': {
      if (!port) throw new UsageError('probe needs a port, e.g. relais-devices probe /dev/ttyUSB0');
      print(`Probing ${port}:`);
      const found = await probePort(port, print).catch((error: Error) => {
        throw new Error(`${error.message}. Check the path, the cable, and that no other program uses the port.`);
      });
      if (!found) {
        print(
          `No known protocol answered on ${port} (VISCA 9600/19200/38400, Pelco-D position query 2400/4800/9600, CMS50D+ v2/legacy). Check power, cabling (RS-232 vs RS-485) and the device's address.`,
        );
        return 2;
      }
      print(`Found: ${found.description} at ${found.baudRate} baud.`);
      return 0;
    }
    case 'camera': {
      if (!port || !sub)
        throw new UsageError('camera needs a port and a command, e.g. relais-devices camera /dev/ttyUSB0 pan-left');
      const { camera, transport } = await openCamera(port, parsed);
      try {
        await runCameraCommand(camera, sub, parsed, print);
      } finally {
        await camera.close();
        await transport.close();
      }
      return 0;
    }
    case 'oximeter':
      if (!port) throw new UsageError('oximeter needs a port, e.g. relais-devices oximeter /dev/ttyUSB1');
      return runOximeter(port, parsed, print);
    case 'simulate': {
      if (port !== 'visca' && port !== 'oximeter') throw new UsageError('simulate supports: visca, oximeter');
      const dir = typeof parsed.options.dir === 'string' ? parsed.options.dir : path.join(os.tmpdir(), 'relais-sim');
      const pair = await openPtyPair(path.join(dir, port), path.join(dir, `${port}-sim`));
      const generation = parsed.options.generation === 'legacy' ? 'legacy' : 'v2';
      const simulator =
        port === 'visca'
          ? await startViscaSimulator({ path: pair.simulatorPath })
          : await startCms50dSimulator({ path: pair.simulatorPath, generation });
      print(
        port === 'visca'
          ? `Simulated VISCA camera ready on ${pair.devicePath} (9600 baud). Ctrl+C to stop.`
          : `Simulated CMS50D+ (${generation}) ready on ${pair.devicePath}. Ctrl+C to stop.`,
      );
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await simulator.stop();
      await pair.close();
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
      print(USAGE);
      return command ? 0 : 1;
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      process.exit(1);
    }
    const refused = error instanceof CameraCommandError && error.code !== 'device_away' && error.code !== 'timeout';
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(refused ? 3 : 2);
  },
);
