// A HID peripheral (dermatoscope, stethoscope adapter) driven by its profile: button presses
// become events (edges, debounced), and LED, polarisation or filter mode can be set.
import { Listeners, type Transport } from '../transport/transport';
import { encodeField, findField, readField } from './codec';
import type { HidControl, HidProfile } from './profile';
import { parseReportDescriptor, type HidField } from './report-descriptor';

export type HidEvent = { control: string; type: 'pressed' | 'released' | 'changed'; value: number };

export class HidProfileError extends Error {}

export function createHidPeripheralDriver(options: {
  transport: Transport;
  descriptor: Uint8Array;
  profile: HidProfile;
  debounceMs?: number;
  now?: () => number;
}) {
  const { transport, profile } = options;
  const parsed = parseReportDescriptor(options.descriptor);
  if (!parsed.ok)
    throw new HidProfileError(`${profile.label}: its report descriptor cannot be read (${parsed.error}).`);
  const now = options.now ?? Date.now;
  const controls = new Map<string, { control: HidControl; field: HidField }>();
  for (const control of profile.controls) {
    const field = findField(parsed.fields, control);
    // A profile that names a usage the device does not have is a profile error, said at once.
    if (!field)
      throw new HidProfileError(
        `${profile.label}: no ${control.report} field with usage page 0x${control.usagePage.toString(16)} usage 0x${control.usage.toString(16)} for "${control.name}".`,
      );
    controls.set(control.name, { control, field });
  }
  const events = new Listeners<[HidEvent]>();
  const last = new Map<string, number>();
  const lastPressAt = new Map<string, number>();

  transport.onData((report) => {
    const id = parsed.usesReportIds ? report[0] : 0;
    const data = parsed.usesReportIds ? report.subarray(1) : report;
    for (const { control, field } of controls.values()) {
      if (control.report !== 'input' || field.reportId !== id) continue;
      const value = readField(data, field);
      if (value === null || value === (last.get(control.name) ?? 0)) continue;
      if (control.type === 'button' && value) {
        const t = now();
        // Contact bounce: a press soon after the last one is the same press. It is ignored
        // without recording it, so presses and releases stay paired.
        if (t - (lastPressAt.get(control.name) ?? -Infinity) < (options.debounceMs ?? 50)) continue;
        lastPressAt.set(control.name, t);
      }
      last.set(control.name, value);
      if (control.type === 'button')
        events.emit({ control: control.name, type: value ? 'pressed' : 'released', value });
      else events.emit({ control: control.name, type: 'changed', value });
    }
  });

  return {
    controls: () => profile.controls,
    onEvent: (listener: (event: HidEvent) => void) => events.add(listener),
    /** Sets an output control, by number or by one of its named values ("on", "cross", "bell"). */
    async set(name: string, value: number | string): Promise<void> {
      const entry = controls.get(name);
      if (!entry || entry.control.report === 'input')
        throw new HidProfileError(`${profile.label} has no settable control "${name}".`);
      const numeric = typeof value === 'number' ? value : entry.control.values?.[value];
      if (numeric === undefined)
        throw new HidProfileError(
          `"${value}" is not a value of ${name} (${Object.keys(entry.control.values ?? {}).join(', ')}).`,
        );
      await transport.write(encodeField(parsed.fields, entry.field, numeric, parsed.usesReportIds));
    },
  };
}
