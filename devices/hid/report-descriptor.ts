// Parses a USB HID report descriptor (HID 1.11, short items) into the fields of each report, so
// that controls are found by usage, never by hard-coded byte offsets. Never throws on garbage.

export type ReportKind = 'input' | 'output' | 'feature';

export interface HidField {
  reportId: number; // 0 when the device uses no report ids
  kind: ReportKind;
  usagePage: number;
  usage: number; // for array fields: the first usage of the range
  bitOffset: number; // from the start of the report data (after the report id byte)
  bitSize: number;
  logicalMin: number;
  logicalMax: number;
  variable: boolean; // false: an array of usage indexes (e.g. keyboard keys)
  constant: boolean; // padding
}

export type ParsedDescriptor = { ok: true; fields: HidField[]; usesReportIds: boolean } | { ok: false; error: string };

interface Globals {
  usagePage: number;
  logicalMin: number;
  logicalMax: number;
  reportSize: number;
  reportCount: number;
  reportId: number;
}

const MAIN = { input: 0x8, output: 0x9, feature: 0xb, collection: 0xa, endCollection: 0xc } as const;

export function parseReportDescriptor(bytes: Uint8Array): ParsedDescriptor {
  const fields: HidField[] = [];
  let globals: Globals = { usagePage: 0, logicalMin: 0, logicalMax: 0, reportSize: 0, reportCount: 0, reportId: 0 };
  const stack: Globals[] = [];
  let usages: number[] = [];
  let usageMin: number | null = null;
  let usageMax: number | null = null;
  let depth = 0;
  let usesReportIds = false;
  const offsets = new Map<string, number>(); // bit offset per (report id, kind)

  let i = 0;
  while (i < bytes.length) {
    const prefix = bytes[i]!;
    if (prefix === 0xfe) {
      // Long item: skipped (none are defined for use).
      const size = bytes[i + 1] ?? 0;
      i += 3 + size;
      continue;
    }
    const size = [0, 1, 2, 4][prefix & 0x03]!;
    const type = (prefix >> 2) & 0x03;
    const tag = prefix >> 4;
    if (i + 1 + size > bytes.length)
      return { ok: false, error: `item at byte ${i} runs past the end of the descriptor` };
    let unsigned = 0;
    for (let b = 0; b < size; b++) unsigned |= bytes[i + 1 + b]! << (8 * b);
    unsigned >>>= 0;
    const signed = size === 0 ? 0 : size === 4 ? unsigned | 0 : (unsigned << (32 - 8 * size)) >> (32 - 8 * size);
    i += 1 + size;

    if (type === 0) {
      if (tag === MAIN.collection) depth++;
      else if (tag === MAIN.endCollection) {
        if (--depth < 0) return { ok: false, error: 'End Collection without Collection' };
      } else if (tag === MAIN.input || tag === MAIN.output || tag === MAIN.feature) {
        const kind: ReportKind = tag === MAIN.input ? 'input' : tag === MAIN.output ? 'output' : 'feature';
        const constant = (unsigned & 0x01) !== 0;
        const variable = (unsigned & 0x02) !== 0;
        const key = `${globals.reportId}:${kind}`;
        let offset = offsets.get(key) ?? 0;
        const count = globals.reportCount;
        if (globals.reportSize > 32 || count > 1024)
          return { ok: false, error: `report size ${globals.reportSize} x ${count} is not plausible` };
        const usageAt = (n: number) =>
          usages[n] ?? (usageMin !== null ? Math.min(usageMin + n, usageMax ?? usageMin + n) : (usages.at(-1) ?? 0));
        for (let n = 0; n < count; n++) {
          fields.push({
            reportId: globals.reportId,
            kind,
            usagePage: globals.usagePage,
            usage: variable ? usageAt(n) : usageAt(0),
            bitOffset: offset,
            bitSize: globals.reportSize,
            logicalMin: globals.logicalMin,
            logicalMax: globals.logicalMax,
            variable,
            constant,
          });
          offset += globals.reportSize;
        }
        offsets.set(key, offset);
      }
      usages = [];
      usageMin = usageMax = null;
    } else if (type === 1) {
      if (tag === 0x0) globals.usagePage = unsigned;
      else if (tag === 0x1) globals.logicalMin = signed;
      else if (tag === 0x2) globals.logicalMax = globals.logicalMin < 0 ? signed : unsigned;
      else if (tag === 0x7) globals.reportSize = unsigned;
      else if (tag === 0x8) {
        globals.reportId = unsigned;
        usesReportIds = true;
      } else if (tag === 0x9) globals.reportCount = unsigned;
      else if (tag === 0xa) stack.push({ ...globals });
      else if (tag === 0xb) {
        const popped = stack.pop();
        if (!popped) return { ok: false, error: 'Pop without Push' };
        globals = popped;
      }
    } else if (type === 2) {
      // A 4-byte usage carries its own page in the high half.
      const usage = size === 4 ? unsigned & 0xffff : unsigned;
      if (tag === 0x0) usages.push(usage);
      else if (tag === 0x1) usageMin = usage;
      else if (tag === 0x2) usageMax = usage;
    } else return { ok: false, error: `reserved item type at byte ${i - 1 - size}` };
  }
  if (depth !== 0) return { ok: false, error: 'Collection without End Collection' };
  return { ok: true, fields, usesReportIds };
}
