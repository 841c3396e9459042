// Prescriptions for the tests: the lines an expert writes most (an antibiotic, a treatment whose
// generic she refuses, a blood test, nursing care) and a prescription signed as her station signs
// it (its SHA-256 over prescriptionContent).
import { createHash, randomUUID } from 'node:crypto';
import {
  prescriptionContent,
  type MedicationLine,
  type OtherLine,
  type SignedPrescription,
} from '../../src/shared/acts/prescription';

export const AMOXICILLIN: MedicationLine = {
  kind: 'medication',
  name: 'Amoxicilline 500 mg',
  form: 'gélule',
  dose: '2 gélules',
  route: 'voie orale',
  frequency: '3 fois par jour',
  duration: '7 jours',
  quantity: '2 boîtes',
  nonSubstitutable: null,
  note: '',
};

/** A narrow therapeutic margin: the generic refused with MTE. */
export const LEVOTHYROXINE: MedicationLine = {
  kind: 'medication',
  name: 'Lévothyroxine 50 µg',
  form: 'comprimé',
  dose: '1 comprimé',
  route: '',
  frequency: 'le matin à jeun',
  duration: '3 mois',
  quantity: '',
  nonSubstitutable: 'MTE',
  note: '',
};

export const BLOOD_TEST: OtherLine = { kind: 'biology', text: 'NFS, CRP' };
export const DRESSING: OtherLine = { kind: 'nursing', text: 'Pansement hydrocolloïde du talon tous les 3 jours.' };

type Body = Omit<SignedPrescription, 'sha256'>;

/** Signed for Yvonne Le Bihan by Anne Kerleau unless told otherwise. */
export function signedPrescription(over: Partial<Body> = {}): SignedPrescription {
  const body: Body = {
    id: randomUUID(),
    encounterId: randomUUID(),
    patient: { birthName: 'LE BIHAN', usedName: null, firstName: 'YVONNE', birthDate: '1941-02-17', sex: 'F' },
    lines: [AMOXICILLIN, DRESSING],
    author: { name: 'Anne KERLEAU', rpps: '10001234567', specialty: 'dermatologie', hubId: 'dr-kerleau' },
    signedAt: '2026-12-07T10:20:00.000+01:00',
    replaces: null,
    correctionReason: null,
    ...over,
  };
  return { ...body, sha256: createHash('sha256').update(prescriptionContent(body)).digest('hex') };
}
