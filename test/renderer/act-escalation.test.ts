// The urgent call's escalation on the act's screen, in French and English: each alert with the rota
// line that chose the experts and whose clock read it, the delay, then each expert in the order
// rung, at what second, and what came of it.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { EscalationStep } from '../../src/shared/acts/escalation';
import { textsIn } from '../helpers/texts';

// Times are shown in the machine's zone: the cart's, in France.
process.env.TZ = 'Europe/Paris';
vi.mock('../../src/renderer/api', () => ({ relais: {}, stationMode: 'browser', hasStationKey: true }));

const { EscalationRecord } = await import('../../src/renderer/features/acts/act-escalation');

const step = (fields: Partial<EscalationStep>): EscalationStep => ({
  escalationId: '0b7e6f2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
  rank: 1,
  offerId: 'neuro-garde',
  expertId: 'dr-garde',
  expertName: 'Dr Garde',
  callId: 'call-1',
  rungAt: '2026-12-07T19:02:05.000Z',
  outcome: 'no_answer',
  waitedSeconds: 10,
  delaySeconds: 10,
  source: { kind: 'weekly', detail: '', decidedBy: 'hub' },
  recordedAt: '2026-12-07T19:02:15.000Z',
  ...fields,
});
// Given out of order: the screen puts them in the order rung.
const steps = [
  step({
    rank: 2,
    expertId: 'dr-backup',
    expertName: 'Dr Backup',
    rungAt: '2026-12-07T19:02:15.000Z',
    outcome: 'answered',
    waitedSeconds: 6,
    callId: 'call-2',
  }),
  step({}),
];

async function render(language: 'fr' | 'en', shown = steps): Promise<string> {
  const i18n = await textsIn(language);
  const html = renderToStaticMarkup(
    createElement(I18nextProvider, { i18n }, createElement(EscalationRecord, { steps: shown })),
  );
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('the escalation on the act', () => {
  it('says in French who was rung in turn, when, what came of it and which rota line chose them', async () => {
    const text = await render('fr');
    expect(text).toContain('Alerte du 07/12/2026 à 20:02:05');
    expect(text).toContain(
      'Garde choisie par le tableau de garde de la semaine selon le serveur régional · 10 s avant le suivant',
    );
    expect(text.indexOf('Dr Garde : sans réponse après 10 s')).toBeGreaterThan(-1);
    expect(text.indexOf('Dr Garde')).toBeLessThan(text.indexOf('Dr Backup : a répondu'));
    expect(text).toContain('20:02:15 — Dr Backup : a répondu');
  });

  it('says it in English, with the station’s clock when the hub did not answer', async () => {
    const text = await render('en', [
      step({
        source: { kind: 'exception', detail: 'swap', decidedBy: 'station' },
        outcome: 'offline',
        waitedSeconds: 0,
      }),
    ]);
    expect(text).toContain('On duty by an exception to the rota (swap) according to the station’s clock');
    expect(text).toContain('Dr Garde : offline, not rung');
  });
});
