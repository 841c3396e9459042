// The prescription (ordonnance) the expert writes and signs on her own station (issue 21, point 5),
// as it reaches the requesting station's act: over the call's data channel during the call, or
// through the regional hub after it, like her report (expert-report.ts). In French telemedicine the
// expert (the "médecin requis") prescribes; the requesting site keeps the act and prints it.
// Parsed wherever it arrives: it comes from another station and is expected to be garbage until
// proven otherwise.
//
// The national "ordonnance numérique" (its unique identifier and QR code) is issued by the national
// service at signing; Relais does not reach it. The PDF keeps their place, marked as not issued:
// never a made-up number (docs/ARCHITECTURE.md, remote-acts).
import { z } from 'zod';
import { EncounterIdSchema } from './encounter';
import { ReportSignerSchema } from './expert-report';
import { SexSchema } from '../patients/patient';
import { ageInYears } from '../stroke/thrombolysis-dose';

const line = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1, 'field.required').max(max);

/**
 * Why a medicine is marked "non substituable": since 1 January 2020 the mention must give one of
 * three situations (arrêté du 12 novembre 2019, JORF n°0264 du 14 novembre 2019, pris en application
 * de l'article L. 5125-23 du code de la santé publique): MTE, a narrow therapeutic margin; EFG, a
 * child under six when no generic has a suitable form; CIF, a formal and demonstrated
 * contraindication to an excipient of every available generic.
 */
export const NON_SUBSTITUTABLE_REASONS = ['MTE', 'EFG', 'CIF'] as const;
export const NonSubstitutableReasonSchema = z.enum(NON_SUBSTITUTABLE_REASONS);
export type NonSubstitutableReason = z.infer<typeof NonSubstitutableReasonSchema>;

export const MedicationLineSchema = z.strictObject({
  kind: z.literal('medication'),
  /** The medicine as she names it: international non-proprietary name (DCI) and strength. */
  name: required(200),
  form: line(100),
  dose: required(200),
  route: line(100),
  frequency: required(200),
  duration: required(100),
  quantity: line(100),
  /** Null: the pharmacist may give a generic. Otherwise the one reason the law allows. */
  nonSubstitutable: NonSubstitutableReasonSchema.nullable(),
  note: line(500),
});
export type MedicationLine = z.infer<typeof MedicationLineSchema>;

/** What is not a medicine: a blood test, an imaging exam, nursing care, anything else in words. */
export const OTHER_LINE_KINDS = ['biology', 'imaging', 'nursing', 'other'] as const;
export const OtherLineSchema = z.strictObject({
  kind: z.enum(OTHER_LINE_KINDS),
  text: required(2000),
});
export type OtherLine = z.infer<typeof OtherLineSchema>;

export const PrescriptionLineSchema = z.union([MedicationLineSchema, OtherLineSchema]);
export type PrescriptionLine = z.infer<typeof PrescriptionLineSchema>;

/** The patient's identity traits as she saw them in the act's context: printed, and checked by the cart. */
export const PrescriptionPatientSchema = z.strictObject({
  birthName: z.string().trim().min(1).max(100),
  usedName: z.string().trim().min(1).max(100).nullable(),
  firstName: z.string().trim().min(1).max(100),
  birthDate: z.iso.date(),
  sex: SexSchema,
});
export type PrescriptionPatient = z.infer<typeof PrescriptionPatientSchema>;

export const SignedPrescriptionSchema = z
  .strictObject({
    id: z.uuid(),
    encounterId: EncounterIdSchema,
    patient: PrescriptionPatientSchema,
    lines: z.array(PrescriptionLineSchema).min(1, 'prescription.empty').max(40),
    author: ReportSignerSchema,
    signedAt: z.iso.datetime({ offset: true }),
    /** The version this one corrects; the first one is kept. */
    replaces: z.uuid().nullable(),
    correctionReason: z.string().trim().min(1).max(1000).nullable(),
    /** SHA-256 (hex) of prescriptionContent: checked on arrival, printed on the PDF. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .refine((p) => (p.replaces === null) === (p.correctionReason === null), {
    message: 'prescription.correction_reason',
    path: ['correctionReason'],
  })
  // EFG is for a child under six only (arrêté du 12 novembre 2019, article 1).
  .refine(
    (p) =>
      p.lines.every((l) => l.kind !== 'medication' || l.nonSubstitutable !== 'EFG') ||
      ageInYears(p.patient.birthDate, new Date(p.signedAt)) < 6,
    { message: 'prescription.efg_child_only', path: ['lines'] },
  );
export type SignedPrescription = z.infer<typeof SignedPrescriptionSchema>;

/**
 * What the prescription's SHA-256 is computed over: every field but the hash, in a fixed order and
 * each line's fields in a fixed order, so that both stations compute the same bytes whatever
 * order a parser kept the keys in.
 */
export function prescriptionContent(p: Omit<SignedPrescription, 'sha256'>): string {
  return JSON.stringify([
    'relais-prescription-v1',
    p.id,
    p.encounterId,
    [p.patient.birthName, p.patient.usedName, p.patient.firstName, p.patient.birthDate, p.patient.sex],
    p.lines.map((l) =>
      l.kind === 'medication'
        ? [l.kind, l.name, l.form, l.dose, l.route, l.frequency, l.duration, l.quantity, l.nonSubstitutable, l.note]
        : [l.kind, l.text],
    ),
    [p.author.name, p.author.rpps, p.author.specialty, p.author.hubId],
    p.signedAt,
    p.replaces,
    p.correctionReason,
  ]);
}

/** The printed mention for a medicine the pharmacist may not replace by a generic (with its reason). */
export const nonSubstitutableMention = (reason: NonSubstitutableReason) => `Non substituable (${reason})`;
