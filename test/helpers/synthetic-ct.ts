// Writes a synthetic CT series for the imaging bench and the shared-viewer e2e: Part 10 files, Explicit VR Little Endian,
// 512 x 512 slices of 16-bit pixels (a smooth head-like phantom with noise), with the study,
// series and instance identifiers and the geometry a viewer needs. Not clinical data.
import fs from 'node:fs';
import path from 'node:path';

const EXPLICIT_LE = '1.2.840.10008.1.2.1';
const CT_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.2';

function element(group: number, elementNo: number, vr: string, value: Buffer): Buffer {
  const padded = value.length % 2 === 1 ? Buffer.concat([value, Buffer.from([vr === 'UI' ? 0 : 0x20])]) : value;
  const longForm = ['OB', 'OW', 'OF', 'SQ', 'UT', 'UN'].includes(vr);
  const header = Buffer.alloc(longForm ? 12 : 8);
  header.writeUInt16LE(group, 0);
  header.writeUInt16LE(elementNo, 2);
  header.write(vr, 4, 'latin1');
  if (longForm) header.writeUInt32LE(padded.length, 8);
  else header.writeUInt16LE(padded.length, 6);
  return Buffer.concat([header, padded]);
}
const text = (g: number, e: number, vr: string, v: string) => element(g, e, vr, Buffer.from(v, 'latin1'));
const us = (g: number, e: number, v: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(v);
  return element(g, e, 'US', b);
};

function slicePixels(size: number, z: number, slices: number): Buffer {
  const pixels = Buffer.alloc(size * size * 2);
  const c = size / 2;
  const zr = Math.sin((Math.PI * (z + 0.5)) / slices);
  let seed = z * 7919 + 1;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x - c, (y - c) * 1.2) / (c * 0.9 * Math.max(zr, 0.2));
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const noise = (seed % 21) - 10;
      // Air outside, a skull ring, brain inside (stored values with rescale intercept -1024).
      const hu = r > 1 ? -1000 : r > 0.92 ? 1200 : 35 + noise;
      pixels.writeUInt16LE(Math.max(0, Math.min(65535, hu + 1024)), (y * size + x) * 2);
    }
  }
  return pixels;
}

/** `uidRoot` makes the study, series and instance UIDs: two series written with the same root are the same images. */
export function writeSyntheticCt(folder: string, slices = 300, size = 512, patientName = 'BENCH^CEREBRAL', uidRoot = '1.2.826.0.1.3680043.10.1234'): string[] {
  fs.mkdirSync(folder, { recursive: true });
  const root = uidRoot;
  const study = `${root}.1`;
  const series = `${root}.2`;
  const files: string[] = [];
  for (let z = 0; z < slices; z++) {
    const sop = `${root}.3.${z + 1}`;
    const dataset = Buffer.concat([
      text(0x0008, 0x0016, 'UI', CT_IMAGE_STORAGE),
      text(0x0008, 0x0018, 'UI', sop),
      text(0x0008, 0x0020, 'DA', '20261123'),
      text(0x0008, 0x0060, 'CS', 'CT'),
      text(0x0008, 0x1030, 'LO', 'Scanner cerebral sans injection'),
      text(0x0010, 0x0010, 'PN', patientName),
      text(0x0010, 0x0020, 'LO', `ID-${patientName.replace(/\W+/g, '').slice(0, 20)}`),
      text(0x0020, 0x000d, 'UI', study),
      text(0x0020, 0x000e, 'UI', series),
      text(0x0020, 0x0011, 'IS', '1'),
      text(0x0020, 0x0013, 'IS', String(z + 1)),
      text(0x0020, 0x0032, 'DS', `-125\\-125\\${(z * 0.625).toFixed(3)}`),
      text(0x0020, 0x0037, 'DS', '1\\0\\0\\0\\1\\0'),
      us(0x0028, 0x0002, 1),
      text(0x0028, 0x0004, 'CS', 'MONOCHROME2'),
      us(0x0028, 0x0010, size),
      us(0x0028, 0x0011, size),
      text(0x0028, 0x0030, 'DS', '0.488\\0.488'),
      us(0x0028, 0x0100, 16),
      us(0x0028, 0x0101, 16),
      us(0x0028, 0x0102, 15),
      us(0x0028, 0x0103, 0),
      text(0x0028, 0x1050, 'DS', '40'),
      text(0x0028, 0x1051, 'DS', '80'),
      text(0x0028, 0x1052, 'DS', '-1024'),
      text(0x0028, 0x1053, 'DS', '1'),
      element(0x7fe0, 0x0010, 'OW', slicePixels(size, z, slices)),
    ]);
    const metaElements = Buffer.concat([
      element(0x0002, 0x0001, 'OB', Buffer.from([0, 1])),
      text(0x0002, 0x0002, 'UI', CT_IMAGE_STORAGE),
      text(0x0002, 0x0003, 'UI', sop),
      text(0x0002, 0x0010, 'UI', EXPLICIT_LE),
      text(0x0002, 0x0012, 'UI', `${root}.99`),
    ]);
    const groupLength = Buffer.alloc(4);
    groupLength.writeUInt32LE(metaElements.length);
    const file = path.join(folder, `CT${String(z + 1).padStart(4, '0')}.dcm`);
    fs.writeFileSync(file, Buffer.concat([Buffer.alloc(128), Buffer.from('DICM'), element(0x0002, 0x0000, 'UL', groupLength), metaElements, dataset]));
    files.push(file);
  }
  return files;
}
