// The cabin's doctor step with the offers' queues (issue 22, point 5), rendered as the patient
// reads it: her place and the estimated wait; "no doctor of this offer online" with the next
// opening; a closed offer that says when it opens; and a general practitioner online who serves
// the general medicine offer without being named in it counts (the cabin said "Aucun médecin n'est
// disponible" while one was online).
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CabinQueue } from '../../src/renderer/features/kiosk/cabin-queue';
import { CallStep } from '../../src/renderer/features/kiosk/call-step';
import { en } from '../../src/renderer/i18n/en';
import { fr } from '../../src/renderer/i18n/fr';
import { SlotsProvider, type Slots } from '../../src/renderer/ui/slots';
import { useCalls } from '../../src/renderer/webrtc/call-store';
import { useQueue } from '../../src/renderer/webrtc/call-queue';
import type { QueuePlace } from '../../src/shared/hub-protocol';
import { anOffer } from '../helpers/offers';
import { peer, resetCalls } from './call-fakes';

// The page's link to the station: what the cabin's end of session sends is not what this test reads.
vi.mock('../../src/renderer/api', () => ({
  relais: { invoke: async () => ({ ok: true, value: {} }), on: () => () => {} },
}));

const GENERAL = anOffer({
  id: 'mg-landerneau',
  specialty: 'médecine générale',
  hospital: 'Maison de santé de Landerneau',
  experts: [{ id: 'dr-absent', name: 'Dr Absent' }],
});
// Rendered on the server (no DOM here), a zustand hook reads its store's initial state object (the
// page, in a browser, reads the current one): the current state is copied into it before each render.
const asTheyStand = () => {
  for (const store of [useCalls, useQueue]) Object.assign(store.getInitialState(), store.getState());
};
const nothing = async () => {};
const slots = {
  CallView: () => null,
  calls: { ring: nothing, dismiss: () => {}, queue: { join: nothing, leave: nothing, stepAway: nothing } },
} as unknown as Slots;

beforeAll(async () => {
  // openingWords reads the page's i18next, as the screens do.
  await i18next.init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng: 'fr',
    interpolation: { escapeValue: false },
  });
});
afterEach(() => {
  vi.useRealTimers();
  useQueue.setState({ joined: {}, took: null, left: null, refused: null });
});

async function render(language: 'fr' | 'en', node: ReactNode): Promise<string> {
  await i18next.changeLanguage(language);
  asTheyStand();
  const text = renderToStaticMarkup(
    createElement(I18nextProvider, { i18n: i18next }, createElement(SlotsProvider, { value: slots }, node)),
  );
  // The words as a person reads them, without the markup.
  return text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

function waitingAt(place: Omit<QueuePlace, 'offerId' | 'entryId'>) {
  resetCalls(peer('cabin-1', 'station', 'Pharmacie du Port'), []);
  useCalls.setState((s) => ({
    hub: {
      ...s.hub,
      offers: [GENERAL],
      queue: { places: [{ offerId: GENERAL.id, entryId: 'e-1', ...place }], entries: [] },
    },
  }));
}
const queue = () => createElement(CabinQueue, { offers: [GENERAL], reason: 'Téléconsultation' });

describe('the cabin waiting for a doctor', () => {
  it('says her place, how many before her and the estimated wait, in French and English', async () => {
    waitingAt({ position: 3, waiting: 4, estimatedWaitMinutes: 23, expertsOnline: 2, nextOpening: null });
    const text = await render('fr', queue());
    expect(text).toContain('Vous êtes dans la file d’attente');
    expect(text).toContain('Votre place : 3');
    expect(text).toContain('Il y a 2 patients avant vous.');
    expect(text).toContain('Attente estimée : environ 23 minutes.');
    expect(text).toContain('Je m’absente un moment');
    expect(await render('en', queue())).toMatch(/Your place: 3.*There are 2 patients before you.*about 23 minutes/);
  });

  it('says that no doctor of the offer is online, and when it opens', async () => {
    waitingAt({
      position: 1,
      waiting: 1,
      estimatedWaitMinutes: null,
      expertsOnline: 0,
      nextOpening: '2026-12-28T07:00:00.000Z',
    });
    const text = await render('fr', queue());
    expect(text).toContain('Vous êtes le prochain patient.');
    expect(text).toContain('Aucun médecin de cette offre n’est en ligne pour l’instant.');
    expect(text).toContain('Prochaine ouverture : lundi 28 décembre à 08:00.');
    expect(text).not.toContain('Attente estimée');
  });

  it('keeps the place of a patient who stepped out, and says how to come back', async () => {
    waitingAt({ position: 2, waiting: 2, estimatedWaitMinutes: 30, expertsOnline: 1, nextOpening: null });
    useCalls.setState((s) => ({ hub: { ...s.hub, you: { ...s.hub.you!, availability: 'away' } } }));
    const text = await render('fr', queue());
    expect(text).toContain('Votre place est gardée');
    expect(text).toContain('Je suis de retour');
    expect(text).not.toContain('Je m’absente un moment');
  });

  it('offers a closed offer greyed, saying when it opens (Christmas Day, then the Monday)', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-25T09:00:00Z'), toFake: ['Date'] });
    resetCalls(peer('cabin-1', 'station', 'Pharmacie du Port'), []);
    asTheyStand();
    const markup = renderToStaticMarkup(
      createElement(I18nextProvider, { i18n: i18next }, createElement(SlotsProvider, { value: slots }, queue())),
    );
    expect(markup).toMatch(/<button[^>]*disabled[^>]*>Attendre un médecin : médecine générale/);
    expect(await render('fr', queue())).toContain('Fermé en ce moment. Ouverture : lundi 28 décembre à 08:00.');
  });
});

describe('the doctors a cabin may call directly', () => {
  it('counts a general practitioner online who serves the offer by her specialty, not named in it', async () => {
    const gp = { ...peer('dr-le-goff', 'expert', 'Dr Le Goff'), specialty: 'Médecine générale' };
    resetCalls(peer('cabin-1', 'station', 'Pharmacie du Port'), [gp, peer('dr-cardio', 'expert', 'Dr Cardio')]);
    useCalls.setState((s) => ({ hub: { ...s.hub, offers: [GENERAL] } }));
    const text = await render('fr', createElement(CallStep, { onEnded: () => {} }));
    expect(text).toContain('Appeler Dr Le Goff (médecine générale, Maison de santé de Landerneau)');
    expect(text).not.toContain('Dr Cardio');
    expect(text).not.toContain('Aucun médecin n’est disponible');
  });
});
