// A signed report as the PDF the patient takes home: its act, patient and author looked up,
// the reimbursement code chosen from the act-code table for the act's day and the signer's
// profession, and the PDF rendered.
import { actCodeFor, type ActCodeAnswer } from '../../shared/billing/act-codes';
import type { Profession } from '../../shared/billing/act-codes-table';
import type { Encounter, Report } from '../../shared/encounter';
import { dayInFrance } from '../../shared/france-time';
import { AppFailure } from '../contract/failure';
import type { EncounterRepository } from '../db/encounter-repository';
import type { PatientRepository } from '../db/patient-repository';
import { renderReportPdf } from '../reports/report-pdf';

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

export function createReportPdfService(deps: { encounters: EncounterRepository; patients: PatientRepository }) {
  return {
    async pdf(reportId: string): Promise<{ fileName: string; data: string }> {
      const report = deps.encounters.report(reportId);
      const encounter = report ? deps.encounters.get(report.encounterId) : null;
      const patient = encounter ? deps.patients.get(encounter.patientId) : null;
      if (!report || !encounter || !patient) throw new AppFailure('not_found', 'This report is not on this station.');
      const profession = professionOf(report, encounter);
      // The act's day in France, where the code's dates of validity are set.
      const day = dayInFrance(encounter.startedAt ?? encounter.createdAt);
      let actCode: { code: string; label: string } | { none: string };
      if (encounter.act !== 'teleconsultation' && encounter.act !== 'teleexpertise') actCode = { none: 'acte sans code de télémédecine' };
      else if (!profession) actCode = { none: 'spécialité du signataire non précisée' };
      else {
        const answer = actCodeFor({ act: encounter.act, role: 'expert', profession, date: day });
        actCode = answer.ok ? { code: answer.line.code, label: answer.line.label } : { none: REASONS[answer.reason] };
      }
      const pdf = await renderReportPdf({ patient, encounter, report, actCode });
      const name = `${patient.birthName}-${patient.firstName}`.normalize('NFD').replace(/[^A-Za-z0-9-]+/g, '-');
      return { fileName: `compte-rendu-${name}-${day}.pdf`, data: pdf.toString('base64') };
    },
  };
}
