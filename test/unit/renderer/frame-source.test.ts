// A local series on a cart PC: frames fetched nearest to the shown slice first, at most the
// memory budget kept (the farthest dropped, fetched again when scrolled back to), and the
// prefetch follows the reader.
import { describe, expect, it } from 'vitest';
import { localSeriesSource, type FrameFetcher } from '../../../src/renderer/ui/imaging/frame-source';

const fetched: number[] = [];
/** The station's imaging.frame, for a 10 x 100 frame of 1,000 bytes per slice. */
const fetchFrame: FrameFetcher = async ({ sopInstanceUid }) => {
  const index = Number(sopInstanceUid.split('.').pop());
  fetched.push(index);
  const data = Buffer.alloc(1000, index % 256).toString('base64');
  return {
    ok: true,
    value: {
      rows: 10,
      columns: 100,
      colour: 'grey',
      sampleType: 'uint8',
      data,
      inverted: false,
      rescale: { slope: 1, intercept: 0, unit: null },
      window: null,
      pixelSpacing: null,
      frames: 1,
    },
  };
};

const series = {
  seriesUid: '1.2',
  studyUid: '1.1',
  patientId: 'p',
  modality: 'CT',
  description: null,
  patient: { birthName: 'DOE', usedName: null, firstName: 'PETER', birthDate: '1960-05-04', sex: 'M' },
  study: { date: '20261123', dicomPatientName: 'DOE^PETER', mismatchAcceptedBy: null },
  images: Array.from({ length: 100 }, (_, i) => ({
    sopInstanceUid: `1.2.3.${i}`,
    instanceNumber: i + 1,
    position: i,
    frames: 1,
    rows: 10,
    columns: 100,
  })),
};
const settle = () => new Promise((r) => setTimeout(r, 20));
const held = (source: ReturnType<typeof localSeriesSource>) =>
  Array.from({ length: 100 }, (_, i) => i).filter((i) => source.peek(i) !== null);

describe('local series source', () => {
  it('keeps the whole series when it fits, fetched outward from the shown slice', async () => {
    fetched.length = 0;
    const source = localSeriesSource(series, fetchFrame);
    source.prefetch(50);
    await settle();
    expect(source.loaded()).toBe(100);
    expect(fetched.slice(0, 5)).toEqual([50, 51, 49, 52, 48]);
  });

  it('keeps at most its budget, nearest the shown slice, and follows the reader', async () => {
    fetched.length = 0;
    const source = localSeriesSource(series, fetchFrame, 20_000); // 20 frames of 1,000 bytes
    source.prefetch(50);
    await settle();
    expect(source.loaded()).toBeLessThanOrEqual(20);
    expect(held(source).every((i) => Math.abs(i - 50) <= 11)).toBe(true);

    // Scrolled to the end: the frames around slice 90 come in, those around 50 go.
    await source.get(90);
    await settle();
    expect(source.peek(90)).not.toBeNull();
    expect(source.loaded()).toBeLessThanOrEqual(20);
    expect(held(source).every((i) => Math.abs(i - 90) <= 11)).toBe(true);

    // A frame read for sending (not shown) does not move what is kept.
    await source.get(10, { focus: false });
    await settle();
    expect(held(source).filter((i) => i < 80)).toEqual([]);
  });
});
