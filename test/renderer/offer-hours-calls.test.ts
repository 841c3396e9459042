// Hours enforced at the station (issue 22, point 6), on a fixed Saturday: in the directory, the
// experts of a weekday offer cannot be called and say when it opens, while the urgent offer's
// stay reachable; in "Appeler l'expert" from an act, an expert who serves only closed offers is
// greyed with the same reason. French and English.
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Encounter } from '../../src/shared/acts/encounter';
import type * as CallStore from '../../src/renderer/webrtc/call-store';

// A static render reads a store's server snapshot, its initial state: the hub's, here, as the cart has it.
vi.mock('../../src/renderer/webrtc/call-store', async (importOriginal) => {
  const actual = await importOriginal<typeof CallStore>();
  const { create } = await import('zustand');
  const { peau, garde, dermato, neuro, cart } = await import('./offer-hours-fixtures');
  const hub = { link: 'online' as const, you: cart, peers: [peau, garde], offers: [dermato, neuro] };
  return { ...actual, useCalls: create(() => ({ ...actual.useCalls.getState(), hub })) };
});
vi.mock('../../src/renderer/api', () => ({
  relais: { on: () => () => {} },
  stationMode: 'browser',
  hasStationKey: true,
}));

const { CallsScreen } = await import('../../src/renderer/features/calls/calls-screen');
const { ExpertsToCall } = await import('../../src/renderer/features/calls/call-from-act');
const { en } = await import('../../src/renderer/i18n/en');
const { fr } = await import('../../src/renderer/i18n/fr');

const act = { id: '6f1d2c4e-8a5b-4c3d-9e2f-1a2b3c4d5e6f', reason: 'Lésion pigmentée' } as Encounter;

beforeAll(() => {
  // Saturday 12 December 2026, 11:00 in France.
  vi.useFakeTimers({ now: new Date('2026-12-12T10:00:00Z'), toFake: ['Date'] });
});
afterAll(() => vi.useRealTimers());

async function render(language: 'fr' | 'en', element: ReactElement): Promise<string> {
  await i18next.init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng: language,
    interpolation: { escapeValue: false },
  });
  const html = renderToStaticMarkup(createElement(I18nextProvider, { i18n: i18next }, element));
  return html;
}
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
/** The call button of an expert, whole: whether it is greyed, and the reason beside it. */
const buttonOf = (html: string, label: string) => {
  const end = html.indexOf(`>${label}</button>`) + label.length + 10;
  const start = html.lastIndexOf('<span class="reasoned">', end);
  const reason = html.startsWith('<span id=', end) ? html.indexOf('</span>', end) + 7 : end;
  return html.slice(start, reason);
};

describe('hours enforced at the station', () => {
  it('greys a closed offer’s experts in the directory with when it opens; the urgent offer stays reachable', async () => {
    const html = await render('fr', createElement(CallsScreen));
    expect(text(html)).toContain('Fermé — ouvre lundi 14 décembre à 08:00');
    const closed = buttonOf(html, 'Appeler Dr Peau');
    expect(closed).toContain('disabled=""');
    expect(text(closed)).toContain('Fermé — ouvre lundi 14 décembre à 08:00');
    expect(buttonOf(html, 'Appeler Dr Garde')).not.toContain('disabled');
  });

  it('greys, in "Appeler l’expert", an expert who serves only closed offers, in English too', async () => {
    const placed = () => {};
    const fr = await render('fr', createElement(ExpertsToCall, { encounter: act, strokeAct: false, onPlaced: placed }));
    expect(buttonOf(fr, 'Appeler Dr Peau')).toContain('disabled=""');
    expect(text(buttonOf(fr, 'Appeler Dr Peau'))).toContain('Fermé — ouvre lundi 14 décembre à 08:00');
    expect(buttonOf(fr, 'Appeler Dr Garde')).not.toContain('disabled');
    const en = await render('en', createElement(ExpertsToCall, { encounter: act, strokeAct: false, onPlaced: placed }));
    expect(text(buttonOf(en, 'Call Dr Peau'))).toContain('Closed — opens Monday, December 14 at 08:00');
  });
});
