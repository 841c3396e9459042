// The identity document a professional checked to validate an identity (VALI, QUAL): its type,
// who checked it and on which day. Only high-trust documents count (RNIV volet 1, "dispositifs
// d'identité à haut niveau de confiance"): a passport, a national identity card, a residence
// permit; for a minor without one, the family record book (livret de famille) together with a
// parent's high-trust document (RNIV volet 1, §3.3.3, cases of minors).
import { z } from 'zod';

export const PARENT_DOCUMENT_TYPES = ['passport', 'national_id_card', 'residence_permit'] as const;
export const IDENTITY_DOCUMENT_TYPES = [...PARENT_DOCUMENT_TYPES, 'family_record_book'] as const;
export type IdentityDocumentType = (typeof IDENTITY_DOCUMENT_TYPES)[number];
export type ParentDocumentType = (typeof PARENT_DOCUMENT_TYPES)[number];

/** A calendar day (YYYY-MM-DD) that exists. */
export const CalendarDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date.invalid')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'date.invalid');

export const IdentityDocumentSchema = z
  .strictObject({
    type: z.enum(IDENTITY_DOCUMENT_TYPES),
    /** With a family record book only: the parent's document shown with it. */
    parentDocument: z.enum(PARENT_DOCUMENT_TYPES).nullable().default(null),
    /** The professional who looked at the document, as she signs. */
    checkedBy: z.string().trim().min(1, 'field.required').max(200),
    /** The day she looked at it ("not in the future" needs a clock: the service checks it). */
    checkedOn: CalendarDaySchema,
  })
  .superRefine((document, ctx) => {
    if (document.type === 'family_record_book' && !document.parentDocument) {
      ctx.addIssue({ code: 'custom', path: ['parentDocument'], message: 'identity.parent_document_required' });
    }
  })
  // A parent's document means something only beside a family record book.
  .transform((document) => (document.type === 'family_record_book' ? document : { ...document, parentDocument: null }));

export type IdentityDocumentInput = z.input<typeof IdentityDocumentSchema>;
export type IdentityDocument = z.output<typeof IdentityDocumentSchema>;

/** Stored and sent as checked: what main gives back to the page. */
export const IdentityDocumentRecordSchema = z.object({
  type: z.enum(IDENTITY_DOCUMENT_TYPES),
  parentDocument: z.enum(PARENT_DOCUMENT_TYPES).nullable(),
  checkedBy: z.string(),
  checkedOn: z.string(),
});

/** Under 18 on the day the document was checked: the family record book is for minors only. */
export function isMinorOn(birthDate: string, day: string): boolean {
  const [year, month, dayOfMonth] = birthDate.split('-');
  return `${Number(year) + 18}-${month}-${dayOfMonth}` > day;
}
