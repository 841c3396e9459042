import { describe, expect, it } from 'vitest';
import { fromHex, hex } from '../../../devices/transport/fake-transport';
import { controlError, decodeDatagram, encodeDatagram, PAYLOAD_TYPE } from '../../../devices/visca-ip/codec';
import { visca } from '../../../devices/visca/codec';
import { mulberry32, randomBytes } from '../../helpers/prng';

describe('VISCA over IP datagrams', () => {
  it('wraps preset recall 1 with sequence 0x2A as in the Sony example', () => {
    expect(hex(encodeDatagram({ type: PAYLOAD_TYPE.command, sequence: 0x2a, payload: visca.presetRecall(1, 1) }))).toBe(
      '01 00 00 07 00 00 00 2A 81 01 04 3F 02 01 FF',
    );
  });

  it('reads the camera ACK and Completion carrying the same sequence', () => {
    for (const [text, payload] of [
      ['01 11 00 03 00 00 00 2A 90 41 FF', '90 41 FF'],
      ['01 11 00 03 00 00 00 2A 90 51 FF', '90 51 FF'],
    ] as const) {
      const decoded = decodeDatagram(fromHex(text));
      expect(
        decoded.ok && {
          type: decoded.datagram.type,
          sequence: decoded.datagram.sequence,
          payload: hex(decoded.datagram.payload),
        },
      ).toEqual({ type: 0x0111, sequence: 0x2a, payload });
    }
  });

  it('has RESET and tells its acknowledgement from the two control errors', () => {
    expect(hex(encodeDatagram({ type: PAYLOAD_TYPE.controlCommand, sequence: 0, payload: Uint8Array.of(0x01) }))).toBe(
      '02 00 00 01 00 00 00 00 01',
    );
    const reply = (text: string) => {
      const d = decodeDatagram(fromHex(text));
      if (!d.ok) throw new Error(d.error);
      return controlError(d.datagram);
    };
    expect(reply('02 01 00 01 00 00 00 00 01')).toBeNull();
    expect(reply('02 01 00 02 00 00 00 05 0F 01')).toBe('sequence');
    expect(reply('02 01 00 02 00 00 00 05 0F 02')).toBe('message');
  });

  it('refuses garbage with a reason, never by throwing', () => {
    expect(decodeDatagram(fromHex('01 00 00'))).toMatchObject({ ok: false });
    expect(decodeDatagram(fromHex('09 99 00 01 00 00 00 01 FF'))).toMatchObject({
      ok: false,
      error: expect.stringContaining('unknown payload type'),
    });
    expect(decodeDatagram(fromHex('01 00 00 09 00 00 00 01 81 FF'))).toMatchObject({
      ok: false,
      error: expect.stringContaining('payload length'),
    });
    expect(() => encodeDatagram({ type: 0x0100, sequence: 1, payload: new Uint8Array(17) })).toThrow(RangeError);
    const random = mulberry32(3);
    for (let i = 0; i < 5_000; i++)
      expect(() => decodeDatagram(Uint8Array.from(randomBytes(random, Math.floor(random() * 30))))).not.toThrow();
  });
});
