// The expert's prescription as it travels: its lines, the substitution rule and the hash both
// stations compute. Clinical rule: the "non substituable" mention and its three reasons, from the
// arrêté du 12 novembre 2019 (JORF n°0264 du 14 novembre 2019) pris en application de l'article
// L. 5125-23 du code de la santé publique: MTE (marge thérapeutique étroite), EFG (enfant de moins
// de six ans, aucun générique de forme adaptée), CIF (contre-indication formelle et démontrée à un
// excipient).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  NON_SUBSTITUTABLE_REASONS,
  nonSubstitutableMention,
  prescriptionContent,
  SignedPrescriptionSchema,
} from '../../../src/shared/acts/prescription';
import { AMOXICILLIN, DRESSING, signedPrescription } from '../../helpers/prescriptions';

const amoxicillin = AMOXICILLIN;
const prescription = (over: Parameters<typeof signedPrescription>[0] = {}) =>
  signedPrescription({ lines: [amoxicillin, DRESSING], ...over });
const codes = (value: unknown) => {
  const parsed = SignedPrescriptionSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

describe('the expert’s prescription', () => {
  it('takes medicines with every field and non-drug lines in words', () => {
    expect(codes(prescription())).toEqual([]);
  });

  it('knows exactly the three reasons of the arrêté du 12 novembre 2019, printed with the mention', () => {
    expect(NON_SUBSTITUTABLE_REASONS).toEqual(['MTE', 'EFG', 'CIF']);
    expect(nonSubstitutableMention('MTE')).toBe('Non substituable (MTE)');
    const withReason = (reason: unknown) =>
      prescription({ lines: [{ ...amoxicillin, nonSubstitutable: reason as 'MTE' }] });
    expect(codes(withReason('MTE'))).toEqual([]);
    expect(codes(withReason('CIF'))).toEqual([]);
    // "Non substituable" without one of the three reasons is not a valid mention since 2020.
    expect(codes(withReason('NS'))).not.toEqual([]);
  });

  it('takes EFG only for a child under six on the day she signs', () => {
    const efg = { ...amoxicillin, nonSubstitutable: 'EFG' as const };
    const child = (birthDate: string) =>
      prescription({ lines: [efg], patient: { ...prescription().patient, birthDate } });
    expect(codes(child('2021-12-08'))).toEqual([]); // six the next day
    expect(codes(child('2020-12-07'))).toEqual(['prescription.efg_child_only']); // six that day
    expect(codes(prescription({ lines: [efg] }))).toEqual(['prescription.efg_child_only']);
  });

  it('refuses an empty prescription, a medicine without dose, frequency or duration, and a correction without reason', () => {
    expect(codes(prescription({ lines: [] }))).toContain('prescription.empty');
    for (const field of ['dose', 'frequency', 'duration', 'name'] as const)
      expect(codes(prescription({ lines: [{ ...amoxicillin, [field]: ' ' }] }))).toContain('field.required');
    expect(codes(prescription({ replaces: randomUUID() }))).toContain('prescription.correction_reason');
  });

  it('hashes the same content the same way whatever the order of the keys', () => {
    const p = prescription();
    const { sha256: _sha, ...body } = p;
    const reverse = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).reverse()) as T;
    const reordered = {
      ...reverse(body),
      patient: reverse(body.patient),
      author: reverse(body.author),
      lines: body.lines.map(reverse),
    };
    expect(prescriptionContent(reordered)).toBe(prescriptionContent(body));
    expect(prescriptionContent({ ...body, lines: [{ ...amoxicillin, dose: '3 gélules' }] })).not.toBe(
      prescriptionContent(body),
    );
  });
});
