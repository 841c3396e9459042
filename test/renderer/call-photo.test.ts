// The photo the expert asks of the cart (issue 21, point 3), through the call's data-channel router
// with a stand-in station and link: her Photo sends the request with the chosen camera; the cart
// answers "no such camera" when it has none; the answer, a photo or a refusal, is what her screen shows.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createDataChannelRouter } from '../../src/renderer/webrtc/data-channel-router';
import { newSession, type CallSession } from '../../src/renderer/webrtc/call-session';
import { newCall, useCalls } from '../../src/renderer/webrtc/call-store';
import type { CartSteering } from '../../src/renderer/webrtc/cart-steering';
import type { PhotoAnswer } from '../../src/renderer/features/calls/expert-photo';
import { photoParts } from '../../src/shared/calls/photo-request';
import { fakeLink, fakeStation, fakeStream, peer, resetCalls, settle } from './call-fakes';
import { textsIn } from '../helpers/texts';

// The station as the page reaches it: the cart's consent read and file transfer are not reached here.
vi.mock('../../src/renderer/api', () => ({ relais: { invoke: async () => ({ ok: false }), on: () => () => {} } }));
const { photoOverCall } = await import('../../src/renderer/features/calls/call-photo');
const { askPhoto, onPhotoBulk, useExpertPhoto } = await import('../../src/renderer/features/calls/expert-photo');
const { PhotoAnswerView } = await import('../../src/renderer/features/calls/remote-photo');

const sha256 = async (bytes: Uint8Array) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');

const cart = peer('cart-1', 'station', 'Chariot 1');
const expert = peer('dr-kerleau', 'expert', 'Dr Kerleau');

function router(side: 'cart' | 'expert') {
  const station = fakeStation({ 'devices.list': () => ({ ok: true, value: [] }) });
  const { link, record } = fakeLink();
  const steering =
    side === 'cart' ? ({ handle: () => false, setGranted: () => {}, granted: () => false } as CartSteering) : null;
  const session: CallSession = { ...newSession('c1'), link, steering };
  const ignore = () => {};
  const r = createDataChannelRouter({
    api: station.api,
    session: () => session,
    shared: {
      imaging: { onMessage: ignore, linkOpened: ignore, callEnded: ignore },
      stroke: { onMessage: ignore, linkOpened: ignore, callEnded: ignore },
      photo: photoOverCall,
      context: { onMessage: ignore, linkOpened: ignore, callEnded: ignore },
      vitals: { onMessage: ignore, linkOpened: ignore, callEnded: ignore },
      report: { onMessage: ignore, linkOpened: ignore, callEnded: ignore },
      prescription: { onMessage: ignore, linkOpened: ignore, callEnded: ignore },
    },
  });
  r.onOpen('c1');
  record.sent.splice(0); // the manifest and control sent at the opening
  return { r, record };
}

function onCall(side: 'cart' | 'expert') {
  resetCalls(side === 'cart' ? cart : expert, [side === 'cart' ? expert : cart]);
  const remote = side === 'cart' ? expert : cart;
  useCalls.setState({ call: { ...newCall('c1', 'outgoing', remote, false, null), phase: 'connected' } });
}

async function view(language: 'fr' | 'en', answer: PhotoAnswer | null, asking = false): Promise<string> {
  const i18n = await textsIn(language);
  return renderToStaticMarkup(
    createElement(I18nextProvider, { i18n }, createElement(PhotoAnswerView, { answer, asking })),
  );
}

beforeEach(() => photoOverCall.callEnded());

describe('the photo the expert asks of the cart', () => {
  it('expert: Photo sends the request with the chosen camera, and the cart’s “no such camera” is shown', async () => {
    onCall('expert');
    const { r, record } = router('expert');
    expect(askPhoto('device')).toBe(true);
    expect(record.sent).toEqual([{ type: 'photo.request', requestId: expect.any(String), camera: 'device' }]);
    const { requestId } = record.sent[0] as { requestId: string };
    expect(useExpertPhoto.getState().asked).toEqual({ requestId, camera: 'device' });

    // An answer to another request is not hers: dropped.
    r.onData('c1', { type: 'photo.refused', requestId: crypto.randomUUID(), camera: 'room', reason: 'busy' });
    expect(useExpertPhoto.getState().answer).toBeNull();
    r.onData('c1', { type: 'photo.refused', requestId, camera: 'device', reason: 'no_camera' });
    const answer = useExpertPhoto.getState().answer;
    expect(answer).toEqual({ kind: 'refused', camera: 'device', reason: 'no_camera', detail: null });
    expect(await view('fr', answer)).toContain('Pas de dermatoscope branché au chariot');
    expect(await view('en', answer)).toContain('No dermatoscope plugged into the cart');
  });

  it('expert: the photo taken is shown once its copy is whole and matches its SHA-256, parts early or late', async () => {
    onCall('expert');
    const { r, record } = router('expert');
    askPhoto('room');
    const { requestId } = record.sent[0] as { requestId: string };
    const png = Uint8Array.from({ length: 150_000 }, (_, i) => (i * 7) % 256);
    const parts = photoParts(requestId, png);
    expect(onPhotoBulk(parts[0]!)).toBe(true); // overtook its announcement: held
    r.onData('c1', {
      type: 'photo.taken',
      requestId,
      camera: 'room',
      width: 1280,
      height: 720,
      device: 'Caméra de la salle',
      takenAt: '2026-12-07T06:00:00.000Z',
      filedIn: 'act',
      bytes: png.length,
      sha256: await sha256(png),
    });
    for (const part of parts.slice(1)) onPhotoBulk(part);
    await settle();
    await settle();
    const answer = useExpertPhoto.getState().answer;
    expect(answer).toMatchObject({
      kind: 'taken',
      photo: { width: 1280, height: 720 },
      url: expect.stringMatching(/^blob:/),
    });
    const text = await view('fr', answer);
    expect(text).toContain('1280 × 720 pixels, Caméra de la salle');
    expect(text).toContain('classée dans l’acte, à votre demande');
    expect(text).toContain('<img src="blob:');
    // A shared image's part is not a photo's: left to the imaging reader.
    expect(onPhotoBulk(Uint8Array.of(2, 0, 0, 0, 123, 125))).toBe(false);
  });

  it('expert: a copy that does not match its SHA-256 is never shown', async () => {
    onCall('expert');
    const { r, record } = router('expert');
    askPhoto('room');
    const { requestId } = record.sent[0] as { requestId: string };
    const png = Uint8Array.of(1, 2, 3, 4);
    r.onData('c1', {
      type: 'photo.taken',
      requestId,
      camera: 'room',
      width: 2,
      height: 2,
      device: 'Caméra',
      takenAt: '2026-12-07T06:00:00.000Z',
      filedIn: 'call',
      bytes: 4,
      sha256: 'f'.repeat(64),
    });
    for (const part of photoParts(requestId, png)) onPhotoBulk(part);
    await settle();
    await settle();
    expect(useExpertPhoto.getState().answer).toMatchObject({ kind: 'taken', url: null });
  });

  it('cart: a request for a camera it does not have is answered “no_camera”; the expert’s side takes no photo', async () => {
    onCall('cart');
    useCalls.setState((s) => ({
      call: s.call && { ...s.call, local: [fakeStream('room-1', 'room', 'Caméra de la salle')] },
    }));
    const { r, record } = router('cart');
    const requestId = crypto.randomUUID();
    r.onData('c1', { type: 'photo.request', requestId, camera: 'device' });
    await settle();
    const photos = record.sent.filter((m) => (m as { type: string }).type.startsWith('photo.'));
    expect(photos).toEqual([{ type: 'photo.refused', requestId, camera: 'device', reason: 'no_camera' }]);

    onCall('expert');
    const expertSide = router('expert');
    expertSide.r.onData('c1', { type: 'photo.request', requestId: crypto.randomUUID(), camera: 'room' });
    await settle();
    expect(expertSide.record.sent.filter((m) => (m as { type: string }).type.startsWith('photo.'))).toEqual([]);
  });
});
