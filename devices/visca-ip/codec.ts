// VISCA over IP (Sony, UDP 52381): an 8-byte big-endian header (payload type, payload length,
// sequence number) before the VISCA payload. Pure; decoding garbage gives an error, never throws.

export const PAYLOAD_TYPE = {
  command: 0x0100,
  inquiry: 0x0110,
  reply: 0x0111,
  deviceSetting: 0x0120,
  controlCommand: 0x0200,
  controlReply: 0x0201,
} as const;

export const CONTROL_RESET = Uint8Array.of(0x01);
/** Control replies that report an error, in the payload of a 0201 datagram. */
export const SEQUENCE_ABNORMALITY = 0x01; // 0F 01: this sequence number already ran
export const MESSAGE_ABNORMALITY = 0x02; // 0F 02: the message was malformed

export interface Datagram {
  type: number;
  sequence: number;
  payload: Uint8Array;
}

export function encodeDatagram({ type, sequence, payload }: Datagram): Uint8Array {
  if (payload.length < 1 || payload.length > 16)
    throw new RangeError(`VISCA over IP payloads are 1-16 bytes, not ${payload.length}`);
  const out = new Uint8Array(8 + payload.length);
  const view = new DataView(out.buffer);
  view.setUint16(0, type);
  view.setUint16(2, payload.length);
  view.setUint32(4, sequence >>> 0);
  out.set(payload, 8);
  return out;
}

export type Decoded = { ok: true; datagram: Datagram } | { ok: false; error: string };

export function decodeDatagram(bytes: Uint8Array): Decoded {
  if (bytes.length < 9)
    return { ok: false, error: `datagram of ${bytes.length} bytes is shorter than a header and one payload byte` };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = view.getUint16(0);
  const length = view.getUint16(2);
  if (!Object.values(PAYLOAD_TYPE).includes(type as never))
    return { ok: false, error: `unknown payload type 0x${type.toString(16).padStart(4, '0')}` };
  if (length < 1 || length > 16 || length !== bytes.length - 8)
    return { ok: false, error: `payload length ${length} does not match the ${bytes.length - 8} bytes received` };
  return { ok: true, datagram: { type, sequence: view.getUint32(4), payload: bytes.slice(8) } };
}

/** The error a control reply carries (0F 01, 0F 02), or null for a plain acknowledgement. */
export function controlError(datagram: Datagram): 'sequence' | 'message' | null {
  if (datagram.type !== PAYLOAD_TYPE.controlReply || datagram.payload[0] !== 0x0f) return null;
  return datagram.payload[1] === SEQUENCE_ABNORMALITY ? 'sequence' : 'message';
}
