// The signed report of an act as a PDF the patient can take home and the region can file: the
// patient's identity traits as the INS rules want them shown (the INS only for a qualified
// identity), the act and the billing codes suggested for each side (decision help, marked so),
// who asked and who answered, the body, and the signature with its time. Rendered with pdfkit and its standard fonts (no font file to ship).
import { frenchClock, startPdf } from './pdf-page';
import type { Encounter, Report } from '../../shared/acts/encounter';
import type { Patient } from '../../shared/patients/patient';
import { REPORT_TITLES as TITLES } from '../../shared/acts/report-titles';
import type { BillingSuggestion, BillingSuggestions, NoCodeReason } from '../../shared/billing/act-billing-codes';

export interface ReportPdfInput {
  patient: Patient;
  encounter: Encounter;
  report: Report;
  /** The codes each side may bill, or why none can be suggested. */
  billing: BillingSuggestions | { unavailable: string };
  /** The report's SHA-256: as the expert signed it, or computed here for a report written here. */
  reportSha256?: string;
  timeZone?: string;
}

const SEX: Record<Patient['sex'], string> = { M: 'Masculin', F: 'Féminin', I: 'Indéterminé' };

const NO_CODE: Record<NoCodeReason, string> = {
  no_code_for_act_type: 'pas de code pour ce type d’acte',
  not_assisted: 'téléconsultation sans accompagnement',
  expert_unknown: 'expert non renseigné',
  profession_cannot_bill: 'profession sans code pour cet acte',
  no_code_on_date: 'aucun code à la date de l’acte',
};

const euros = (eur: number | null) => (eur === null ? 'tarif de la consultation de la spécialité' : `${eur} €`);

/** One side's candidates, each with its tariff, on one line: "TLS (10 €) — label ; ou TLL …". */
export function billingLine(s: BillingSuggestion): string {
  if (s.kind === 'none') return `aucun code (${NO_CODE[s.reason]})`;
  return s.codes.map((c) => `${c.code} (${euros(c.tariffEur)}) — ${c.label}`).join(' ; ou ');
}

export function renderReportPdf(input: ReportPdfInput): Promise<Buffer> {
  const { patient, encounter, report } = input;
  const { day, time } = frenchClock(input.timeZone);
  const birthDate = patient.birthDate.split('-').reverse().join('/');

  const { doc, done, heading, line } = startPdf({
    Title: TITLES[encounter.act],
    Author: report.author.name,
    Subject: `${patient.birthName} ${patient.firstName}`,
    CreationDate: new Date(report.signedAt),
  });

  doc.font('Helvetica-Bold').fontSize(16).text(TITLES[encounter.act]);
  doc
    .font('Helvetica')
    .fontSize(10.5)
    .text(`${encounter.site} — acte du ${day(encounter.startedAt ?? encounter.createdAt)}`);

  heading('Patient');
  line('Nom de naissance', patient.birthName);
  line('Prénom(s) de naissance', patient.birthFirstNames);
  line('Premier prénom de naissance', patient.firstName);
  line('Date de naissance', birthDate);
  line('Sexe', SEX[patient.sex]);
  line('Lieu de naissance (code INSEE)', patient.birthplaceCode);
  if (patient.usedName) line('Nom utilisé', patient.usedName);
  if (patient.usedFirstName) line('Prénom utilisé', patient.usedFirstName);
  if (patient.identityStatus === 'QUAL' && patient.ins)
    line('INS', `${patient.ins.matricule} (OID ${patient.ins.oid}) — identité qualifiée`);
  else
    line(
      'INS',
      `non communiqué (identité ${patient.identityStatus === 'QUAL' ? 'qualifiée sans INS' : 'non qualifiée'})`,
    );

  heading('Acte');
  line('Motif', encounter.reason);
  line(
    'Demandé par',
    `${encounter.requester.name}${encounter.requester.rpps ? ` (RPPS ${encounter.requester.rpps})` : ''}`,
  );
  if (encounter.expert)
    line(
      'Expert',
      `${encounter.expert.name}${encounter.expert.specialty ? `, ${encounter.expert.specialty}` : ''}${encounter.expert.rpps ? ` (RPPS ${encounter.expert.rpps})` : ''}`,
    );

  // Decision help for whoever bills, never an order: each candidate's conditions are in the table.
  heading('Cotation suggérée (aide à la cotation, à vérifier)');
  if ('unavailable' in input.billing) line('Codes', `non proposés (${input.billing.unavailable})`);
  else {
    line('Côté requérant', billingLine(input.billing.requesting));
    line('Côté expert', billingLine(input.billing.expert));
    doc
      .fontSize(9)
      .text(
        `Source : ${input.billing.table.title}, revue le ${input.billing.table.reviewed.split('-').reverse().join('/')}.`,
      );
    doc.fontSize(10.5);
  }

  heading('Compte rendu');
  doc.text(report.text, { align: 'left' });

  doc
    .moveDown(1.2)
    .font('Helvetica-Oblique')
    .text(
      `Signé par ${report.author.name}${report.author.rpps ? ` (RPPS ${report.author.rpps})` : ''} le ${day(report.signedAt)} à ${time(report.signedAt)}.`,
    );
  if (report.replaces) doc.text('Ce compte rendu corrige et remplace une version précédente.');
  if (input.reportSha256)
    doc.font('Helvetica').fontSize(8).text(`Empreinte SHA-256 du compte rendu signé : ${input.reportSha256}`);
  doc.end();
  return done;
}
