// The act's report (compte rendu) -> FHIR R4: the signed PDF (the document the patient was given)
// and the signed text, each as a Binary, and a DocumentReference that describes them: a report
// (class "Compte rendu" of the French document classes; type LOINC 11488-4 consult note) of
// téléconsultation or téléexpertise for the patient and the act, its author by IdNatPS, the time
// it was signed, each content's size and SHA-1 (and the PDF's SHA-256 as an identifier), and the
// report it replaces when it is a correction; a replaced report is superseded. The text Binary and
// the DocumentReference share the report's id; the PDF's Binary id is derived from it.
import { createHash } from 'node:crypto';
import type { Binary, DocumentReference } from '@medplum/fhirtypes';
import type { Encounter, Report } from '../../../shared/acts/encounter';
import { REPORT_TITLES } from '../../../shared/acts/report-titles';
import { SHA256_SYSTEM } from './media';
import { nameBasedUuid } from './name-based-id';
import { professionalReference } from './practitioner';
import { SYSTEM, uuidIdentifier } from './systems';

const TEXT_TYPE = 'text/plain; charset=utf-8';
const PDF_TYPE = 'application/pdf';

/** The kept PDF of a signed report, as the DocumentReference describes it. */
export interface ReportPdfContent {
  size: number;
  sha256: string;
  /** SHA-1 in base64: FHIR's Attachment.hash. */
  sha1Base64: string;
}

export const reportPdfBinaryId = (reportId: string): string => nameBasedUuid(`report-pdf\n${reportId}`);

const sha1Base64 = (bytes: Buffer) => createHash('sha1').update(bytes).digest('base64');

/** What the DocumentReference says of a kept PDF's bytes. */
export const reportPdfContent = (data: Buffer, sha256: string): ReportPdfContent => ({
  size: data.length,
  sha256,
  sha1Base64: sha1Base64(data),
});

export function reportToBinary(report: Report): Binary {
  return {
    resourceType: 'Binary',
    id: report.id,
    contentType: TEXT_TYPE,
    data: Buffer.from(report.text, 'utf8').toString('base64'),
  };
}

export function reportPdfToBinary(reportId: string, data: Buffer): Binary {
  return {
    resourceType: 'Binary',
    id: reportPdfBinaryId(reportId),
    contentType: PDF_TYPE,
    data: data.toString('base64'),
  };
}

/**
 * The report's DocumentReference. `pdf` is null only for a report whose PDF is not kept yet
 * (signed before PDFs were kept, and not yet sent): its text alone is described then.
 */
export function reportToDocumentReference(
  report: Report,
  encounter: Encounter,
  options: { pdf: ReportPdfContent | null; superseded: boolean },
): DocumentReference {
  const text = Buffer.from(report.text, 'utf8');
  const { pdf } = options;
  const title = REPORT_TITLES[encounter.act];
  return {
    resourceType: 'DocumentReference',
    id: report.id,
    masterIdentifier: uuidIdentifier(report.id),
    ...(pdf ? { identifier: [{ system: SHA256_SYSTEM, value: pdf.sha256 }] } : {}),
    status: options.superseded ? 'superseded' : 'current',
    docStatus: 'final',
    type: { coding: [{ system: SYSTEM.loinc, code: SYSTEM.reportType, display: 'Consult note' }], text: title },
    category: [{ coding: [{ system: SYSTEM.documentClass, code: SYSTEM.reportClass, display: 'Compte rendu' }] }],
    subject: { reference: `Patient/${encounter.patientId}` },
    date: report.signedAt,
    author: [professionalReference(report.author)],
    authenticator: professionalReference(report.author),
    ...(report.replaces
      ? { relatesTo: [{ code: 'replaces', target: { reference: `DocumentReference/${report.replaces}` } }] }
      : {}),
    content: [
      ...(pdf
        ? [
            {
              attachment: {
                contentType: PDF_TYPE,
                language: 'fr',
                url: `Binary/${reportPdfBinaryId(report.id)}`,
                size: pdf.size,
                hash: pdf.sha1Base64,
                title: `${title} (PDF signé)`,
                creation: report.signedAt,
              },
            },
          ]
        : []),
      {
        attachment: {
          contentType: TEXT_TYPE,
          language: 'fr',
          url: `Binary/${report.id}`,
          size: text.length,
          hash: sha1Base64(text),
          title: `${title} (texte)`,
          creation: report.signedAt,
        },
      },
    ],
    context: {
      encounter: [{ reference: `Encounter/${encounter.id}` }],
      ...(encounter.startedAt
        ? { period: { start: encounter.startedAt, ...(encounter.endedAt ? { end: encounter.endedAt } : {}) } }
        : {}),
    },
  };
}
