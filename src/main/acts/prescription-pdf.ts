// The expert's signed prescription (ordonnance) as the PDF the requesting site prints for the
// patient: what article R. 5132-3 of the code de la santé publique asks an ordonnance to carry (the
// prescriber's name, qualification and RPPS identifier, the date, the patient's names, sex and age,
// each medicine with its dose, frequency and duration), said as made at a distance, with the
// patient's identity traits as the INS rules want them shown (the INS only for a qualified
// identity), and her signature's SHA-256. The national "ordonnance numérique" gives each
// prescription an identifier and a QR code from its own service, which this station does not reach:
// their place is on the page, marked as not issued, never filled with a made-up number.
// Rendered with pdfkit and its standard fonts, like the report (report-pdf.ts).
import { frenchClock, startPdf } from './pdf-page';
import type { Encounter } from '../../shared/acts/encounter';
import {
  OTHER_LINE_KINDS,
  type MedicationLine,
  type OtherLine,
  type SignedPrescription,
} from '../../shared/acts/prescription';
import { medicationText, OTHER_LINE_TITLES } from '../../shared/acts/prescription-words';
import type { Patient } from '../../shared/patients/patient';
import { ageInYears } from '../../shared/stroke/thrombolysis-dose';

export interface PrescriptionPdfInput {
  patient: Patient;
  encounter: Encounter;
  prescription: SignedPrescription;
  timeZone?: string;
}

const SEX: Record<Patient['sex'], string> = { M: 'Masculin', F: 'Féminin', I: 'Indéterminé' };
export const NATIONAL_ID_NOT_ISSUED =
  'Identifiant et QR code de l’ordonnance numérique : non attribués (le service national n’est pas raccordé à cette station).';

export function renderPrescriptionPdf(input: PrescriptionPdfInput): Promise<Buffer> {
  const { patient, encounter, prescription: p } = input;
  const { day, time } = frenchClock(input.timeZone);
  const { doc, done, heading, line } = startPdf({
    Title: 'Ordonnance',
    Author: p.author.name,
    Subject: `${patient.birthName} ${patient.firstName}`,
    CreationDate: new Date(p.signedAt),
  });

  doc.font('Helvetica-Bold').fontSize(16).text('Ordonnance');
  doc
    .font('Helvetica')
    .fontSize(10.5)
    .text(`Établie à distance, en téléconsultation — ${encounter.site}, acte du ${day(p.signedAt)}`);

  heading('Prescripteur');
  line('Nom', p.author.name);
  if (p.author.specialty) line('Qualification', p.author.specialty);
  line('Identifiant RPPS', p.author.rpps);

  heading('Patient');
  line('Nom de naissance', patient.birthName);
  if (patient.usedName) line('Nom utilisé', patient.usedName);
  line('Prénom(s) de naissance', patient.birthFirstNames);
  if (patient.usedFirstName) line('Prénom utilisé', patient.usedFirstName);
  line(
    'Date de naissance',
    `${patient.birthDate.split('-').reverse().join('/')} (${ageInYears(patient.birthDate, new Date(p.signedAt))} ans)`,
  );
  line('Sexe', SEX[patient.sex]);
  if (patient.identityStatus === 'QUAL' && patient.ins)
    line('INS', `${patient.ins.matricule} (OID ${patient.ins.oid}) — identité qualifiée`);
  else line('INS', 'non communiqué (identité non qualifiée)');

  const medicines = p.lines.filter((l): l is MedicationLine => l.kind === 'medication');
  if (medicines.length > 0) {
    heading('Médicaments');
    medicines.forEach((m, i) => doc.text(`${i + 1}. ${medicationText(m)}`).moveDown(0.3));
  }
  for (const kind of OTHER_LINE_KINDS) {
    const lines = p.lines.filter((l): l is OtherLine => l.kind === kind);
    if (lines.length === 0) continue;
    heading(OTHER_LINE_TITLES[kind]);
    lines.forEach((l) => doc.text(`– ${l.text}`).moveDown(0.3));
  }

  doc
    .moveDown(1.2)
    .font('Helvetica-Oblique')
    .text(
      `Signé électroniquement par ${p.author.name} (RPPS ${p.author.rpps}) le ${day(p.signedAt)} à ${time(p.signedAt)}.`,
    );
  if (p.replaces) doc.text(`Cette ordonnance corrige et remplace une version précédente : ${p.correctionReason}.`);
  doc.font('Helvetica').fontSize(8).text(`Empreinte SHA-256 de l’ordonnance signée : ${p.sha256}`);
  doc.moveDown(0.8).fontSize(9).text(NATIONAL_ID_NOT_ISSUED);
  doc.end();
  return done;
}
