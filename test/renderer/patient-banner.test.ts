// The patient banner (issue 20, point 1): whom the screen is about, in French and English, with
// the age computed from the birth date and a visible warning while the identity is not qualified
// (identity vigilance, ANS "Référentiel national d'identitovigilance", RNIV 1, the four statuses).
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { PatientBanner, RegionPatientBanner } from '../../src/renderer/ui/patient-banner';
import type { Patient } from '../../src/shared/patients/patient';
import { INS_OID } from '../../src/shared/patients/ins';
import { textsIn } from '../helpers/texts';

const patient: Patient = {
  id: '0b8f5a2e-4a0c-4c1e-9d55-1f2d3c4b5a69',
  version: 1,
  birthName: 'DUPONT',
  firstName: 'Jeanne',
  birthFirstNames: 'Jeanne Marie',
  birthDate: '1948-03-15',
  sex: 'F',
  birthplaceCode: '69123',
  usedName: 'MARTIN',
  usedFirstName: null,
  identityStatus: 'PROV',
  ins: null,
  insRetrieval: null,
  typedIns: null,
  identityDocument: null,
  residenceCode: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

type RegionPatient = Parameters<typeof RegionPatientBanner>[0]['patient'];

async function render(language: 'fr' | 'en', p: Patient | RegionPatient): Promise<string> {
  const i18n = await textsIn(language);
  const now = new Date('2026-03-14T12:00:00Z'); // the day before her 78th birthday
  return renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n },
      'version' in p
        ? createElement(PatientBanner, { patient: p, now })
        : createElement(RegionPatientBanner, { patient: p, now }),
    ),
  );
}

describe('the patient banner', () => {
  it('names the patient by birth and used names, with birth date, age and sex, in French', async () => {
    const text = await render('fr', patient);
    expect(text).toContain('<strong>DUPONT</strong> Jeanne');
    expect(text).toContain('dit(e) MARTIN');
    expect(text).toContain('né(e) le 15/03/1948 · 77 ans');
    expect(text).toContain('Femme');
  });

  it('warns while the identity is not qualified, and shows no INS', async () => {
    const text = await render('fr', patient);
    expect(text).toContain('Identité provisoire');
    expect(text).toContain('identité non qualifiée');
    expect(text).not.toContain('INS ');
  });

  it('shows the INS and no warning once the identity is qualified, in English', async () => {
    const qualified: Patient = {
      ...patient,
      identityStatus: 'QUAL',
      ins: { matricule: '248036912312345', oid: INS_OID.NIR_TEST },
    };
    const text = await render('en', qualified);
    expect(text).toContain('Qualified identity');
    expect(text).toContain('INS 248036912312345');
    expect(text).toContain('born 15/03/1948 · 77 years');
    expect(text).not.toContain('not qualified');
  });

  it('shows a patient read from the region (the expert’s request) with the same traits, not qualified when unsaid', async () => {
    const region = { name: 'DUPONT Jeanne', birthDate: '1948-03-15', sex: 'female', ins: null, identityStatus: null };
    const text = await render('fr', region);
    expect(text).toContain('<strong>DUPONT Jeanne</strong>');
    expect(text).toContain('né(e) le 15/03/1948 · 77 ans');
    expect(text).toContain('Femme');
    expect(text).toContain('identité non qualifiée');
    const qualified = await render('fr', { ...region, identityStatus: 'QUAL', ins: '248036912312345' });
    expect(qualified).toContain('Identité qualifiée');
    expect(qualified).toContain('INS 248036912312345');
  });
});
