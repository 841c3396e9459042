// The expert's prescriptions on the act (issue 21, point 5), in French and English: each line in
// words (the medicine whole with "Non substituable (MTE)", another line with its kind), who signed
// it with her RPPS and specialty, a correction's reason and the version it replaced marked, and
// the buttons to print or save its kept PDF (printing only in the cabin, where no file dialog opens).
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { BLOOD_TEST, LEVOTHYROXINE, signedPrescription } from '../helpers/prescriptions';
import { textsIn } from '../helpers/texts';

vi.mock('../../src/renderer/api', () => ({ relais: {}, stationMode: 'browser', hasStationKey: true }));

const { PrescriptionCards } = await import('../../src/renderer/features/acts/act-prescriptions');

const first = signedPrescription({ lines: [LEVOTHYROXINE, BLOOD_TEST] });
const correction = signedPrescription({
  lines: [{ ...LEVOTHYROXINE, duration: '6 mois' }],
  replaces: first.id,
  correctionReason: 'Durée portée à 6 mois',
  signedAt: '2026-12-07T11:00:00.000+01:00',
});

async function render(language: 'fr' | 'en', cabin = false): Promise<string> {
  const i18n = await textsIn(language);
  const element = createElement(PrescriptionCards, { prescriptions: [first, correction], cabin });
  const html = renderToStaticMarkup(createElement(I18nextProvider, { i18n }, element));
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('the expert’s prescriptions on the act', () => {
  it('says each line in words, who signed it and when, and marks the one a correction replaced', async () => {
    const text = await render('fr');
    expect(text).toContain(
      'Lévothyroxine 50 µg, comprimé — 1 comprimé, le matin à jeun, pendant 3 mois. Non substituable (MTE).',
    );
    expect(text).toContain('Biologie : NFS, CRP');
    expect(text).toContain('Signée par Anne KERLEAU (dermatologie, RPPS 10001234567) le 07/12/2026');
    expect(text).toContain('remplacée par une correction');
    expect(text).toContain('Corrige l’ordonnance précédente : Durée portée à 6 mois');
    expect(text.match(/Imprimer l’ordonnance/g)).toHaveLength(2);
    expect(text.match(/Télécharger le PDF/g)).toHaveLength(2);
  });

  it('speaks English around what the expert wrote', async () => {
    const text = await render('en');
    expect(text).toContain('le matin à jeun, for 3 mois. Not substitutable (MTE).');
    expect(text).toContain('Laboratory tests : NFS, CRP');
    expect(text).toContain('Signed by Anne KERLEAU (dermatologie, RPPS 10001234567)');
    expect(text).toContain('replaced by a correction');
  });

  it('offers only printing in the cabin', async () => {
    const text = await render('fr', true);
    expect(text).toContain('Imprimer l’ordonnance');
    expect(text).not.toContain('Télécharger le PDF');
  });
});
