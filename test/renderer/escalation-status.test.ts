// The cart's word on the urgent call while it escalates, in French and English: who rang without
// an answer and for how long, and who rings now, for how long of the offer's delay.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Escalation } from '../../src/renderer/features/calls/escalation-runner';
import { textsIn } from '../helpers/texts';

vi.mock('../../src/renderer/api', () => ({
  relais: { on: () => () => {}, invoke: async () => ({ ok: false }) },
  stationMode: 'browser',
  hasStationKey: true,
}));

const { EscalationSteps } = await import('../../src/renderer/features/calls/escalation-status');

const NOW = Date.parse('2026-12-07T19:00:22Z');
beforeAll(() => vi.useFakeTimers({ now: NOW, toFake: ['Date'] }));
afterAll(() => vi.useRealTimers());

const escalation: Escalation = {
  id: '0b7e6f2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
  offerId: 'neuro-garde',
  reason: 'AVC',
  actId: null,
  state: 'ringing',
  queue: [],
  delaySeconds: 30,
  source: { kind: 'weekly', detail: '', decidedBy: 'hub' },
  recordError: null,
  attempts: [
    {
      peerId: 'dr-garde',
      name: 'Dr Garde',
      callId: 'c1',
      rungAt: NOW - 42_000,
      outcome: 'no_answer',
      waitedSeconds: 30,
    },
    { peerId: 'dr-sonne', name: 'Dr Sonne', callId: 'c2', rungAt: NOW - 12_000, outcome: null, waitedSeconds: 0 },
  ],
};

async function render(language: 'fr' | 'en'): Promise<string> {
  const i18n = await textsIn(language);
  const html = renderToStaticMarkup(
    createElement(I18nextProvider, { i18n }, createElement(EscalationSteps, { escalation })),
  );
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('the escalation on the cart', () => {
  it('says who rang without an answer, and who rings now for how long of the delay', async () => {
    expect(await render('fr')).toContain(
      '1. Dr Garde : sans réponse après 30 s 2. Dr Sonne : sonne depuis 12 s sur 30 s',
    );
    expect(await render('en')).toContain('1. Dr Garde : no answer after 30 s 2. Dr Sonne : ringing for 12 s of 30 s');
  });
});
