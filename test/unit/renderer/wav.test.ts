import { describe, expect, it } from 'vitest';
import { concatSamples, encodeWav } from '../../../src/renderer/webrtc/wav';

const text = (bytes: Uint8Array, from: number, length: number) =>
  String.fromCharCode(...bytes.subarray(from, from + length));

describe('WAV encoding of an auscultation', () => {
  it('writes a 16-bit PCM RIFF header any audio tool reads', () => {
    const wav = encodeWav([new Float32Array(48_000)], 48_000); // one second of silence
    const view = new DataView(wav.buffer);
    expect(text(wav, 0, 4)).toBe('RIFF');
    expect(text(wav, 8, 8)).toBe('WAVEfmt ');
    expect(view.getUint16(20, true)).toBe(1); // PCM
    expect(view.getUint16(22, true)).toBe(1); // mono
    expect(view.getUint32(24, true)).toBe(48_000);
    expect(view.getUint32(28, true)).toBe(96_000); // bytes per second
    expect(view.getUint16(34, true)).toBe(16);
    expect(text(wav, 36, 4)).toBe('data');
    expect(view.getUint32(40, true)).toBe(96_000);
    expect(view.getUint32(4, true)).toBe(wav.length - 8);
  });

  it('keeps the samples (full scale both ways) and clips what is beyond', () => {
    const wav = encodeWav([Float32Array.from([0, 1, -1, 0.5, 2, -3])], 8000);
    const view = new DataView(wav.buffer);
    const samples = [0, 1, 2, 3, 4, 5].map((i) => view.getInt16(44 + 2 * i, true));
    expect(samples).toEqual([0, 32767, -32768, 16384, 32767, -32768]);
  });

  it('interleaves channels, and refuses what it cannot encode', () => {
    const wav = encodeWav([Float32Array.from([0.25, 0.25]), Float32Array.from([-0.25, -0.25])], 48_000);
    const view = new DataView(wav.buffer);
    expect(view.getUint16(22, true)).toBe(2);
    expect([0, 1, 2, 3].map((i) => view.getInt16(44 + 2 * i, true))).toEqual([8192, -8192, 8192, -8192]);
    expect(() => encodeWav([], 48_000)).toThrow(/No audio/);
    expect(() => encodeWav([new Float32Array(2), new Float32Array(3)], 48_000)).toThrow(/differ/);
    expect(() => encodeWav([new Float32Array(2)], 0)).toThrow(/sample rate/);
  });

  it('joins captured blocks in order', () => {
    expect([...concatSamples([Float32Array.from([1, 2]), Float32Array.from([3])])]).toEqual([1, 2, 3]);
  });
});
