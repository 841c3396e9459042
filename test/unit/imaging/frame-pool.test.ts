// Frames decoded off the main thread: a hung decoder costs only its frame (refused after the
// deadline, the next frame gets a new worker), so does a crashed one; without a worker file,
// frames decode inline.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFramePool, type FramePool } from '../../../src/main/imaging/frame-pool';

const HANGING = path.resolve('test/fixtures/workers/hanging-frame-worker.cjs');
const pools: FramePool[] = [];
afterEach(async () => {
  for (const p of pools.splice(0)) await p.close();
});

describe('frame pool', () => {
  it('refuses a frame whose decoder hangs, and the next frame is decoded by a new worker', async () => {
    const pool = createFramePool({ workerFile: HANGING, deadlineMs: 300 });
    pools.push(pool);
    expect(await pool.read(new Uint8Array(4), 0)).toEqual({ ok: false, reason: 'not_an_image', detail: 'answered 0' });
    // Frame 5 waits behind the hung frame 1: it is sent again to the new worker, not refused.
    const [hung, behind] = await Promise.all([pool.read(new Uint8Array(4), 1), pool.read(new Uint8Array(4), 5)]);
    expect(hung).toMatchObject({ ok: false, reason: 'corrupt_pixels', detail: expect.stringContaining('was stopped') });
    expect(behind).toMatchObject({ detail: 'answered 5' });
    expect(await pool.read(new Uint8Array(4), 0)).toMatchObject({ detail: 'answered 0' });
  });

  it('refuses a frame whose decoder crashes its thread, and goes on', async () => {
    const pool = createFramePool({ workerFile: HANGING, deadlineMs: 5000 });
    pools.push(pool);
    // Said in the station's words: the thread's own error message is not a person's (issue 18, point 16).
    const crashed = await pool.read(new Uint8Array(4), 2);
    expect(crashed).toMatchObject({
      ok: false,
      reason: 'corrupt_pixels',
      detail: expect.stringContaining('The decoder failed on this image'),
    });
    if (!crashed.ok) expect(crashed.detail).not.toContain('decoder crashed');
    expect(await pool.read(new Uint8Array(4), 3)).toMatchObject({ detail: 'answered 3' });
  });

  it('leaves the caller’s bytes alone, and decodes inline without a worker file', async () => {
    const pool = createFramePool({ workerFile: HANGING });
    pools.push(pool);
    const bytes = new Uint8Array([1, 2, 3, 4]);
    await pool.read(bytes, 0);
    expect(Array.from(bytes)).toEqual([1, 2, 3, 4]);
    const inline = createFramePool({ workerFile: null });
    const ct = new Uint8Array(fs.readFileSync('/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm'));
    expect(await inline.read(ct, 0)).toMatchObject({ ok: true, frame: { rows: 128 } });
  });
});
