// Who is on duty for an urgent offer, as the hub answers `offer.duty` by its own clock (issue 22,
// "rota resolution across a weekly pattern, an exception and a public holiday (a fixed clock)").
// The coordinator publishes a neurology rota; a cart asks at five instants of March 2027, in
// France's time: a weekday hour (the weekly line), inside a swap of duty (the exception), a
// weeknight no line covers (the experts the offer names), Easter Monday (the Sunday line), and
// the next day (the weekly line again).
// Easter Monday 2027 (Lundi de Pâques) is 29 March 2027: service-public.fr, "Jours fériés 2027"
// (Direction de l'information légale et administrative), the list french-holidays.test.ts checks.
// Summer time starts on Sunday 28 March 2027: 10:00 in France is 09:00 UTC before, 08:00 after.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken, type NewClaims } from '../../src/hub/tokens';
import { ALWAYS_OPEN } from '../../src/shared/scheduling/opening-hours';
import { connectToHub } from '../helpers/hub-peer';
import { anOffer } from '../helpers/offers';

const SECRET = 'duty-hub-secret';
const STROKE = anOffer({
  id: 'neuro-avc-29',
  specialty: 'Neurologie',
  specialtyCode: 'SM32',
  hospital: 'CHU de Brest',
  hours: ALWAYS_OPEN,
  urgent: true,
  openToSpecialty: false,
  experts: [
    { id: 'dr-kerleau', name: 'Anne KERLEAU' },
    { id: 'dr-le-gall', name: 'Yann LE GALL' },
    { id: 'dr-morvan', name: 'Soizic MORVAN' },
  ],
  rota: {
    weekly: [
      { days: [1, 2, 3, 4, 5], from: '08:00', to: '20:00', experts: ['dr-kerleau', 'dr-le-gall'] },
      { days: [6, 7], from: '08:00', to: '20:00', experts: ['dr-morvan', 'dr-kerleau'] },
    ],
    exceptions: [
      {
        id: 'echange-24-mars',
        from: '2027-03-24T08:00:00+01:00',
        to: '2027-03-25T08:00:00+01:00',
        experts: ['dr-le-gall', 'dr-morvan'],
        note: 'échange de garde',
      },
    ],
    holidays: 'sunday',
    escalateAfterSeconds: 45,
  },
});

// The hub's clock, from Monday 22 March 2027 and moved forward by each step; tokens outlive the month.
const START = Date.parse('2027-03-22T09:00:00Z');
let clock = START;
const EXP = Date.parse('2027-06-01T00:00:00Z') / 1000;
let hub: RunningHub;
const sockets: WebSocket[] = [];
beforeEach(async () => {
  clock = START;
  hub = await startHub({ secret: SECRET, turnSecret: 'coturn-secret', turnUrls: [], offers: [], now: () => clock });
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.terminate();
  await hub.close();
});

const peer = async (sub: string, role: NewClaims['role']) => {
  const token = issueToken(SECRET, { sub, role, name: sub, site: 'Finistère', specialty: null, exp: EXP });
  const connected = await connectToHub(hub.url, token, sockets);
  await connected.next('welcome');
  return connected;
};

describe('offer.duty, by the hub’s clock', () => {
  it('follows the weekly line, an exception, the experts named, and a public holiday’s Sunday line', async () => {
    const coordinator = await peer('coord-bzh', 'coordinator');
    coordinator.send({ type: 'offer.publish', offer: STROKE });
    await coordinator.next('directory');
    const cart = await peer('cart-urgences', 'station');
    await peer('dr-kerleau', 'expert'); // the only one of the three online
    const dutyAt = async (instant: string) => {
      clock = Date.parse(instant);
      cart.send({ type: 'offer.duty', offerId: 'neuro-avc-29' });
      return cart.next('offer.duty');
    };

    // Tuesday 23 March 2027, 10:00 in France: the weekday line.
    expect(await dutyAt('2027-03-23T09:00:00Z')).toEqual({
      type: 'offer.duty',
      offerId: 'neuro-avc-29',
      at: '2027-03-23T09:00:00.000Z',
      experts: [
        { id: 'dr-kerleau', name: 'Anne KERLEAU', online: true },
        { id: 'dr-le-gall', name: 'Yann LE GALL', online: false },
      ],
      source: { kind: 'weekly', detail: '' },
      escalateAfterSeconds: 45,
    });

    // Wednesday 24 March 2027, 15:00: the swap of duty replaces the weekly line.
    const swapped = await dutyAt('2027-03-24T14:00:00Z');
    expect(swapped.experts.map((e) => e.id)).toEqual(['dr-le-gall', 'dr-morvan']);
    expect(swapped.source).toEqual({ kind: 'exception', detail: 'échange de garde' });

    // Friday 26 March 2027, 23:00: no line covers the night, the offer's experts are rung in order.
    const night = await dutyAt('2027-03-26T22:00:00Z');
    expect(night.experts).toEqual([
      { id: 'dr-kerleau', name: 'Anne KERLEAU', online: true },
      { id: 'dr-le-gall', name: 'Yann LE GALL', online: false },
      { id: 'dr-morvan', name: 'Soizic MORVAN', online: false },
    ]);
    expect(night.source).toEqual({ kind: 'experts', detail: '' });

    // Easter Monday, 29 March 2027, 10:00 (summer time): the Sunday line, the holiday named.
    const easterMonday = await dutyAt('2027-03-29T08:00:00Z');
    expect(easterMonday.experts.map((e) => e.id)).toEqual(['dr-morvan', 'dr-kerleau']);
    expect(easterMonday.source).toEqual({ kind: 'holiday', detail: 'Lundi de Pâques' });

    // Tuesday 30 March 2027, 10:00: an ordinary weekday again.
    const tuesday = await dutyAt('2027-03-30T08:00:00Z');
    expect(tuesday.experts.map((e) => e.id)).toEqual(['dr-kerleau', 'dr-le-gall']);
    expect(tuesday.source.kind).toBe('weekly');
  });

  it('names an exception by its id when the coordinator wrote no note', async () => {
    const rota = { ...STROKE.rota!, exceptions: [{ ...STROKE.rota!.exceptions[0]!, note: '' }] };
    const coordinator = await peer('coord-bzh', 'coordinator');
    coordinator.send({ type: 'offer.publish', offer: { ...STROKE, rota } });
    await coordinator.next('directory');
    clock = Date.parse('2027-03-24T14:00:00Z');
    coordinator.send({ type: 'offer.duty', offerId: 'neuro-avc-29' });
    expect((await coordinator.next('offer.duty')).source).toEqual({ kind: 'exception', detail: 'echange-24-mars' });
  });
});
