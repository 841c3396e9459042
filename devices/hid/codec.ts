// Reads controls out of HID input reports and writes them into output reports, through the
// fields the report descriptor declares. Pure.
import type { HidControl } from './profile';
import type { HidField, ReportKind } from './report-descriptor';

export function findField(
  fields: readonly HidField[],
  control: Pick<HidControl, 'report' | 'usagePage' | 'usage'>,
): HidField | null {
  return (
    fields.find(
      (f) =>
        f.kind === control.report &&
        f.variable &&
        !f.constant &&
        f.usagePage === control.usagePage &&
        f.usage === control.usage,
    ) ?? null
  );
}

/** Reads a field from report data (without the report id byte); signed when the range is. */
export function readField(data: Uint8Array, field: HidField): number | null {
  if (field.bitOffset + field.bitSize > data.length * 8) return null; // a short report: no value
  let value = 0;
  for (let bit = 0; bit < field.bitSize; bit++) {
    const at = field.bitOffset + bit;
    if (data[at >> 3]! & (1 << (at & 7))) value |= 1 << bit;
  }
  value >>>= 0;
  if (field.logicalMin < 0 && field.bitSize < 32 && value & (1 << (field.bitSize - 1))) value -= 2 ** field.bitSize;
  return value;
}

export function reportLength(fields: readonly HidField[], reportId: number, kind: ReportKind): number {
  const bits = Math.max(
    0,
    ...fields.filter((f) => f.reportId === reportId && f.kind === kind).map((f) => f.bitOffset + f.bitSize),
  );
  return Math.ceil(bits / 8);
}

/** An output report setting one field, the others left at zero (the usual convention of
 * vendor reports), in hidapi's form: the report id byte first, 0 when the device has none. */
export function encodeField(
  fields: readonly HidField[],
  field: HidField,
  value: number,
  usesReportIds: boolean,
): Uint8Array {
  const length = reportLength(fields, field.reportId, field.kind);
  const data = new Uint8Array(length);
  const clamped = Math.max(field.logicalMin, Math.min(field.logicalMax, Math.round(value)));
  const raw = clamped < 0 ? clamped + 2 ** field.bitSize : clamped;
  for (let bit = 0; bit < field.bitSize; bit++) {
    if (raw & (1 << bit)) {
      const at = field.bitOffset + bit;
      data[at >> 3]! |= 1 << (at & 7);
    }
  }
  return Uint8Array.of(usesReportIds ? field.reportId : 0, ...data);
}
