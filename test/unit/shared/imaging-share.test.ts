// A shared series' frames on the bulk channel: cut into parts, put back together in any order,
// and every malformed or foreign part dropped without harm.
import { describe, expect, it } from 'vitest';
import {
  createFrameAssembler,
  frameParts,
  frameSampleBytes,
  PART_BYTES,
  readPart,
  type FrameMeta,
} from '../../../src/shared/imaging/imaging-share';

const META: FrameMeta = {
  rows: 256,
  columns: 256,
  colour: 'grey',
  sampleType: 'int16',
  inverted: false,
  rescale: { slope: 1, intercept: -1024, unit: 'HU' },
  window: { center: 40, width: 80 },
  pixelSpacing: [0.5, 0.5],
  frames: 1,
};
const payload = (n: number, seed = 1) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);

describe('frame parts', () => {
  it('a frame is cut into parts of at most 64 KiB, the meta on the first, and comes back whole', () => {
    const bytes = payload(frameSampleBytes(META));
    const parts = frameParts({ shareId: 's1', index: 7, deflated: false, meta: META }, bytes);
    expect(parts).toHaveLength(Math.ceil(bytes.length / PART_BYTES));
    expect(parts.every((p) => p.length <= PART_BYTES + 4096)).toBe(true);
    expect(readPart(parts[1]!)!.header.meta).toBeUndefined();
    const assembler = createFrameAssembler('s1', 40);
    // Any order: the last part first.
    const results = [...parts].reverse().map((p) => assembler.add(p));
    const frame = results.find((r) => r !== null)!;
    expect(frame).toMatchObject({ index: 7, meta: META, deflated: false });
    expect(Buffer.from(frame.payload).equals(Buffer.from(bytes))).toBe(true);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
  });

  it('drops garbage, parts that lie about their size, another share’s parts and out-of-range slices', () => {
    const [first] = frameParts({ shareId: 's1', index: 0, deflated: true, meta: META }, payload(1000));
    expect(readPart(new Uint8Array(0))).toBeNull();
    expect(readPart(new Uint8Array([255, 255, 255, 255, 1, 2]))).toBeNull();
    const notJson = new Uint8Array(12);
    new DataView(notJson.buffer).setUint32(0, 4, true);
    expect(readPart(notJson)).toBeNull();
    expect(readPart(first!.subarray(0, first!.length - 1))).toBeNull(); // a byte short
    const assembler = createFrameAssembler('other-share', 40);
    expect(assembler.add(first!)).toBeNull();
    const [beyond] = frameParts({ shareId: 's1', index: 40, deflated: true, meta: META }, payload(1000));
    expect(createFrameAssembler('s1', 40).add(beyond!)).toBeNull();
    // A header claiming a part past the last.
    const forged = frameParts({ shareId: 's1', index: 0, deflated: true, meta: META }, payload(1000))[0]!;
    const text = new TextDecoder()
      .decode(forged.subarray(4, 4 + new DataView(forged.buffer).getUint32(0, true)))
      .replace('"part":0', '"part":5');
    const head = new TextEncoder().encode(text);
    const bad = new Uint8Array(4 + head.length + 1000);
    new DataView(bad.buffer).setUint32(0, head.length, true);
    bad.set(head, 4);
    expect(readPart(bad)).toBeNull();
  });

  it('a frame resent with another size (after a reconnection) restarts cleanly', () => {
    const assembler = createFrameAssembler('s1', 40);
    const old = frameParts({ shareId: 's1', index: 3, deflated: true, meta: META }, payload(PART_BYTES * 2 + 10));
    expect(assembler.add(old[0]!)).toBeNull();
    const fresh = frameParts({ shareId: 's1', index: 3, deflated: true, meta: META }, payload(PART_BYTES + 5, 9));
    expect(assembler.add(fresh[0]!)).toBeNull();
    const done = assembler.add(fresh[1]!)!;
    expect(done.payload.length).toBe(PART_BYTES + 5);
    expect(done.payload[0]).toBe(9);
  });
});
