// The CMS50D+ driver reads the simulated oximeter through a real socat pty, both generations.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERIAL_SETTINGS, type Generation } from '../../../devices/cms50d/codec';
import { createCms50dDriver, type OximeterReadingSample } from '../../../devices/cms50d/driver';
import { startCms50dSimulator } from '../../../devices/cms50d/simulator';
import { openPtyPair } from '../../../devices/transport/pty-pair';
import { createReconnectingTransport } from '../../../devices/transport/reconnecting-transport';
import { openSerialLink } from '../../../devices/transport/serial-link';
import { useTempDir } from '../../helpers/temp-dir';
import { waitFor } from '../../helpers/wait';
import { useCleanups } from '../../helpers/cleanups';

const tempDir = useTempDir();
const cleanup = useCleanups();

describe.each<Generation>(['legacy', 'v2'])('CMS50D+ %s through a pty', (generation) => {
  it('streams plausible SpO2, pulse and pleth, and reports a finger taken out', async () => {
    const dir = tempDir();
    const pair = await openPtyPair(path.join(dir, 'cart'), path.join(dir, 'oximeter'));
    cleanup(() => pair.close());
    const simulator = await startCms50dSimulator({ path: pair.simulatorPath, generation, spo2: 97, pulseRate: 75 });
    cleanup(() => simulator.stop());
    const { baudRate, parity } = SERIAL_SETTINGS[generation];
    const transport = createReconnectingTransport({
      name: pair.devicePath,
      open: () => openSerialLink({ path: pair.devicePath, baudRate, parity }),
    });
    cleanup(() => transport.close());
    const driver = createCms50dDriver({ transport, generation });
    cleanup(() => driver.close());
    const samples: OximeterReadingSample[] = [];
    driver.onSample((s) => samples.push(s));

    await waitFor(() => samples.length >= 90, '1.5 s of samples', 5_000);
    const measuring = samples.filter((s) => s.status === 'measuring');
    expect(measuring.length).toBeGreaterThan(80);
    for (const s of measuring) {
      expect(s.spo2).toBeGreaterThanOrEqual(90);
      expect(s.spo2).toBeLessThanOrEqual(100);
      expect(s.pulseRate).toBeGreaterThanOrEqual(60);
      expect(s.pulseRate).toBeLessThanOrEqual(90);
    }
    const pleth = measuring.map((s) => s.pleth);
    expect(Math.max(...pleth) - Math.min(...pleth)).toBeGreaterThan(50); // a pulse wave, not a flat line

    simulator.setFingerOut(true);
    const count = samples.length;
    await waitFor(() => samples.slice(count).some((s) => s.status === 'finger_out'), 'finger out', 2_000);
    expect(samples.at(-1)).toMatchObject({ status: 'finger_out', spo2: null, pulseRate: null });
  });
});
