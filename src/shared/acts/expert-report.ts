// The report (compte rendu) as the expert writes and signs it on her own station, and as it
// reaches the requesting station's act: over the call's data channel during the call, or through
// the regional hub after it. In French telemedicine the expert (the "médecin requis") writes and
// signs the report; the requesting site keeps the act. Parsed wherever it arrives: it comes from
// another station and is expected to be garbage until proven otherwise.
import { z } from 'zod';
import { PeerIdSchema } from '../hub-protocol';
import { EncounterIdSchema, RppsSchema } from './encounter';

/** The report's sections, in the order a reader expects them. */
export const REPORT_SECTIONS = ['motif', 'histoire', 'examen', 'mesures', 'conclusion', 'conduite', 'suivi'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/** The section headings as printed in the act's record (French: the record is French). */
export const SECTION_TITLES: Record<ReportSection, string> = {
  motif: 'Motif',
  histoire: 'Histoire',
  examen: 'Examen à distance',
  mesures: 'Mesures',
  conclusion: 'Conclusion',
  conduite: 'Conduite à tenir',
  suivi: 'Suivi',
};

const section = z.string().trim().max(20_000);

export const ReportSectionsSchema = z.strictObject({
  motif: section,
  histoire: section,
  examen: section,
  mesures: section,
  // A report without a conclusion is a draft, not a report.
  conclusion: section.min(1, 'field.required'),
  conduite: section,
  suivi: section,
});
export type ReportSections = z.infer<typeof ReportSectionsSchema>;

/** Who signed: her signed-in identity on her station, and who she is on the regional hub. */
export const ReportSignerSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  rpps: RppsSchema,
  specialty: z.string().trim().max(100).nullable(),
  /** Her identity on the hub (her token's subject): the requesting station checks it against its call. */
  hubId: PeerIdSchema,
});
export type ReportSigner = z.infer<typeof ReportSignerSchema>;

export const SignedExpertReportSchema = z
  .strictObject({
    id: z.uuid(),
    encounterId: EncounterIdSchema,
    sections: ReportSectionsSchema,
    author: ReportSignerSchema,
    signedAt: z.iso.datetime({ offset: true }),
    /** The version this one corrects; the first one is kept. */
    replaces: z.uuid().nullable(),
    correctionReason: z.string().trim().min(1).max(1000).nullable(),
    /** SHA-256 (hex) of the report's content (expertReportContent): checked on arrival, printed on the PDF. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .refine((r) => (r.replaces === null) === (r.correctionReason === null), {
    message: 'report.correction_reason',
    path: ['correctionReason'],
  });
export type SignedExpertReport = z.infer<typeof SignedExpertReportSchema>;

/** The report as the act's text: each section that was written, under its heading. */
export function expertReportText(sections: ReportSections): string {
  return REPORT_SECTIONS.filter((key) => sections[key].trim() !== '')
    .map((key) => `${SECTION_TITLES[key]}\n${sections[key].trim()}`)
    .join('\n\n');
}

/**
 * What the report's SHA-256 is computed over: every field but the hash, in a fixed order, so that
 * both stations compute the same bytes whatever order a parser kept the keys in.
 */
export function expertReportContent(report: Omit<SignedExpertReport, 'sha256'>): string {
  return JSON.stringify([
    'relais-expert-report-v1',
    report.id,
    report.encounterId,
    REPORT_SECTIONS.map((key) => report.sections[key]),
    [report.author.name, report.author.rpps, report.author.specialty, report.author.hubId],
    report.signedAt,
    report.replaces,
    report.correctionReason,
  ]);
}
