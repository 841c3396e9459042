// A PACS search by name refuses a backslash (DICOM PS3.5 §6.2: "\" separates the values of a
// multi-valued element, so it cannot be part of a name matched by QIDO-RS), and says so in the
// person's language rather than as a bare "incorrect format".
import { describe, expect, it } from 'vitest';
import { PacsSearchSchema } from '../../../src/shared/imaging/imaging';
import { toFieldErrors } from '../../../src/shared/validation';
import { fr } from '../../../src/renderer/i18n/fr';
import { en } from '../../../src/renderer/i18n/en';

describe('the PACS search by name', () => {
  it('refuses a backslash with its own code, which both languages explain', () => {
    const parsed = PacsSearchSchema.safeParse({ patientName: 'LE BIHAN\\YVONNE' });
    expect(parsed.success).toBe(false);
    expect(toFieldErrors(parsed.error!)).toEqual([{ path: 'patientName', code: 'pacs.name_backslash' }]);
    expect(fr.fieldErrors.pacs.name_backslash).toContain('barre oblique inverse');
    expect(en.fieldErrors.pacs.name_backslash).toContain('backslash');
  });

  it('takes a name with * as its wildcard', () => {
    expect(PacsSearchSchema.safeParse({ patientName: 'LE BIHAN*' }).success).toBe(true);
  });
});
