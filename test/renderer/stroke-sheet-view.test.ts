// The stroke sheet as it reads on screen, in French and in English (issue 18, points 6, 8, 9, 10):
// the NIHSS buttons carry the definitions of the NINDS NIH Stroke Scale (rev. 10/1/2003), its
// "untestable" is written NT in French, a subtotal shows while scoring and the coma rules are
// named; onset and last known well offer a date, a time and "Inconnu", never "Maintenant"; the
// windows count from last known well with their sources (AHA/ASA 2019, ESO 2021); the
// tenecteplase dose shows the band of the Metalyse SmPC (4.2) beside the exact 0.25 mg/kg; the
// decision says it is help, not an order, and is not offered over an unanswered checklist.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { StrokeSheetView } from '../../src/renderer/features/stroke/stroke-sheet-view';
import { applyStrokeChange, emptySheet, StrokeChangeSchema, type StrokeSheet } from '../../src/shared/stroke/sheet';
import { textsIn } from '../helpers/texts';

const ACT = '0d9f4c3e-8a57-4f5e-9d61-1c2b3a4d5e6f';
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

function sheetWith(changes: unknown[]): StrokeSheet {
  return changes.reduce<StrokeSheet>(
    (sheet, c, i) =>
      applyStrokeChange(
        sheet,
        StrokeChangeSchema.parse(c),
        'Dr Kerleau',
        `2026-11-23T10:${String(i).padStart(2, '0')}:00.000Z`,
      ),
    emptySheet(ACT),
  );
}

async function renderHtml(
  language: 'fr' | 'en',
  sheet: StrokeSheet,
  birthDate: string | null = '1951-06-30',
): Promise<string> {
  const i18n = await textsIn(language);
  return renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n },
      createElement(StrokeSheetView, { sheet, birthDate, onChange: () => undefined }),
    ),
  );
}

/** The words a person reads, tags removed. */
const render = async (language: 'fr' | 'en', sheet: StrokeSheet, birthDate?: string | null) =>
  (await renderHtml(language, sheet, birthDate))
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, '’')
    .replace(/\s+/g, ' ');

describe('the NIHSS on screen (NINDS NIH Stroke Scale)', () => {
  it('puts the scale’s definition on each score button, and writes untestable NT in French', async () => {
    const text = await render('fr', emptySheet(ACT));
    expect(text).toContain('0 Vigilant, réagit vivement');
    expect(text).toContain('1 Non vigilant, éveillable par une stimulation mineure');
    expect(text).toContain('3 Réponses réflexes seules ou aucune réponse (coma)');
    expect(text).toContain('4 Aucun mouvement');
    expect(text).toContain('NT Non testable : amputation, arthrodèse');
    expect(text).toContain('NT Non testable : intubation, obstacle physique');
    expect(text).not.toMatch(/\bUN\b/);
    const english = await render('en', emptySheet(ACT));
    expect(english).toContain('0 Alert; keenly responsive');
    expect(english).toContain('UN Untestable: amputation, joint fusion');
  });

  it('shows the running subtotal and names the coma rules of the instructions', async () => {
    const text = await render(
      'fr',
      sheetWith([
        { kind: 'nihss', item: '1a', score: 3 },
        { kind: 'nihss', item: '9', score: 1 },
        { kind: 'nihss_untestable', item: '10', reason: 'intubation' },
      ]),
    );
    expect(text).toContain('Sous-total : 4 (3 item(s) coté(s) sur 15)');
    expect(text).toContain('8 = 2 et 9 = 3 d’office');
    expect(text).toContain('À corriger selon ces règles : 9 coté 1, l’échelle donne 3.');
    expect(text).toContain('NT : Intubation');
  });
});

describe('the timeline and the windows (AHA/ASA 2019 §3.5.1 and §3.7; ESO 2021)', () => {
  it('asks onset and last known well for a date and a time or “Inconnu”, and offers “Maintenant” for the others only', async () => {
    const html = await renderHtml('fr', emptySheet(ACT));
    expect(html).not.toContain('type="time"');
    expect(html).not.toContain('type="date"');
    for (const past of ['Début des symptômes', 'Dernière fois vu normal']) {
      expect(html).not.toContain(`aria-label="${past} : maintenant"`);
      expect(html).toContain(`aria-label="${past} : inconnu"`);
      expect(html).toContain(`aria-label="Date de : ${past} (JJ/MM/AAAA)"`);
      expect(html).toContain(`aria-label="Heure de : ${past} (HH:MM, sur 24 h)"`);
    }
    for (const now of ['Arrivée aux urgences', 'Imagerie', 'Décision', 'Début de la thrombolyse', 'Ponction fémorale'])
      expect(html).toContain(`aria-label="${now} : maintenant"`);
    expect(html).not.toContain('aria-pressed="true"'); // nothing pre-selected
    const text = await render('fr', emptySheet(ACT));
    expect(text).toContain('Fenêtres de traitement');
    expect(text).toContain('Saisissez le début des symptômes ou la dernière fois vu normal');
  });

  it('counts the 4 h 30 from last known well when both times are entered, shows both, and names its sources', async () => {
    const text = await render(
      'fr',
      sheetWith([
        { kind: 'milestone', milestone: 'last_known_well', at: ago(120) },
        { kind: 'milestone', milestone: 'onset', at: ago(60) },
      ]),
    );
    expect(text).toContain('Depuis le début des symptômes : 1 h 00 ; depuis la dernière fois vu normal : 2 h 00');
    expect(text).toContain('Thrombolyse IV (4 h 30) : reste 2 h 30');
    expect(text).toContain('Thrombectomie (6 h) : reste 4 h 00');
    expect(text).toContain('AHA/ASA 2019 (§ 3.5.1 et § 3.7) et ESO 2021');
  });
});

describe('the thrombolysis help and the decision', () => {
  it('shows the tenecteplase dose of the label’s band beside the exact 0.25 mg/kg (Metalyse SmPC 4.2)', async () => {
    const text = await render('fr', sheetWith([{ kind: 'weight', kg: 75, source: 'measured' }]));
    expect(text).toContain(
      'le tableau du RCP donne 20 mg (4 mL à 5 mg/mL) pour 70 à moins de 80 kg ; c’est la dose à préparer. Calcul exact : 0,25 mg/kg × 75 kg = 18,75 mg.',
    );
    expect(text).toContain('RCP d’Actilyse (altéplase) et de Metalyse 25 mg (ténectéplase), rubrique 4.2');
  });

  it('says the decision is help, not an order, and warns of a patient under 18', async () => {
    const text = await render('fr', emptySheet(ACT), '2012-01-01');
    expect(text).toContain('Aide à la décision, pas une prescription');
    expect(text).toMatch(/Patient de moins de 18 ans \(\d+ ans\)/);
  });
});
