// Bytes <-> "81 01 06 04 FF" strings: readable fixtures, logs and profile descriptors.
export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');
}

export function fromHex(text: string): Uint8Array {
  const clean = text.replace(/[^0-9a-f]/gi, '');
  if (clean.length % 2) throw new Error(`odd hex string: ${text}`);
  return Uint8Array.from(clean.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}
