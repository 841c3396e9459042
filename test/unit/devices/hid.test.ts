// HID: report descriptors parsed into fields, controls found by usage through JSON profiles,
// recorded reports replayed through a fake transport.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeField, findField, readField } from '../../../devices/hid/codec';
import { createHidPeripheralDriver, HidProfileError, type HidEvent } from '../../../devices/hid/driver';
import { HidProfileSchema, type HidProfile } from '../../../devices/hid/profile';
import { parseReportDescriptor } from '../../../devices/hid/report-descriptor';
import { createFakeTransport, fromHex, hex } from '../../../devices/transport/fake-transport';
import { mulberry32, randomBytes } from '../../helpers/prng';

const profile = (file: string): HidProfile =>
  HidProfileSchema.parse(JSON.parse(fs.readFileSync(`resources/devices/hid/${file}`, 'utf8')));
// The boot mouse of the HID 1.11 specification (appendix E.10): 3 buttons, 5 bits padding, X and Y.
const MOUSE = fromHex(
  '05 01 09 02 A1 01 09 01 A1 00 05 09 19 01 29 03 15 00 25 01 95 03 75 01 81 02 95 01 75 05 81 01 05 01 09 30 09 31 15 81 25 7F 75 08 95 02 81 06 C0 C0',
);

describe('report descriptors', () => {
  it('lays out the boot mouse of the HID specification', () => {
    const parsed = parseReportDescriptor(MOUSE);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.usesReportIds).toBe(false);
    expect(
      parsed.fields.map((f) => [f.usagePage, f.usage, f.bitOffset, f.bitSize, f.logicalMin, f.logicalMax, f.constant]),
    ).toEqual([
      [9, 1, 0, 1, 0, 1, false],
      [9, 2, 1, 1, 0, 1, false],
      [9, 3, 2, 1, 0, 1, false],
      [9, 0, 3, 5, 0, 1, true],
      [1, 0x30, 8, 8, -127, 127, false],
      [1, 0x31, 16, 8, -127, 127, false],
    ]);
    const x = parsed.fields[4]!;
    expect(readField(Uint8Array.of(0x01, 0xf6, 0x05), x)).toBe(-10); // X = -10
    expect(readField(Uint8Array.of(0x01, 0xf6, 0x05), parsed.fields[5]!)).toBe(5);
  });

  it('lays out the dermatoscope profile: report ids, input buttons, output LED and polarisation', () => {
    const parsed = parseReportDescriptor(fromHex(profile('dermatoscope-generic.json').descriptor!));
    if (!parsed.ok) throw new Error(parsed.error);
    const led = findField(parsed.fields, { report: 'output', usagePage: 0xff00, usage: 0x20 })!;
    expect(led).toMatchObject({ reportId: 2, bitOffset: 0, bitSize: 8, logicalMax: 255 });
    expect(hex(encodeField(parsed.fields, led, 128, true))).toBe('02 80 00');
    expect(hex(encodeField(parsed.fields, led, 999, true))).toBe('02 FF 00'); // clamped to the logical range
  });

  it('says what is wrong with a broken descriptor, and never throws on garbage', () => {
    expect(parseReportDescriptor(fromHex('A1 01 09 01'))).toEqual({
      ok: false,
      error: 'Collection without End Collection',
    });
    expect(parseReportDescriptor(fromHex('C0'))).toEqual({ ok: false, error: 'End Collection without Collection' });
    expect(parseReportDescriptor(fromHex('26 FF'))).toMatchObject({
      ok: false,
      error: expect.stringContaining('runs past the end'),
    });
    const random = mulberry32(17);
    for (let i = 0; i < 5_000; i++)
      expect(() =>
        parseReportDescriptor(Uint8Array.from(randomBytes(random, Math.floor(random() * 80)))),
      ).not.toThrow();
  });
});

describe('HID peripheral driver', () => {
  it('replays recorded reports: one capture per press despite contact bounce', () => {
    const fixture = JSON.parse(fs.readFileSync('test/fixtures/hid/dermatoscope-capture.json', 'utf8')) as {
      reports: { at: number; hex: string }[];
      events: HidEvent[];
    };
    const dermatoscope = profile('dermatoscope-generic.json');
    const transport = createFakeTransport('/dev/hidraw3');
    let clock = 0;
    const driver = createHidPeripheralDriver({
      transport,
      descriptor: fromHex(dermatoscope.descriptor!),
      profile: dermatoscope,
      now: () => clock,
    });
    const events: HidEvent[] = [];
    driver.onEvent((e) => events.push(e));
    for (const report of fixture.reports) {
      clock = report.at;
      transport.receive(report.hex);
    }
    expect(events).toEqual(fixture.events);
  });

  it('sets the LED, the polarisation and the stethoscope filter with the exact output reports', async () => {
    const dermatoscope = profile('dermatoscope-generic.json');
    const transport = createFakeTransport();
    const driver = createHidPeripheralDriver({
      transport,
      descriptor: fromHex(dermatoscope.descriptor!),
      profile: dermatoscope,
    });
    await driver.set('led', 200);
    await driver.set('polarisation', 'cross');
    expect(transport.written).toEqual(['02 C8 00', '02 00 01']);
    await expect(driver.set('polarisation', 'diagonal')).rejects.toThrow(
      '"diagonal" is not a value of polarisation (parallel, cross)',
    );
    await expect(driver.set('capture', 1)).rejects.toThrow(HidProfileError);

    const stethoscope = profile('stethoscope-adapter.json');
    const steth = createFakeTransport();
    const adapter = createHidPeripheralDriver({
      transport: steth,
      descriptor: fromHex(stethoscope.descriptor!),
      profile: stethoscope,
    });
    await adapter.set('filter_mode', 'diaphragm');
    expect(steth.written).toEqual(['00 01']); // no report ids: hidapi's leading 0
    const presses: string[] = [];
    adapter.onEvent((e) => presses.push(`${e.control} ${e.type}`));
    steth.receive('01');
    steth.receive('00');
    expect(presses).toEqual(['record pressed', 'record released']);
  });

  it('refuses a profile that names a usage the device does not have', () => {
    const dermatoscope = profile('dermatoscope-generic.json');
    const wrong = { ...dermatoscope, controls: [{ ...dermatoscope.controls[0]!, usage: 0x99 }] };
    expect(() =>
      createHidPeripheralDriver({
        transport: createFakeTransport(),
        descriptor: fromHex(dermatoscope.descriptor!),
        profile: wrong,
      }),
    ).toThrow(/no input field with usage page 0xff00 usage 0x99 for "capture"/);
  });
});
