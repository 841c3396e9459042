// A signed report as the PDF the patient takes home and the region files: its act, patient and
// author looked up, both sides' billing codes suggested from the one table for the act's day, the
// PDF rendered once and kept with its SHA-256 (kept-pdf.ts). What is printed afterwards is always
// those kept bytes, never a new rendering.
import { createHash } from 'node:crypto';
import type { Encounter, Report } from '../../shared/acts/encounter';
import { dayInFrance } from '../../shared/france-time';
import { AppFailure } from '../contract/failure';
import type { EncounterRepository } from './encounter-repository';
import type { PatientRepository } from '../patients';
import type { ReportPdfRepository, StoredReportPdf } from './report-pdf-repository';
import type { BillingCodes } from './billing-codes';
import { renderReportPdf, type ReportPdfInput } from './report-pdf';
import { documentFileName, keptOnce, keptPdf, type KeptPdf } from './kept-pdf';

/** Both sides' suggested codes for the PDF, or why there are none (the table unreadable). */
function billingOf(billing: BillingCodes, encounter: Encounter): ReportPdfInput['billing'] {
  try {
    return billing.suggest(encounter);
  } catch (error) {
    if (error instanceof AppFailure) return { unavailable: 'table des codes illisible' };
    throw error;
  }
}

/** A report written on this station: its SHA-256 over who signed what, when. */
function localReportSha256(report: Report): string {
  const content = JSON.stringify([
    'relais-report-v1',
    report.id,
    report.encounterId,
    report.text,
    report.author.name,
    report.author.rpps,
    report.signedAt,
    report.replaces,
  ]);
  return createHash('sha256').update(content).digest('hex');
}

export interface ReportPdfServiceDeps {
  billing: BillingCodes;
  encounters: EncounterRepository;
  patients: PatientRepository;
  pdfs: ReportPdfRepository;
  now: () => Date;
}

export function createReportPdfService(deps: ReportPdfServiceDeps) {
  /**
   * Renders the report as signed on this act (not kept: the caller keeps it with the report).
   * `signedSha256`: the hash the act's expert signed, for a report received from her; a report
   * written here is hashed here, over the same facts the PDF prints.
   */
  async function render(report: Report, encounter: Encounter, signedSha256?: string): Promise<StoredReportPdf> {
    const patient = deps.patients.get(encounter.patientId);
    if (!patient) throw new AppFailure('not_found', 'This patient is not recorded on this station.');
    // The act's day in France, where the code's dates of validity are set.
    const day = dayInFrance(encounter.startedAt ?? encounter.createdAt);
    const reportSha256 = signedSha256 ?? localReportSha256(report);
    // An act whose expert was not named (a report signed at the station by the physician who
    // performed it): its signer is the expert side, as the report's author.
    const signer = report.author.role === 'physician' || report.author.role === 'midwife' ? report.author : null;
    const billing = billingOf(deps.billing, { ...encounter, expert: encounter.expert ?? signer });
    const data = await renderReportPdf({ patient, encounter, report, billing, reportSha256 });
    return { reportId: report.id, ...keptPdf(data, documentFileName('compte-rendu', patient, day), deps.now()) };
  }

  // The reports' kept PDFs as keptOnce reads and keeps them (by the report's id).
  const pdfs = {
    get: (reportId: string) => deps.pdfs.get(reportId),
    add: (reportId: string, pdf: KeptPdf) => deps.pdfs.add({ reportId, ...pdf }),
  };
  /**
   * The report's kept PDF. A report signed before PDFs were kept has none: it is rendered and
   * kept now, once, and that copy is the one from then on (printed and sent alike).
   */
  function sealed(reportId: string): Promise<StoredReportPdf> {
    return keptOnce(pdfs, reportId, () => {
      const report = deps.encounters.report(reportId);
      const encounter = report ? deps.encounters.get(report.encounterId) : null;
      if (!report || !encounter) throw new AppFailure('not_found', 'This report is not on this station.');
      return render(report, encounter);
    });
  }

  return {
    render,
    sealed,
    kept: (reportId: string): StoredReportPdf | null => deps.pdfs.get(reportId),
    async pdf(reportId: string): Promise<{ fileName: string; data: string }> {
      const pdf = await sealed(reportId);
      return { fileName: pdf.fileName, data: pdf.data.toString('base64') };
    },
  };
}
export type ReportPdfService = ReturnType<typeof createReportPdfService>;
