// A signed report as the PDF the patient takes home and the region files: its act, patient and
// author looked up, the reimbursement code chosen from the act-code table for the act's day and
// the signer's profession, the PDF rendered once and kept with its SHA-256. What is printed
// afterwards is always those kept bytes, never a new rendering.
import { createHash } from 'node:crypto';
import { actCodeFor, type ActCodeAnswer } from '../../shared/billing/act-codes';
import type { Profession } from '../../shared/billing/act-codes-table';
import type { Encounter, Report } from '../../shared/acts/encounter';
import { dayInFrance } from '../../shared/france-time';
import { AppFailure } from '../contract/failure';
import type { EncounterRepository } from './encounter-repository';
import type { PatientRepository } from '../patients';
import type { ReportPdfRepository, StoredReportPdf } from './report-pdf-repository';
import { renderReportPdf } from './report-pdf';

const REASONS: Record<Exclude<ActCodeAnswer, { ok: true }>['reason'], string> = {
  no_code_on_date: 'aucun code à la date de l’acte',
  profession_cannot_bill: 'profession du signataire sans code pour cet acte',
  level_needed: 'niveau de téléexpertise à préciser',
  setting_needed: 'lieu de l’accompagnement à préciser',
};

/** The signer's profession as the table knows it, from the report's author and the act's expert. */
function professionOf(report: Report, encounter: Encounter): Profession | null {
  if (report.author.role === 'midwife') return 'midwife';
  if (report.author.role !== 'physician') return null;
  const specialty = report.author.specialty ?? encounter.expert?.specialty ?? encounter.specialty;
  if (!specialty) return null;
  return /g[ée]n[ée]ral/i.test(specialty) ? 'general_practitioner' : 'specialist';
}

function actCodeOf(
  report: Report,
  encounter: Encounter,
  day: string,
): { code: string; label: string } | { none: string } {
  if (encounter.act !== 'teleconsultation' && encounter.act !== 'teleexpertise')
    return { none: 'acte sans code de télémédecine' };
  const profession = professionOf(report, encounter);
  if (!profession) return { none: 'spécialité du signataire non précisée' };
  const answer = actCodeFor({ act: encounter.act, role: 'expert', profession, date: day });
  return answer.ok ? { code: answer.line.code, label: answer.line.label } : { none: REASONS[answer.reason] };
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
  encounters: EncounterRepository;
  patients: PatientRepository;
  pdfs: ReportPdfRepository;
  now: () => Date;
}

export function createReportPdfService(deps: ReportPdfServiceDeps) {
  /** Renders the report as signed on this act (not kept: the caller keeps it with the report). */
  /**
   * `signedSha256`: the hash the act's expert signed, for a report received from her; a report
   * written here is hashed here, over the same facts the PDF prints.
   */
  async function render(report: Report, encounter: Encounter, signedSha256?: string): Promise<StoredReportPdf> {
    const patient = deps.patients.get(encounter.patientId);
    if (!patient) throw new AppFailure('not_found', 'This patient is not recorded on this station.');
    // The act's day in France, where the code's dates of validity are set.
    const day = dayInFrance(encounter.startedAt ?? encounter.createdAt);
    const reportSha256 = signedSha256 ?? localReportSha256(report);
    const data = await renderReportPdf({
      patient,
      encounter,
      report,
      actCode: actCodeOf(report, encounter, day),
      reportSha256,
    });
    const name = `${patient.birthName}-${patient.firstName}`.normalize('NFD').replace(/[^A-Za-z0-9-]+/g, '-');
    return {
      reportId: report.id,
      fileName: `compte-rendu-${name}-${day}.pdf`,
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      data,
      renderedAt: deps.now().toISOString(),
    };
  }

  /**
   * The report's kept PDF. A report signed before PDFs were kept has none: it is rendered and
   * kept now, once, and that copy is the one from then on (printed and sent alike).
   */
  async function sealed(reportId: string): Promise<StoredReportPdf> {
    const kept = deps.pdfs.get(reportId);
    if (kept) return kept;
    const report = deps.encounters.report(reportId);
    const encounter = report ? deps.encounters.get(report.encounterId) : null;
    if (!report || !encounter) throw new AppFailure('not_found', 'This report is not on this station.');
    deps.pdfs.add(await render(report, encounter));
    return deps.pdfs.get(reportId)!;
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
