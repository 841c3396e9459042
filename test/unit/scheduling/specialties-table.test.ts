// The station reads the specialty table it ships once, and says plainly when it cannot.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSpecialtyTable, SPECIALTY_TABLE_FILE } from '../../../src/main/scheduling';
import { createSpecialties } from '../../../src/main/scheduling/specialties-table';

describe('the specialty table shipped with the station', () => {
  it('is found in the app’s resources and parsed', () => {
    const read = readSpecialtyTable();
    expect(read.ok && read.table.specialties.find((s) => s.code === 'SM32')?.short).toBe('Neurologie');
  });

  it('is read once, and a broken one is refused with what to do, logged once', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-specialties-'));
    fs.mkdirSync(path.join(dir, 'specialties'));
    fs.writeFileSync(path.join(dir, SPECIALTY_TABLE_FILE), '{"specialties": [{"code": "SM32"}]}');
    let reads = 0;
    const warnings: string[] = [];
    const table = createSpecialties(
      () => (reads++, readSpecialtyTable(dir)),
      (w) => warnings.push(w),
    );
    expect(() => table()).toThrow(/reinstall Relais/);
    expect(() => table()).toThrow(/reinstall Relais/);
    expect(reads).toBe(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('malformed');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
