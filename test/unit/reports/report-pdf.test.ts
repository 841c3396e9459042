// The PDF report read back as text by Debian's pdftotext (poppler-utils): the identity traits,
// the INS only for a qualified identity, both sides' suggested codes, the author, the date and the body.
import { describe, expect, it } from 'vitest';
import { renderReportPdf } from '../../../src/main/acts/report-pdf';
import { pdfText as textOf } from '../../helpers/pdf-text';
import { finishedEncounter, qualifiedPatient, signedReport } from '../sync/fhir-samples';
import rawTable from '../../../resources/billing/teleconsultation-codes.json';
import { parseBillingTable, suggestBillingCodes } from '../../../src/shared/billing/act-billing-codes';

const table = parseBillingTable(rawTable);

describe('report PDF', () => {
  it('carries the identity traits, the INS of a qualified identity, both sides’ codes, the author, the date and the body', async () => {
    const pdf = await renderReportPdf({
      patient: qualifiedPatient,
      encounter: finishedEncounter,
      report: signedReport,
      billing: suggestBillingCodes(finishedEncounter, table),
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = textOf(pdf);
    for (const expected of [
      'Compte rendu de téléconsultation',
      'Nom de naissance : LE GALL',
      'Prénom(s) de naissance : ANNE MARIE',
      'Date de naissance : 03/12/1956',
      'Sexe : Féminin',
      'Lieu de naissance (code INSEE) : 29019',
      'Nom utilisé : MORVAN',
      'INS : 256122901900168 (OID 1.2.250.1.213.1.4.8) — identité qualifiée',
      'Cotation suggérée (aide à la cotation, à vérifier)',
      'Côté requérant : TLS (10 €)',
      'Côté expert : TC (tarif de la consultation de la spécialité)',
      'revue le 07/12/2026',
      `Signé par ${signedReport.author.name}`,
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain(new Date(signedReport.signedAt).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' }));
    for (const word of signedReport.text.split(/\s+/).slice(0, 8)) expect(text).toContain(word);
  });

  it('never prints the INS of an identity that is not qualified, and says when no code can be suggested', async () => {
    const pdf = await renderReportPdf({
      patient: { ...qualifiedPatient, identityStatus: 'VALI' },
      encounter: finishedEncounter,
      report: signedReport,
      billing: { unavailable: 'table des codes illisible' },
    });
    const text = textOf(pdf);
    expect(text).not.toContain('256122901900168');
    expect(text).toContain('INS : non communiqué (identité non qualifiée)');
    expect(text).toContain('Codes : non proposés (table des codes illisible)');
  });
});
