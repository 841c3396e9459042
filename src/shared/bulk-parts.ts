// How a large payload crosses a call's bulk data channel, for every feature that sends one (shared
// imaging, the photo the expert asks for): cut into parts, each [u32 little-endian header length]
// [header JSON][body]. Each feature's header schema says what the JSON holds; this file only frames
// and unframes, and expects garbage on the way in.

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Cuts `payload` into parts of `partBytes`, each with the header `headerOf(part, parts)`. */
export function cutIntoParts(
  payload: Uint8Array,
  partBytes: number,
  headerOf: (part: number, parts: number) => object,
): Uint8Array[] {
  const parts = Math.max(1, Math.ceil(payload.length / partBytes));
  const out: Uint8Array[] = [];
  for (let part = 0; part < parts; part++) {
    const head = encoder.encode(JSON.stringify(headerOf(part, parts)));
    const body = payload.subarray(part * partBytes, (part + 1) * partBytes);
    const message = new Uint8Array(4 + head.length + body.length);
    new DataView(message.buffer).setUint32(0, head.length, true);
    message.set(head, 4);
    message.set(body, 4 + head.length);
    out.push(message);
  }
  return out;
}

/** One part's header JSON (not yet checked) and body; null when the framing itself is wrong. */
export function unframePart(message: Uint8Array, maxHeaderBytes: number): { json: unknown; body: Uint8Array } | null {
  if (message.length < 4) return null;
  const length = new DataView(message.buffer, message.byteOffset, message.byteLength).getUint32(0, true);
  if (length < 2 || length > maxHeaderBytes || 4 + length > message.length) return null;
  try {
    return { json: JSON.parse(decoder.decode(message.subarray(4, 4 + length))), body: message.subarray(4 + length) };
  } catch {
    return null;
  }
}

/** Whether a part's body has the length its header announces (the last part holds the rest). */
export function partBodyFits(
  header: { part: number; parts: number; bytes: number },
  body: Uint8Array,
  partBytes: number,
): boolean {
  if (header.part >= header.parts || Math.ceil(header.bytes / partBytes) !== header.parts) return false;
  const expected = header.part < header.parts - 1 ? partBytes : header.bytes - partBytes * (header.parts - 1);
  return body.length === expected;
}
