// The expert's call screen and the act's context (issue 21, point 1): the patient banner from the
// context the requesting station sent (names, birth date and age, identity status, the INS when
// qualified, the warning when not), the reason and, in the call's "Dossier" panel, the consents,
// measurements and files; "sans dossier associé" while no context came. A context received is kept
// by the station (remoteActs.keep) under the call's remote peer, and a newer one replaces it on screen.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { realContext } from '../helpers/act-context';
import { peer, resetCalls } from './call-fakes';
import { textsIn } from '../helpers/texts';

const invoke = vi.hoisted(() => vi.fn());
vi.mock('../../src/renderer/api', () => ({ relais: { invoke, on: () => () => {} } }));

const { ActContextBannerView, ActContextPanelView } = await import('../../src/renderer/ui/act-context-panel');
const { onActContextMessage, actContextCallEnded, useActContext } =
  await import('../../src/renderer/features/calls/act-context-share');
const { newCall, useCalls } = await import('../../src/renderer/webrtc/call-store');

const cart = peer('cart-7', 'station', 'Chariot 7');
// Rendered on the server (no DOM here), a zustand store gives its initial state; the page, in a
// browser, reads the current one: these stores are read as they stand, like the page would.
for (const store of [useCalls, useActContext])
  (store as { getInitialState: () => unknown }).getInitialState = store.getState;

async function render(language: 'fr' | 'en' = 'fr'): Promise<string> {
  const i18n = await textsIn(language);
  // Rendered on the server (no DOM here), a zustand store reads as its initial state: the screen's
  // parts are given the context the store holds, as the call screen's own wrappers give it.
  const context = useActContext.getState().context;
  const screen = createElement('div', null, [
    createElement(ActContextBannerView, { key: 'banner', context }),
    createElement(ActContextPanelView, { key: 'panel', context }),
  ]);
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, screen));
}

beforeEach(() => {
  invoke.mockReset();
  invoke.mockResolvedValue({ ok: true, value: {} });
  actContextCallEnded();
  resetCalls(peer('dr-kerleroux', 'expert', 'Dr Kerleroux'), [cart]);
  useCalls.setState({ call: { ...newCall('call-1', 'incoming', cart, false, null), phase: 'connected' } });
});

describe('the expert’s call screen and the act’s context', () => {
  it('says “sans dossier associé” while the call carries no act', async () => {
    const page = await render();
    expect(page).toContain('sans dossier associé');
    expect(page).not.toContain('patient-banner-names');
    expect(await render('en')).toContain('no record attached');
  });

  it('shows the patient banner, the reason and the act’s panel from the context, and keeps it', async () => {
    onActContextMessage({ type: 'act.context', context: realContext });
    expect(useActContext.getState().context).toEqual(realContext);
    expect(invoke).toHaveBeenCalledWith('remoteActs.keep', {
      callId: 'call-1',
      peerId: 'cart-7',
      context: realContext,
    });

    const page = await render();
    expect(page).toContain('<strong>DUPONT</strong> Jeanne');
    expect(page).toMatch(/né\(e\) le 15\/03\/1948 · \d+ ans/);
    expect(page).toContain('Identité qualifiée');
    expect(page).toContain('248036912312368');
    expect(page).not.toContain('identité non qualifiée');
    expect(page).not.toContain('sans dossier associé');
    expect(page).toContain('Plaie du talon gauche, avis sur la cicatrisation');
    // The panel: the consent and by whom, the measurement with its device, the file named.
    expect(page).toContain('Paul Martin, personne de confiance');
    expect(page).toContain('132/78 mmHg');
    expect(page).toContain('Omron M7');
    expect(page).toContain('Dermatoscope');
  });

  it('warns when the identity is not qualified, and a newer context replaces the one shown', async () => {
    onActContextMessage({ type: 'act.context', context: realContext });
    const provisional = {
      ...realContext,
      patient: { ...realContext.patient, identityStatus: 'PROV' as const, ins: null },
      composedAt: '2026-03-14T09:10:00.000Z',
    };
    onActContextMessage({ type: 'act.context', context: provisional });
    // Late, older: not shown.
    onActContextMessage({ type: 'act.context', context: realContext });
    const page = await render();
    expect(page).toContain('identité non qualifiée');
    expect(page).not.toContain('248036912312368');
  });

  it('shows nothing from a context on a station that is not the expert’s', async () => {
    resetCalls(peer('cart-1', 'station', 'Chariot 1'), [cart]);
    useCalls.setState({ call: { ...newCall('call-1', 'incoming', cart, false, null), phase: 'connected' } });
    onActContextMessage({ type: 'act.context', context: realContext });
    expect(useActContext.getState().context).toBeNull();
    expect(invoke).not.toHaveBeenCalledWith('remoteActs.keep', expect.anything());
  });
});
