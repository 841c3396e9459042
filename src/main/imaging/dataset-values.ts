// Reads values from a parsed DICOM dataset without ever throwing: a value that is missing, too
// short or not a number is null, and the caller says what that means for the file.
import type dicomParser from 'dicom-parser';

export const text = (ds: dicomParser.DataSet, tag: string): string | null => {
  try {
    const value = ds.string(tag)?.trim();
    return value ? value : null;
  } catch {
    return null;
  }
};

export const integer = (ds: dicomParser.DataSet, tag: string): number | null => {
  const value = text(ds, tag);
  const n = value === null ? NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : null;
};

export const uint16 = (ds: dicomParser.DataSet, tag: string): number | null => {
  if (!ds.elements[tag] || ds.elements[tag]!.length < 2) return null;
  try {
    return ds.uint16(tag) ?? null;
  } catch {
    return null;
  }
};

/** A decimal string with several values (DS, VM > 1), e.g. Pixel Spacing "0.48\0.48". */
export const decimals = (ds: dicomParser.DataSet, tag: string): number[] | null => {
  const value = text(ds, tag);
  if (value === null) return null;
  const numbers = value.split('\\').map((v) => Number.parseFloat(v));
  return numbers.every(Number.isFinite) ? numbers : null;
};
