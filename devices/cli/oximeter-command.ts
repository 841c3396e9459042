// `relais-devices oximeter <port>`: prints live readings once a second, as a technician checks a probe.
import { SERIAL_SETTINGS, type Generation } from '../cms50d/codec';
import { createCms50dDriver, type OximeterReadingSample } from '../cms50d/driver';
import { createReconnectingTransport } from '../transport/reconnecting-transport';
import { openSerialLink } from '../transport/serial-link';
import { numberOption, UsageError, type Parsed } from './args';

export async function runOximeter(port: string, parsed: Parsed, print: (line: string) => void): Promise<number> {
  const generation = (parsed.options.generation ?? 'v2') as Generation;
  if (generation !== 'v2' && generation !== 'legacy')
    throw new UsageError('--generation must be v2 (115200 baud) or legacy (19200 baud).');
  const seconds = numberOption(parsed.options, 'seconds', 10, 1, 3600);
  const { baudRate, parity } = SERIAL_SETTINGS[generation];
  let lastError = '';
  const transport = createReconnectingTransport({
    name: port,
    open: () => openSerialLink({ path: port, baudRate, parity }),
    goneAfterMs: 0,
  });
  transport.onState((_s, detail) => (lastError = detail ?? lastError));
  const driver = createCms50dDriver({ transport, generation });
  let last: OximeterReadingSample | null = null;
  let frames = 0;
  driver.onSample((sample) => {
    last = sample;
    frames++;
  });
  for (let second = 1; second <= seconds; second++) {
    await new Promise((r) => setTimeout(r, 1000));
    if (transport.state() !== 'connected') {
      await driver.close();
      await transport.close();
      throw new Error(
        `${lastError || `cannot open ${port}`}. Check the path, the cable, and that no other program uses the port.`,
      );
    }
    const s = last as OximeterReadingSample | null;
    print(
      s
        ? `${second}s  SpO2 ${s.spo2 ?? '--'} %  pulse ${s.pulseRate ?? '--'} /min  pleth ${s.pleth}  ${s.status}  (${frames} frames/s)`
        : `${second}s  no frame from the oximeter (${generation} firmware at ${baudRate} baud?)`,
    );
    frames = 0;
  }
  await driver.close();
  await transport.close();
  return last ? 0 : 2;
}
