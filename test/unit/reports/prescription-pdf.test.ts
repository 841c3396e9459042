// The expert's prescription as the PDF printed for the patient, read back by Debian's pdftotext:
// the mentions article R. 5132-3 of the code de la santé publique asks of an ordonnance (the
// prescriber's name, qualification and RPPS identifier, the date, the patient's names, sex and age,
// each medicine with its dose, frequency and duration), "non substituable" with its reason (arrêté
// du 12 novembre 2019), the INS only for a qualified identity, the signature's SHA-256, and the
// place of the national ordonnance numérique's identifier and QR code, marked as not issued.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NATIONAL_ID_NOT_ISSUED, renderPrescriptionPdf } from '../../../src/main/acts/prescription-pdf';
import { pdfText } from '../../helpers/pdf-text';
import { AMOXICILLIN, DRESSING, LEVOTHYROXINE, signedPrescription } from '../../helpers/prescriptions';
import { finishedEncounter, qualifiedPatient } from '../sync/fhir-samples';

const prescription = (over: Parameters<typeof signedPrescription>[0] = {}) =>
  signedPrescription({
    encounterId: finishedEncounter.id,
    patient: { birthName: 'LE GALL', usedName: 'MORVAN', firstName: 'ANNE', birthDate: '1956-12-03', sex: 'F' },
    lines: [AMOXICILLIN, LEVOTHYROXINE, DRESSING, { kind: 'biology', text: 'NFS, CRP à J7.' }],
    ...over,
  });

describe('prescription PDF', () => {
  it('carries what an ordonnance must say, each medicine whole, and her signature', async () => {
    const p = prescription();
    const pdf = await renderPrescriptionPdf({
      patient: qualifiedPatient,
      encounter: finishedEncounter,
      prescription: p,
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    for (const expected of [
      'Ordonnance',
      'Établie à distance, en téléconsultation — EHPAD Les Tilleuls, acte du 07/12/2026',
      'Nom : Anne KERLEAU',
      'Qualification : dermatologie',
      'Identifiant RPPS : 10001234567',
      'Nom de naissance : LE GALL',
      'Nom utilisé : MORVAN',
      'Prénom(s) de naissance : ANNE MARIE',
      'Date de naissance : 03/12/1956 (70 ans)',
      'Sexe : Féminin',
      'INS : 256122901900168 (OID 1.2.250.1.213.1.4.8) — identité qualifiée',
      '1. Amoxicilline 500 mg, gélule — 2 gélules, voie orale, 3 fois par jour, pendant 7 jours. Quantité : 2 boîtes.',
      '2. Lévothyroxine 50 µg, comprimé — 1 comprimé, le matin à jeun, pendant 3 mois. Non substituable (MTE).',
      'Examens de biologie – NFS, CRP à J7.',
      'Soins infirmiers – Pansement hydrocolloïde du talon tous les 3 jours.',
      'Signé électroniquement par Anne KERLEAU (RPPS 10001234567) le 07/12/2026 à 10:20.',
      `Empreinte SHA-256 de l’ordonnance signée : ${p.sha256}`,
      NATIONAL_ID_NOT_ISSUED,
    ])
      expect(text).toContain(expected);
    // The generic is allowed for amoxicillin: no mention on its line.
    expect(text).not.toMatch(/7 jours\. Quantité : 2 boîtes\. Non substituable/);
  });

  it('never prints the INS of an identity that is not qualified, and says a correction replaces a version', async () => {
    const pdf = await renderPrescriptionPdf({
      patient: { ...qualifiedPatient, identityStatus: 'VALI' },
      encounter: finishedEncounter,
      prescription: prescription({ replaces: randomUUID(), correctionReason: 'Durée portée à 10 jours' }),
    });
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).not.toContain('256122901900168');
    expect(text).toContain('INS : non communiqué (identité non qualifiée)');
    expect(text).toContain('Cette ordonnance corrige et remplace une version précédente : Durée portée à 10 jours.');
  });
});
