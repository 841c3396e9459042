// Sealed files on a disk that fills (issue 17, point 1): a piece appended is written whole or
// not at all (cut back to the last whole record, so the same piece can be sent again), the
// closing record too, and a whole file that does not fit leaves no temporary behind and the
// copy kept before untouched. These are the writers of uploads, drops and PACS retrievals.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileSealer } from '../../../src/main/platform/security/sealed-file';
import { useTmpfs } from '../../helpers/tmpfs';

const tmpfs = useTmpfs();
const sealer = createFileSealer(randomBytes(32));
const PAGE = 4096;
/** A record's length, flag and tag around its bytes. */
const RECORD_OVERHEAD = 5 + 16;

describe('sealed files on a full disk', () => {
  it('cut a piece that did not fit back to the last whole record; the same piece sent again reads whole', () => {
    const disk = tmpfs(2);
    const file = path.join(disk.root, 'upload.part');
    const plain = randomBytes(400_000);
    const appender = sealer.appender(file);
    appender.append(plain.subarray(0, 200_000));
    const wholeSize = fs.statSync(file).size;
    disk.fill(50_000);
    expect(() => appender.append(plain.subarray(200_000, 400_000))).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(appender.written).toBe(200_000);
    expect(fs.statSync(file).size).toBe(wholeSize);

    disk.release();
    appender.append(plain.subarray(200_000, 400_000));
    // A last piece that ends the file on a page of tmpfs: its closing record then needs a new page.
    const tail = randomBytes(PAGE - ((fs.statSync(file).size + RECORD_OVERHEAD) % PAGE));
    appender.append(tail);
    expect(fs.statSync(file).size % PAGE).toBe(0);
    // The closing record does not fit either: closing again once space is back ends the file right.
    disk.fill(0);
    expect(() => appender.close()).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    disk.release();
    appender.close();
    expect(sealer.read(file).equals(Buffer.concat([plain.subarray(0, 400_000), tail]))).toBe(true);
  });

  it('write a whole file or nothing: no temporary left behind, and the copy kept before still reads', () => {
    const disk = tmpfs(2);
    const file = path.join(disk.root, '00001.dcm');
    const before = randomBytes(10_000);
    sealer.write(file, before);
    disk.fill(100_000);
    expect(() => sealer.write(file, randomBytes(500_000))).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(fs.readdirSync(disk.root).filter((name) => !name.startsWith('filler'))).toEqual(['00001.dcm']);
    expect(sealer.read(file).equals(before)).toBe(true);
  });
});
