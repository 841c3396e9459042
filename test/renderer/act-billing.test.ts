// The act's billing card (issue 21, point 7): both sides' codes with their tariffs, marked as help
// and never an order, "no code" with its reason, and the refusal when the table cannot be read,
// in French and English. The codes come from the shipped table through the same rule main uses.
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import rawTable from '../../resources/billing/teleconsultation-codes.json';
import { parseBillingTable, suggestBillingCodes } from '../../src/shared/billing/act-billing-codes';
import { finishedEncounter } from '../unit/sync/fhir-samples';
import { textsIn } from '../helpers/texts';

vi.mock('../../src/renderer/api', () => ({ relais: {}, stationMode: 'browser', hasStationKey: true }));

const { ActBillingView } = await import('../../src/renderer/features/acts/act-billing');

async function render(language: 'fr' | 'en', element: ReactElement): Promise<string> {
  const i18n = await textsIn(language);
  const html = renderToStaticMarkup(createElement(I18nextProvider, { i18n }, element));
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

const table = parseBillingTable(rawTable);

describe('the act’s billing card', () => {
  it('shows the nurse’s and the specialist’s codes with their tariffs, as help to check', async () => {
    const suggestions = suggestBillingCodes(finishedEncounter, table);
    const text = await render('fr', createElement(ActBillingView, { suggestions, error: null }));
    expect(text).toContain('Côté requérant');
    expect(text).toContain('TLS 10 € — Accompagnement');
    expect(text).toContain('TLL 12 €');
    expect(text).toContain('Côté expert');
    expect(text).toContain('TC tarif de la consultation de la spécialité');
    expect(text).toContain('jamais une consigne');
    expect(text).toContain('revue le 07/12/2026');
    expect(text).toMatch(/Source : Téléconsultation : tarification et facturation/);
  });

  it('says why a side has no code, in French and English', async () => {
    const suggestions = suggestBillingCodes({ ...finishedEncounter, assisted: false, expert: null }, table);
    const fr = await render('fr', createElement(ActBillingView, { suggestions, error: null }));
    expect(fr).toContain('Téléconsultation sans accompagnement : pas de code pour le site requérant.');
    expect(fr).toContain('L’expert n’est pas encore connu');
    const en = await render('en', createElement(ActBillingView, { suggestions, error: null }));
    expect(en).toContain('Billing (suggestion)');
    expect(en).toContain('The expert is not known yet');
  });

  it('says plainly when the table cannot be read, and what to do', async () => {
    const error = { code: 'billing_unavailable' as const, message: 'The table cannot be read.' };
    const text = await render('fr', createElement(ActBillingView, { suggestions: null, error }));
    expect(text).toContain('La table des codes de facturation fournie avec Relais est illisible');
    expect(text).toContain('réinstaller Relais');
  });
});
