// 0037: the duplicate check's pool is read by birth date through its index; the year and day-month
// indexes of 0003 are gone.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/platform/database/migrate';
import { createPatientRepository } from '../../../src/main/patients/patient-repository';
import { datesWithinOneTypo } from '../../../src/shared/patients/identity-match';
import { aPatientRecord } from '../../helpers/identities';
import { upTo } from '../../helpers/migrations';

describe('0037 the duplicate pool by birth date', () => {
  it('drops the indexes no query uses, and reads the pool through the birth date index', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(37));
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]).map(
      (i) => i.name,
    );
    expect(indexes).not.toContain('patients_birth_year');
    expect(indexes).not.toContain('patients_birth_month_day');
    expect(indexes).toContain('patients_birth_date');
    const plan = (
      db
        .prepare('EXPLAIN QUERY PLAN SELECT * FROM patients WHERE birth_date IN (SELECT value FROM json_each(?))')
        .all('["1950-03-12"]') as { detail: string }[]
    )
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toContain('USING INDEX patients_birth_date');
    expect(plan).not.toMatch(/SCAN patients/);
  });

  it('finds the patients born on a date one typo away, and no one else', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(37));
    const patients = createPatientRepository(db);
    const born = (id: string, birthDate: string) =>
      patients.insert(aPatientRecord({ id, birthDate }), { operation: 'created', by: 'test' });
    born('00000000-0000-4000-8000-000000000001', '1950-03-12');
    born('00000000-0000-4000-8000-000000000002', '1950-12-03');
    born('00000000-0000-4000-8000-000000000003', '1959-03-12');
    born('00000000-0000-4000-8000-000000000004', '1950-03-21');
    patients.insert(aPatientRecord({ id: '00000000-0000-4000-8000-000000000005', birthDate: '1950-03-12', sex: 'I' }), {
      operation: 'created',
      by: 'test',
    });
    const pool = patients.duplicatePool(datesWithinOneTypo('1950-03-12'), 'F').map((p) => p.birthDate);
    expect(pool.sort()).toEqual(['1950-03-12', '1950-03-12', '1950-12-03', '1959-03-12']);
    // A man is no woman's duplicate; an indeterminate sex may be anyone's.
    expect(patients.duplicatePool(datesWithinOneTypo('1950-03-12'), 'M').map((p) => p.sex)).toEqual(['I']);
    expect(patients.duplicatePool(datesWithinOneTypo('1950-03-12'), 'I')).toHaveLength(4);
  });
});
