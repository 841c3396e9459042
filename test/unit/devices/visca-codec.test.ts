// VISCA bytes from the Sony EVI-D70 / SRG manuals and ../shared/PROTOCOLS.md.
import { describe, expect, it } from 'vitest';
import { hex } from '../../../devices/transport/fake-transport';
import {
  createViscaReplyDecoder,
  createViscaSplitter,
  decodePanTilt,
  decodeFourNibbles,
  isValidCommand,
  nibbles,
  visca,
  type ViscaReply,
} from '../../../devices/visca/codec';
import { mulberry32, randomBytes } from '../../helpers/prng';

const bytes = (text: string) => text.split(' ').map((b) => parseInt(b, 16));

describe('VISCA commands (camera 1)', () => {
  it.each<[string, Uint8Array, string]>([
    ['address set (broadcast)', visca.addressSet(), '88 30 01 FF'],
    ['IF_Clear broadcast', visca.ifClearBroadcast(), '88 01 00 01 FF'],
    ['IF_Clear', visca.ifClear(1), '81 01 00 01 FF'],
    ['cancel socket 2', visca.cancel(1, 2), '81 22 FF'],
    ['pan right, speeds 0x10 0x08', visca.panTiltDrive(1, 'right', 'stop', 0x10, 0x08), '81 01 06 01 10 08 02 03 FF'],
    ['up-left full speed', visca.panTiltDrive(1, 'left', 'up', 0x18, 0x17), '81 01 06 01 18 17 01 01 FF'],
    ['stop keeps valid speeds', visca.panTiltStop(1), '81 01 06 01 18 17 03 03 FF'],
    [
      'speeds clamp to the model',
      visca.panTiltDrive(1, 'right', 'down', 0x40, 0, { panMax: 0x18, tiltMax: 0x14 }),
      '81 01 06 01 18 01 02 02 FF',
    ],
    [
      'absolute pan -2267 (F725) tilt 300',
      visca.absolutePosition(1, -2267, 300, 0x18, 0x14),
      '81 01 06 02 18 14 0F 07 02 05 00 01 02 0C FF',
    ],
    ['relative pan 16', visca.relativePosition(1, 16, 0, 1, 1), '81 01 06 03 01 01 00 00 01 00 00 00 00 00 FF'],
    ['home', visca.home(1), '81 01 06 04 FF'],
    ['reset', visca.reset(1), '81 01 06 05 FF'],
    ['zoom stop', visca.zoomStop(1), '81 01 04 07 00 FF'],
    ['zoom tele', visca.zoomTele(1), '81 01 04 07 02 FF'],
    ['zoom wide', visca.zoomWide(1), '81 01 04 07 03 FF'],
    ['zoom tele variable 5', visca.zoomTeleVariable(1, 5), '81 01 04 07 25 FF'],
    ['zoom wide variable 7', visca.zoomWideVariable(1, 9), '81 01 04 07 37 FF'],
    ['zoom direct 0x4000', visca.zoomDirect(1, 0x4000), '81 01 04 47 04 00 00 00 FF'],
    ['focus auto', visca.focusAuto(1), '81 01 04 38 02 FF'],
    ['focus manual', visca.focusManual(1), '81 01 04 38 03 FF'],
    ['focus one push', visca.focusOnePush(1), '81 01 04 18 01 FF'],
    ['focus far', visca.focusFar(1), '81 01 04 08 02 FF'],
    ['focus near', visca.focusNear(1), '81 01 04 08 03 FF'],
    ['focus direct', visca.focusDirect(1, 0x1234), '81 01 04 48 01 02 03 04 FF'],
    // Sony EVI-D70 Technical Manual, VISCA Command List, CAM_Focus: Far/Near (Variable) 8x 01 04 08 2p/3p FF,
    // Infinity 8x 01 04 18 02 FF, Auto/Manual toggle 8x 01 04 38 10 FF; CAM_FocusPosInq 8x 09 04 48 FF.
    ['focus stop', visca.focusStop(1), '81 01 04 08 00 FF'],
    ['focus far variable 5', visca.focusFarVariable(1, 5), '81 01 04 08 25 FF'],
    ['focus near variable 7 (clamped)', visca.focusNearVariable(1, 12), '81 01 04 08 37 FF'],
    ['focus infinity', visca.focusInfinity(1), '81 01 04 18 02 FF'],
    ['focus auto/manual toggle', visca.focusAutoManual(1), '81 01 04 38 10 FF'],
    ['focus mode inquiry', visca.inquiryFocusMode(1), '81 09 04 38 FF'],
    ['focus position inquiry', visca.inquiryFocusPosition(1), '81 09 04 48 FF'],
    ['preset reset 3', visca.presetReset(1, 3), '81 01 04 3F 00 03 FF'],
    ['preset set 2', visca.presetSet(1, 2), '81 01 04 3F 01 02 FF'],
    ['preset recall 2', visca.presetRecall(1, 2), '81 01 04 3F 02 02 FF'],
    ['power on', visca.powerOn(1), '81 01 04 00 02 FF'],
    ['power standby', visca.powerStandby(1), '81 01 04 00 03 FF'],
    ['power inquiry', visca.inquiryPower(1), '81 09 04 00 FF'],
    ['zoom inquiry', visca.inquiryZoom(1), '81 09 04 47 FF'],
    ['pan/tilt inquiry', visca.inquiryPanTilt(1), '81 09 06 12 FF'],
    ['version inquiry', visca.inquiryVersion(1), '81 09 00 02 FF'],
  ])('%s', (_name, command, expected) => {
    expect(hex(command)).toBe(expected);
  });

  it('addresses cameras 1-7 and refuses others', () => {
    expect(hex(visca.home(7))).toBe('87 01 06 04 FF');
    expect(() => visca.home(0)).toThrow(RangeError);
    expect(() => visca.home(8)).toThrow(RangeError);
  });

  it("writes 16-bit values as nibbles, signed in two's complement", () => {
    expect(nibbles(-2267)).toEqual([0x0f, 0x07, 0x02, 0x05]);
    expect(nibbles(0x08db)).toEqual([0x00, 0x08, 0x0d, 0x0b]);
  });
});

describe('VISCA replies', () => {
  const decode = (text: string): ViscaReply[] => createViscaReplyDecoder().push(bytes(text));

  it.each<[string, string, ViscaReply]>([
    ['ACK socket 1', '90 41 FF', { type: 'ack', from: 1, socket: 1 }],
    ['Completion socket 2', '90 52 FF', { type: 'completion', from: 1, socket: 2, data: [] }],
    ['IF_Clear reply', '90 50 FF', { type: 'completion', from: 1, socket: 0, data: [] }],
    ['syntax error', '90 60 02 FF', { type: 'error', from: 1, socket: 0, error: 'syntax', code: 2 }],
    ['buffer full', '90 60 03 FF', { type: 'error', from: 1, socket: 0, error: 'buffer_full', code: 3 }],
    ['cancelled', '90 61 04 FF', { type: 'error', from: 1, socket: 1, error: 'cancelled', code: 4 }],
    ['no socket', '90 62 05 FF', { type: 'error', from: 1, socket: 2, error: 'no_socket', code: 5 }],
    ['not executable', '90 61 41 FF', { type: 'error', from: 1, socket: 1, error: 'not_executable', code: 0x41 }],
    ['network change', '90 38 FF', { type: 'network_change', from: 1 }],
    ['address set answer', '88 30 02 FF', { type: 'address_set', next: 2 }],
    ['IF_Clear broadcast echo', '88 01 00 01 FF', { type: 'if_clear_broadcast' }],
    ['camera 2', 'A0 41 FF', { type: 'ack', from: 2, socket: 1 }],
  ])('%s', (_name, text, reply) => {
    expect(decode(text)).toEqual([reply]);
  });

  it('reads inquiry answers: power, zoom, pan/tilt, version with high data bytes', () => {
    const [power, zoom, panTilt, version] = decode(
      '90 50 02 FF 90 50 04 00 00 00 FF 90 50 0F 07 02 05 00 01 02 0C FF 90 50 00 20 04 02 81 23 02 FF',
    );
    expect(power).toEqual({ type: 'completion', from: 1, socket: 0, data: [0x02] });
    expect(decodeFourNibbles((zoom as { data: number[] }).data)).toBe(0x4000);
    expect(decodePanTilt((panTilt as { data: number[] }).data)).toEqual({ pan: -2267, tilt: 300 });
    expect((version as { data: number[] }).data).toEqual([0x00, 0x20, 0x04, 0x02, 0x81, 0x23, 0x02]);
  });

  it('reassembles replies split at every byte', () => {
    const stream = bytes('90 41 FF 90 50 0F 07 02 05 00 01 02 0C FF 90 51 FF');
    for (let cut = 1; cut < stream.length; cut++) {
      const decoder = createViscaReplyDecoder();
      const replies = [...decoder.push(stream.slice(0, cut)), ...decoder.push(stream.slice(cut))];
      expect(replies.map((r) => r.type)).toEqual(['ack', 'completion', 'completion']);
    }
  });

  it('drops garbage and picks up the next valid reply', () => {
    expect(decode('12 34 95 12 90 41 FF').map((r) => r.type)).toEqual(['ack']);
    expect(decode('FF FF 90 FF 90 51 FF')).toEqual([{ type: 'completion', from: 1, socket: 1, data: [] }]);
  });
});

describe('VISCA decoders under fuzzing', () => {
  it('never throw on random, truncated or corrupted bytes, and recover on the next valid reply', () => {
    const random = mulberry32(0x5eed);
    const valid = bytes('90 41 FF');
    for (let round = 0; round < 5_000; round++) {
      const decoder = createViscaReplyDecoder();
      const garbage = randomBytes(random, Math.floor(random() * 40));
      expect(() => decoder.push(garbage)).not.toThrow();
      // An FF closes whatever the garbage left open; then a valid reply must come through.
      const replies = decoder.push([0xff, ...valid]);
      expect(replies.at(-1)).toEqual({ type: 'ack', from: 1, socket: 1 });
    }
  });

  it('split commands the same way for the simulator', () => {
    const random = mulberry32(42);
    for (let round = 0; round < 2_000; round++) {
      const splitter = createViscaSplitter(isValidCommand);
      expect(() => splitter.push(randomBytes(random, Math.floor(random() * 40)))).not.toThrow();
      expect(splitter.push([0xff, ...visca.presetRecall(1, 2)])).toContainEqual([...visca.presetRecall(1, 2)]);
    }
  });
});
