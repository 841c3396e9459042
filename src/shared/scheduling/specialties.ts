// The medical specialties an offer is coded with: the ANS's nomenclature TRE_R38 « Spécialité
// ordinale », as the table resources/specialties/tre-r38-specialties.json keeps a part of it, with
// its source. Pure: main reads the file and parses it here; a malformed table is refused whole.
import { z } from 'zod';

export const TRE_R38_SYSTEM =
  'https://mos.esante.gouv.fr/NOS/TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale';

export const SpecialtySchema = z.strictObject({
  /** The TRE_R38 code (SM32 for neurology), the offer's specialtyCode. */
  code: z.string().regex(/^S[A-Z]{1,2}\d{2}$/),
  /** The ANS's label, as published. */
  label: z.string().min(1).max(200),
  /** The words a screen shows, and the offer's specialty. */
  short: z.string().min(1).max(120),
});
export type Specialty = z.infer<typeof SpecialtySchema>;

export const SpecialtyTableSchema = z.strictObject({
  title: z.string().min(1),
  system: z.literal(TRE_R38_SYSTEM),
  oid: z.string().min(1),
  version: z.string().min(1),
  source: z.strictObject({ publisher: z.string().min(1), url: z.url(), version: z.string().min(1) }),
  reviewed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  specialties: z
    .array(SpecialtySchema)
    .min(30)
    .refine((list) => new Set(list.map((s) => s.code)).size === list.length, 'specialties.duplicate_code')
    .refine((list) => new Set(list.map((s) => s.short)).size === list.length, 'specialties.duplicate_short'),
});
export type SpecialtyTable = z.infer<typeof SpecialtyTableSchema>;

/** Reads the table (from its JSON file); a malformed one is refused, never half-used. */
export function parseSpecialtyTable(raw: unknown): SpecialtyTable {
  const parsed = SpecialtyTableSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`specialty table: malformed (${z.prettifyError(parsed.error)})`);
  return parsed.data;
}
