// Damage done to a valid DICOM file by a seeded generator, as a drive's files are damaged: cut
// short, bytes flipped, an element length that lies, bytes inserted.
export function mutate(original: Uint8Array, random: () => number): { bytes: Uint8Array; how: string } {
  const bytes = new Uint8Array(original);
  const at = () => Math.floor(random() * bytes.length);
  switch (Math.floor(random() * 4)) {
    case 0: {
      const end = Math.floor(random() * original.length);
      return { bytes: bytes.subarray(0, end), how: `cut at ${end}` };
    }
    case 1: {
      const n = 1 + Math.floor(random() * 20);
      for (let i = 0; i < n; i++) bytes[at()] = Math.floor(random() * 256);
      return { bytes, how: `${n} bytes changed` };
    }
    case 2: {
      // A length that lies: four bytes somewhere in the dataset set to a huge or odd value.
      const p = 132 + Math.floor(random() * Math.max(1, bytes.length - 140));
      const value = [0xffffffff, 0x7fffffff, 0x00010000, 0x0000fffe][Math.floor(random() * 4)]!;
      new DataView(bytes.buffer).setUint32(Math.min(p, bytes.length - 4), value, true);
      return { bytes, how: `length ${value.toString(16)} at ${p}` };
    }
    default: {
      const p = at();
      const n = 1 + Math.floor(random() * 64);
      const grown = new Uint8Array(bytes.length + n);
      grown.set(bytes.subarray(0, p), 0);
      for (let i = 0; i < n; i++) grown[p + i] = Math.floor(random() * 256);
      grown.set(bytes.subarray(p), p + n);
      return { bytes: grown, how: `${n} bytes inserted at ${p}` };
    }
  }
}
