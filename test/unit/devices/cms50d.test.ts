// CMS50D+ frames of both firmware generations, the driver's keep-alive and watchdog.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createCms50dDecoder,
  encodeLegacyFrame,
  encodeV2Frame,
  V2_KEEP_ALIVE,
  V2_START,
  V2_STOP,
} from '../../../devices/cms50d/codec';
import { createCms50dDriver, type OximeterReadingSample } from '../../../devices/cms50d/driver';
import { pulseWave } from '../../../devices/cms50d/simulator';
import { createFakeTransport, fromHex, hex } from '../../../devices/transport/fake-transport';
import { mulberry32, randomBytes } from '../../helpers/prng';

describe('CMS50D+ legacy frames (5 bytes, 19200 8O1)', () => {
  it('decodes a measuring frame: signal, pleth, pulse, SpO2', () => {
    // byte0 1100 1000: beat + signal 8; pleth 0x40; pulse 72 (0x48), SpO2 97 (0x61)
    expect(createCms50dDecoder('legacy').push(fromHex('C8 40 05 48 61'))).toEqual([
      {
        spo2: 97,
        pulseRate: 72,
        pleth: 0x40,
        fingerOut: false,
        probeError: false,
        searching: false,
        signalStrength: 8,
        beep: true,
      },
    ]);
  });

  it('carries pulse rates above 127 in bit 6 of byte 2', () => {
    const [sample] = createCms50dDecoder('legacy').push(fromHex('88 20 45 02 62'));
    expect(sample?.pulseRate).toBe(130);
  });

  it('reports finger out, probe error and searching, with no values', () => {
    const [out] = createCms50dDecoder('legacy').push(fromHex('98 00 45 7F 7F'));
    expect(out).toMatchObject({ fingerOut: true, spo2: null, pulseRate: null });
    const [probe] = createCms50dDecoder('legacy').push(fromHex('88 10 15 48 61'));
    expect(probe).toMatchObject({ probeError: true });
    const [searching] = createCms50dDecoder('legacy').push(fromHex('88 10 25 48 61'));
    expect(searching).toMatchObject({ searching: true });
  });

  it('round-trips what the simulator encodes', () => {
    const frame = encodeLegacyFrame({ spo2: 95, pulseRate: 140, pleth: 99, beep: false, signalStrength: 5 });
    expect(createCms50dDecoder('legacy').push(frame)).toEqual([
      {
        spo2: 95,
        pulseRate: 140,
        pleth: 99,
        fingerOut: false,
        probeError: false,
        searching: false,
        signalStrength: 5,
        beep: false,
      },
    ]);
  });
});

describe('CMS50D+ v2 frames (9 bytes, 115200 8N1)', () => {
  it('decodes status E0 with pleth, pulse and SpO2 (bit 7 masked)', () => {
    expect(createCms50dDecoder('v2').push(fromHex('01 E0 80 C5 80 C8 E1 80 80'))).toEqual([
      { spo2: 97, pulseRate: 72, pleth: 0x45, fingerOut: false, probeError: false, searching: false },
    ]);
  });

  it('gives no values with E1 (waveform only) or E2 (no data: finger out)', () => {
    expect(createCms50dDecoder('v2').push(fromHex('01 E1 80 C5 80 C8 E1 80 80'))[0]).toMatchObject({
      searching: true,
      spo2: null,
      pulseRate: null,
    });
    expect(createCms50dDecoder('v2').push(fromHex('01 E2 80 80 80 80 80 80 80'))[0]).toMatchObject({
      fingerOut: true,
      spo2: null,
    });
  });

  it('has the start, stop and keep-alive commands', () => {
    expect(hex(V2_START)).toBe('7D 81 A1 80 80 80 80 80 80');
    expect(hex(V2_STOP)).toBe('7D 81 A2 80 80 80 80 80 80');
    expect(hex(V2_KEEP_ALIVE)).toBe('7D 81 AF 80 80 80 80 80 80');
  });
});

describe('CMS50D+ decoders under fuzzing', () => {
  it.each(['legacy', 'v2'] as const)(
    '%s: reassembles at every split and resynchronises after garbage',
    (generation) => {
      const encode = generation === 'legacy' ? encodeLegacyFrame : encodeV2Frame;
      const stream = [
        ...encode({ spo2: 98, pulseRate: 60, pleth: 10 }),
        ...encode({ spo2: 97, pulseRate: 61, pleth: 20 }),
      ];
      for (let cut = 1; cut < stream.length; cut++) {
        const decoder = createCms50dDecoder(generation);
        expect([...decoder.push(stream.slice(0, cut)), ...decoder.push(stream.slice(cut))].map((s) => s.pleth)).toEqual(
          [10, 20],
        );
      }
      const random = mulberry32(generation === 'legacy' ? 1 : 2);
      for (let round = 0; round < 3_000; round++) {
        const decoder = createCms50dDecoder(generation);
        expect(() => decoder.push(randomBytes(random, Math.floor(random() * 50)))).not.toThrow();
        // Garbage may have left a frame half-read; a valid frame then comes through whole within two frames.
        const valid = encode({ spo2: 96, pulseRate: 80, pleth: 77 });
        const decoded = [...decoder.push(valid), ...decoder.push(valid)];
        expect(decoded.at(-1)).toMatchObject({ spo2: 96, pulseRate: 80, pleth: 77 });
      }
    },
  );
});

describe('CMS50D+ driver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts v2 streaming, keeps it alive every second, and stops it on close', async () => {
    const transport = createFakeTransport('/dev/ttyUSB1');
    const driver = createCms50dDriver({ transport, generation: 'v2' });
    await vi.advanceTimersByTimeAsync(3_100);
    expect(transport.written).toEqual([hex(V2_START), hex(V2_KEEP_ALIVE), hex(V2_KEEP_ALIVE), hex(V2_KEEP_ALIVE)]);
    await driver.close();
    expect(transport.written.at(-1)).toBe(hex(V2_STOP));
  });

  it('turns frames into samples with a status, and says no data when frames stop', async () => {
    const transport = createFakeTransport();
    const driver = createCms50dDriver({ transport, generation: 'legacy', watchdogMs: 2_000 });
    const seen: OximeterReadingSample[] = [];
    driver.onSample((s) => seen.push(s));
    transport.receive(encodeLegacyFrame({ spo2: 97, pulseRate: 72, pleth: 50 }));
    transport.receive(encodeLegacyFrame({ spo2: 0, pulseRate: 0, pleth: 0, fingerOut: true }));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(seen.map((s) => s.status)).toEqual(['measuring', 'finger_out', 'no_data']);
    expect(seen[0]).toEqual({ spo2: 97, pulseRate: 72, pleth: 50, status: 'measuring' });
    expect(transport.written).toEqual([]); // legacy firmware needs no command
  });

  it('stops keeping alive while the cable is out, and starts again when it is back', async () => {
    const transport = createFakeTransport();
    createCms50dDriver({ transport, generation: 'v2' });
    transport.setState('reconnecting');
    transport.written.splice(0);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(transport.written).toEqual([]);
    transport.setState('connected');
    expect(transport.written).toEqual([hex(V2_START)]);
  });
});

describe('simulated pulse wave', () => {
  it('has a systolic peak, a dicrotic notch and a smaller second peak', () => {
    const wave = Array.from({ length: 100 }, (_, i) => pulseWave(i / 100));
    const peak = wave.indexOf(Math.max(...wave));
    expect(peak).toBeGreaterThan(10);
    expect(peak).toBeLessThan(25);
    const notch = Math.min(...wave.slice(25, 45));
    const second = Math.max(...wave.slice(40, 60));
    expect(second).toBeGreaterThan(notch);
    expect(second).toBeLessThan(wave[peak]!);
  });
});
