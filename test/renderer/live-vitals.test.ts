// The live measurements of a call (issue 21, point 2), with a stand-in station API: the expert's
// panel shows the cart's figures from its messages, says they are old once the stream stops (fake
// timers) and says when the cart has no oximeter; the cart streams its pleth in batches, in order,
// shows the expert's blood pressure request to the nurse, and starts the cuff only if a monitor is
// there (else the expert is told that there is none).
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveOximeterMessage, LiveOximeterStatus } from '../../src/shared/devices/live-vitals';
import type { RemoteMessage } from '../../src/shared/devices/remote-control';
import { textsIn } from '../helpers/texts';

type Handler = (payload: unknown) => void;
const invoke = vi.hoisted(() => vi.fn());
const handlers = vi.hoisted(() => new Map<string, Handler>());
vi.mock('../../src/renderer/api', () => ({
  relais: {
    invoke,
    on: (event: string, handler: Handler) => {
      handlers.set(event, handler);
      return () => handlers.delete(event);
    },
  },
}));

const { LiveVitalsView } = await import('../../src/renderer/features/calls/live-vitals-panel');
const { BloodPressureRequestView } = await import('../../src/renderer/features/calls/blood-pressure-request');
const { onVitalsMessage, vitalsCallEnded, vitalsLinkOpened } =
  await import('../../src/renderer/features/calls/shared-vitals');
const { startBloodPressure } = await import('../../src/renderer/features/calls/live-vitals-cart');
const { useLiveVitals } = await import('../../src/renderer/features/calls/live-vitals-store');
const { useDevices } = await import('../../src/renderer/ui/devices-store');
const { newCall, useCalls } = await import('../../src/renderer/webrtc/call-store');
const { peer, resetCalls } = await import('./call-fakes');

const EXPERT = peer('dr-kerleau', 'expert', 'Dr Kerleau');
const CART = peer('cart-1', 'station', 'Chariot 1');
const MONITOR = {
  id: 'blood-pressure-1',
  kind: 'blood_pressure',
  label: 'Tensiomètre (simulé, Omron HEM-790IT)',
  state: 'connected',
  protocol: 'omron-hem790it',
  location: 'simulé',
  simulated: true,
};

async function render(element: ReactElement, language: 'fr' | 'en' = 'fr'): Promise<string> {
  const i18n = await textsIn(language);
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, element))
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, '’')
    .replace(/\s+/g, ' ');
}

/** This station's side of a connected call: the expert's (with the cart) or the cart's (with the expert). */
function onSide(side: 'expert' | 'cart'): RemoteMessage[] {
  const [you, remote] = side === 'expert' ? [EXPERT, CART] : [CART, EXPERT];
  resetCalls(you, [remote]);
  useCalls.setState({ call: { ...newCall('c1', 'incoming', remote, false, null), phase: 'connected' } });
  const sent: RemoteMessage[] = [];
  vitalsLinkOpened((m) => sent.push(m) > 0);
  return sent;
}

/** The station's answers: the devices plugged in, the monitor's newest reading (it changes once measured). */
function station(devices: unknown[]) {
  let latest: unknown = {
    deviceId: MONITOR.id,
    systolic: 121,
    diastolic: 79,
    pulseRate: 66,
    takenAt: '2026-12-07T05:00:00',
  };
  invoke.mockImplementation(async (channel: string) => {
    if (channel === 'devices.list') return { ok: true, value: devices };
    if (channel === 'bloodPressure.latest') return { ok: true, value: latest };
    if (channel === 'bloodPressure.simulateMeasurement') {
      latest = { deviceId: MONITOR.id, systolic: 134, diastolic: 86, pulseRate: 71, takenAt: '2026-12-07T05:41:00' };
      return { ok: true, value: { measured: true } };
    }
    return { ok: false, error: { code: 'internal', message: 'not in this test' } };
  });
}

/** The expert's panel and the nurse's notice as the screen shows them now, from the store. */
const panel = () =>
  createElement(LiveVitalsView, { vitals: useLiveVitals.getState(), now: Date.now(), connected: true });
const notice = () => createElement(BloodPressureRequestView, { request: useLiveVitals.getState().request });

const oximeter = (spo2: number | null, status: LiveOximeterStatus = 'measuring'): LiveOximeterMessage => ({
  type: 'vitals.oximeter',
  status,
  spo2,
  pulseRate: spo2 === null ? null : 72,
  pleth: [10, 60, 120],
});

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-12-07T05:40:00Z'));
  invoke.mockReset();
  station([]);
  useDevices.setState({ devices: [], oximeters: {} });
});

afterEach(() => {
  vitalsCallEnded();
  vi.useRealTimers();
});

describe('the expert’s live panel', () => {
  it('shows the cart’s SpO2 and pulse as they come, then says they are old once the stream stops', async () => {
    onSide('expert');
    onVitalsMessage(oximeter(97), 'Chariot 1');
    let page = await render(panel());
    expect(page).toContain('97 %');
    expect(page).toContain('72 /min');
    expect(page).toContain('En direct');
    expect(page).not.toContain('Flux interrompu');
    expect(useLiveVitals.getState().pleth).toEqual([10, 60, 120]);

    vi.advanceTimersByTime(1000);
    onVitalsMessage(oximeter(93), 'Chariot 1');
    page = await render(panel());
    expect(page).toContain('93 %');

    vi.advanceTimersByTime(3500);
    page = await render(panel());
    expect(page).toContain('Flux interrompu : plus de mesure reçue depuis 3 s');
    expect(page).toContain('ancienne');
    expect(page).not.toContain('En direct');
    page = await render(panel(), 'en');
    expect(page).toContain('Stream interrupted');
  });

  it('says plainly when the cart has no oximeter, and shows no figure', async () => {
    onSide('expert');
    onVitalsMessage(oximeter(97), 'Chariot 1');
    onVitalsMessage(oximeter(null, 'no_device'), 'Chariot 1');
    const page = await render(panel());
    expect(page).toContain('Pas d’oxymètre branché au chariot.');
    expect(page).not.toContain('97 %');
    expect(useLiveVitals.getState().pleth).toEqual([]);
  });

  it('shows the latest blood pressure, temperature and weight with their times, once each', async () => {
    onSide('expert');
    const bp = { code: 'blood_pressure', systolic: 128, diastolic: 82, unit: 'mm[Hg]' } as const;
    const result = {
      type: 'vitals.result',
      id: 'o1',
      vital: bp,
      takenAt: '2026-12-07T05:39:00Z',
      device: 'Omron',
    } as const;
    onVitalsMessage(result, 'Chariot 1');
    onVitalsMessage(
      { ...result, id: 'o0', vital: { ...bp, systolic: 150 }, takenAt: '2026-12-07T05:30:00Z' },
      'Chariot 1',
    );
    onVitalsMessage(
      {
        type: 'vitals.result',
        id: 'o2',
        vital: { code: 'body_temperature', value: 38.2, unit: 'Cel' },
        takenAt: result.takenAt,
        device: null,
      },
      'Chariot 1',
    );
    const page = await render(panel());
    expect(page).toContain('Tension : 128/82 mmHg à');
    expect(page).not.toContain('150/');
    expect(page).toContain('Température : 38,2 °C');
    expect(page).toContain('Poids : aucun');
  });

  it('tells her when the cart has no blood pressure monitor', async () => {
    const sent = onSide('expert');
    const { askBloodPressure } = await import('../../src/renderer/features/calls/shared-vitals');
    expect(askBloodPressure()).toBe(true);
    expect(sent).toContainEqual({ type: 'vitals.bp.request' });
    onVitalsMessage({ type: 'vitals.bp.answer', outcome: 'no_device' }, 'Chariot 1');
    const page = await render(panel());
    expect(page).toContain('Pas de tensiomètre branché au chariot.');
  });
});

describe('the cart', () => {
  it('sends the oximeter in batches every 200 ms, samples in order, at once only when a figure changes', async () => {
    const sent = onSide('cart');
    const reading = (pleth: number[], spo2 = 96) => ({
      deviceId: 'oximeter-1',
      spo2,
      pulseRate: 70,
      status: 'measuring',
      pleth,
      at: new Date().toISOString(),
    });
    const emit = handlers.get('oximeter.reading')!;
    const oximeterSent = () => sent.filter((m) => m.type === 'vitals.oximeter');
    emit(reading([0, 1, 2])); // the first figures go at once
    expect(oximeterSent()).toHaveLength(1);
    for (let i = 1; i < 12; i++) emit(reading([i * 3, i * 3 + 1, i * 3 + 2]));
    expect(oximeterSent()).toHaveLength(1); // the same figures: nothing sent per reading
    vi.advanceTimersByTime(200);
    expect(oximeterSent()).toHaveLength(2);
    expect(oximeterSent()[1]).toMatchObject({ spo2: 96, pulseRate: 70, status: 'measuring' });
    emit(reading([36, 37], 95)); // a new SpO2 goes at once, with the wave so far
    expect(oximeterSent()).toHaveLength(3);
    expect(oximeterSent()[2]).toMatchObject({ spo2: 95 });
    expect(oximeterSent().flatMap((m) => (m.type === 'vitals.oximeter' ? m.pleth : []))).toEqual(
      Array.from({ length: 38 }, (_, i) => i),
    );
  });

  it('says "no oximeter" when none is connected', async () => {
    const sent = onSide('cart');
    vi.advanceTimersByTime(1000);
    expect(sent.filter((m) => m.type === 'vitals.oximeter')[0]).toMatchObject({ status: 'no_device', spo2: null });
  });

  it('shows the expert’s request to the nurse, and starts the cuff on her confirmation; the result goes to the expert', async () => {
    station([MONITOR]);
    const sent = onSide('cart');
    onVitalsMessage({ type: 'vitals.bp.request' }, 'Dr Kerleau');
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toContainEqual({ type: 'vitals.bp.answer', outcome: 'asked' });
    const page = await render(notice());
    expect(page).toContain('Dr Kerleau demande une mesure de tension');
    expect(page).toContain('Lancer la mesure');
    // Nothing starts before the nurse says the patient is ready.
    expect(invoke.mock.calls.map((c) => c[0])).not.toContain('bloodPressure.simulateMeasurement');

    await startBloodPressure();
    expect(invoke.mock.calls.map((c) => c[0])).toContain('bloodPressure.simulateMeasurement');
    expect(sent).toContainEqual({ type: 'vitals.bp.answer', outcome: 'started' });
    await vi.advanceTimersByTimeAsync(1000);
    const result = sent.find((m) => m.type === 'vitals.result');
    expect(result).toMatchObject({
      vital: { code: 'blood_pressure', systolic: 134, diastolic: 86 },
      device: MONITOR.label,
    });
    expect(useLiveVitals.getState().request).toBeNull();
  });

  it('without a monitor, starts nothing and tells the expert', async () => {
    station([]);
    const sent = onSide('cart');
    onVitalsMessage({ type: 'vitals.bp.request' }, 'Dr Kerleau');
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toContainEqual({ type: 'vitals.bp.answer', outcome: 'no_device' });
    expect(useLiveVitals.getState().request).toBeNull();
    expect(invoke.mock.calls.map((c) => c[0])).not.toContain('bloodPressure.simulateMeasurement');
  });

  it('a monitor unplugged before the nurse starts: nothing starts, the nurse and the expert are told', async () => {
    station([MONITOR]);
    const sent = onSide('cart');
    onVitalsMessage({ type: 'vitals.bp.request' }, 'Dr Kerleau');
    await vi.advanceTimersByTimeAsync(0);
    station([]);
    await startBloodPressure();
    expect(sent).toContainEqual({ type: 'vitals.bp.answer', outcome: 'no_device' });
    expect(invoke.mock.calls.map((c) => c[0])).not.toContain('bloodPressure.simulateMeasurement');
    const page = await render(notice());
    expect(page).toContain('Pas de tensiomètre branché au chariot');
  });

  it('a cart ignores figures sent to it, and an expert ignores a blood pressure request', async () => {
    onSide('cart');
    onVitalsMessage(oximeter(97), 'Dr Kerleau');
    expect(useLiveVitals.getState().oximeter).toBeNull();
    onSide('expert');
    onVitalsMessage({ type: 'vitals.bp.request' }, 'Chariot 1');
    await vi.advanceTimersByTimeAsync(0);
    expect(invoke).not.toHaveBeenCalledWith('devices.list', {});
    expect(useLiveVitals.getState().request).toBeNull();
  });
});
