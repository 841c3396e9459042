// The waiting queue of an offer on the real hub, over WebSockets on 127.0.0.1 (issue 22, point 5):
// stations wait in the order they joined, keep their place when they step away or join again,
// lose it after the hold time; an expert serving the offer (named, or of its specialty) takes
// one, which then rings her with the entry's id; nobody else can take, nor make her station
// answer by itself with a forged id.
import { afterEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { startHub, type HubOptions, type RunningHub } from '../../src/hub/server';
import { issueToken, type NewClaims } from '../../src/hub/tokens';
import type { Offer } from '../../src/shared/hub-protocol';
import { connectToHub } from '../helpers/hub-peer';
import { anOffer } from '../helpers/offers';

const SECRET = 'test-hub-secret';
/** A Tuesday, 10:00 in Paris: the weekday offers are open. */
const TUESDAY_10H = Date.parse('2026-12-08T09:00:00Z');

const GENERAL = anOffer({ id: 'mg-brest', specialty: 'médecine générale', experts: ['dr-named'] });
const NAMED_ONLY = anOffer({
  id: 'derm-named',
  specialty: 'dermatologie',
  experts: ['dr-derm'],
  openToSpecialty: false,
});

let hub: RunningHub;
let clock = TUESDAY_10H;
const sockets: WebSocket[] = [];

async function start(offers: Offer[], extra: Partial<HubOptions> = {}) {
  hub = await startHub({
    secret: SECRET,
    turnSecret: 'coturn-secret',
    turnUrls: [],
    offers,
    ratePerSecond: 200,
    burst: 200,
    presenceWindowMs: 0,
    now: () => clock,
    ...extra,
  });
}
afterEach(async () => {
  for (const s of sockets.splice(0)) s.terminate();
  await hub?.close();
  clock = TUESDAY_10H;
});

type Role = NewClaims['role'];
async function connect(sub: string, role: Role = 'station', specialty: string | null = null) {
  const token = issueToken(SECRET, {
    sub,
    role,
    name: `Nom ${sub}`,
    site: 'Pharmacie du Port',
    specialty,
    // Far enough for the clock moved to any day of 2027.
    exp: Math.floor(Date.parse('2028-06-01T00:00:00Z') / 1000),
  });
  const peer = await connectToHub(hub.url, token, sockets, { waitMs: 3000, name: sub });
  const join = (offerId: string, reason = 'Fièvre depuis deux jours') =>
    peer.send({ type: 'queue.join', offerId, reason });
  return { ...peer, join, id: sub };
}
const station = (sub: string) => connect(sub, 'station');
const expert = (sub: string, specialty: string) => connect(sub, 'expert', specialty);

describe('an offer’s waiting queue', () => {
  it('places the stations in the order they joined, and an expert sees them all', async () => {
    await start([GENERAL]);
    const gp = await expert('dr-gp', 'Médecine générale');
    const first = await station('cabin-1');
    const second = await station('cabin-2');
    first.join('mg-brest');
    expect(await first.next('queue.place')).toMatchObject({ position: 1, waiting: 1, expertsOnline: 1 });
    second.join('mg-brest');
    expect(await second.next('queue.place')).toMatchObject({
      position: 2,
      waiting: 2,
      expertsOnline: 1,
      // The stated default (15 minutes a consultation) until one is measured: two consultations, one expert.
      estimatedWaitMinutes: 30,
      nextOpening: null,
    });
    const entries = await gp.next('queue.entries', (m) => m.entries.length === 2);
    expect(entries.entries.map((e) => [e.from.id, e.away, e.reason])).toEqual([
      ['cabin-1', false, 'Fièvre depuis deux jours'],
      ['cabin-2', false, 'Fièvre depuis deux jours'],
    ]);
  });

  it('gives the same place to a station that joins again, away and back', async () => {
    await start([GENERAL], { queueHoldMs: 5000 });
    const gp = await expert('dr-gp', 'médecine générale');
    const first = await station('cabin-1');
    first.join('mg-brest');
    const { entryId } = await first.next('queue.place');
    const second = await station('cabin-2');
    second.join('mg-brest');
    await second.next('queue.place', (m) => m.position === 2);
    // Joining again: the same entry, the same place.
    first.join('mg-brest', 'Toux');
    expect(await first.next('queue.place')).toMatchObject({ entryId, position: 1, waiting: 2 });

    first.ws.terminate();
    const away = await gp.next('queue.entries', (m) => m.entries[0]?.away === true);
    expect(away.entries.map((e) => e.from.id)).toEqual(['cabin-1', 'cabin-2']);
    // An expert cannot take a station that is not there to ring her.
    gp.send({ type: 'queue.take', offerId: 'mg-brest', entryId });
    expect(await gp.next('error')).toMatchObject({ code: 'queue_entry_gone' });

    const back = await station('cabin-1');
    expect(await back.next('queue.place')).toMatchObject({ entryId, position: 1, waiting: 2 });
    expect((await gp.next('queue.entries', (m) => m.entries[0]?.away === false)).entries[0]!.entryId).toBe(entryId);
  });

  it('keeps the place of a cabin whose patient stepped out, which no expert takes meanwhile', async () => {
    await start([GENERAL]);
    const gp = await expert('dr-gp', 'médecine générale');
    const cabin = await station('cabin-1');
    cabin.join('mg-brest');
    const { entryId } = await cabin.next('queue.place');
    cabin.send({ type: 'presence.set', availability: 'away' });
    await gp.next('queue.entries', (m) => m.entries[0]?.from.availability === 'away');
    gp.send({ type: 'queue.take', offerId: 'mg-brest', entryId });
    expect(await gp.next('error')).toMatchObject({
      code: 'not_allowed',
      message: expect.stringContaining('stepped away'),
    });
    cabin.send({ type: 'presence.set', availability: 'available' });
    await gp.next('queue.entries', (m) => m.entries[0]?.from.availability === 'available');
    gp.send({ type: 'queue.take', offerId: 'mg-brest', entryId });
    expect(await cabin.next('queue.taken')).toMatchObject({ entryId });
  });

  it('lets a place expire when the station stays away longer than the hold time', async () => {
    await start([GENERAL], { queueHoldMs: 300 });
    const gp = await expert('dr-gp', 'médecine générale');
    const first = await station('cabin-1');
    const second = await station('cabin-2');
    first.join('mg-brest');
    await first.next('queue.place');
    second.join('mg-brest');
    await second.next('queue.place', (m) => m.position === 2);
    first.ws.terminate();
    expect(await second.next('queue.place', (m) => m.waiting === 1)).toMatchObject({ position: 1 });
    await gp.next('queue.entries', (m) => m.entries.length === 1 && m.entries[0]!.from.id === 'cabin-2');
    // Back too late: told its place is gone, it joins at the end, with a new entry.
    const late = await station('cabin-1');
    expect(await late.next('queue.left')).toMatchObject({ offerId: 'mg-brest', reason: 'expired' });
    late.join('mg-brest');
    expect(await late.next('queue.place')).toMatchObject({ position: 2, waiting: 2 });
  });

  it('is given up with queue.leave', async () => {
    await start([GENERAL]);
    const gp = await expert('dr-gp', 'médecine générale');
    const first = await station('cabin-1');
    first.join('mg-brest');
    const { entryId } = await first.next('queue.place');
    first.send({ type: 'queue.leave', offerId: 'mg-brest' });
    expect(await first.next('queue.left')).toEqual({
      type: 'queue.left',
      offerId: 'mg-brest',
      entryId,
      reason: 'left',
    });
    await gp.next('queue.entries', (m) => m.entries.length === 0);
    first.send({ type: 'queue.leave', offerId: 'mg-brest' });
    expect(await first.next('error')).toMatchObject({ code: 'queue_entry_gone' });
  });

  it('is taken by an expert of the specialty not named in the offer, whose station the ring then answers', async () => {
    await start([GENERAL]);
    const gp = await expert('dr-gp', 'Médecine Générale');
    const first = await station('cabin-1');
    const second = await station('cabin-2');
    first.join('mg-brest');
    const { entryId } = await first.next('queue.place');
    second.join('mg-brest');
    await second.next('queue.place', (m) => m.position === 2);

    gp.send({ type: 'queue.take', offerId: 'mg-brest', entryId });
    expect(await first.next('queue.taken')).toMatchObject({ entryId, by: { id: 'dr-gp', role: 'expert' } });
    expect(await second.next('queue.place')).toMatchObject({ position: 1, waiting: 1 });
    // Taken twice: gone.
    gp.send({ type: 'queue.take', offerId: 'mg-brest', entryId });
    expect(await gp.next('error')).toMatchObject({ code: 'queue_entry_gone' });

    first.send({ type: 'call.ring', to: 'dr-gp', reason: 'Téléconsultation', queueEntryId: entryId });
    expect(await gp.next('call.incoming')).toMatchObject({ from: { id: 'cabin-1' }, queueEntryId: entryId });
  });

  it('estimates the wait from the consultations taken from the queue, once one is measured', async () => {
    await start([GENERAL]);
    const gp = await expert('dr-gp', 'médecine générale');
    const first = await station('cabin-1');
    const second = await station('cabin-2');
    first.join('mg-brest');
    const { entryId } = await first.next('queue.place');
    second.join('mg-brest');
    expect(await second.next('queue.place')).toMatchObject({ position: 2, estimatedWaitMinutes: 30 });
    gp.send({ type: 'queue.take', offerId: 'mg-brest', entryId });
    await first.next('queue.taken');
    // Until one is measured, the stated default: 15 minutes a consultation.
    expect(await second.next('queue.place')).toMatchObject({ position: 1, estimatedWaitMinutes: 15 });
    first.send({ type: 'call.ring', to: 'dr-gp', queueEntryId: entryId });
    const { callId } = await gp.next('call.incoming');
    gp.send({ type: 'call.accept', callId });
    await first.next('call.accepted');
    clock += 6 * 60_000; // a six-minute consultation, from the take to the hang-up
    first.send({ type: 'call.hangup', callId });
    expect(await second.next('queue.place')).toMatchObject({ position: 1, estimatedWaitMinutes: 6 });
  });

  it('refuses a take by an expert who does not serve the offer, and a join by an expert', async () => {
    await start([GENERAL, NAMED_ONLY]);
    const cardio = await expert('dr-cardio', 'cardiologie');
    const otherDerm = await expert('dr-derm-2', 'dermatologie');
    const first = await station('cabin-1');
    first.join('mg-brest');
    const { entryId } = await first.next('queue.place');
    cardio.send({ type: 'queue.take', offerId: 'mg-brest', entryId });
    expect(await cardio.next('error')).toMatchObject({ code: 'not_allowed' });
    // An offer open to its named experts only: a dermatologist not named neither sees nor takes it.
    first.join('derm-named');
    const derm = await first.next('queue.place', (m) => m.offerId === 'derm-named');
    expect(derm.expertsOnline).toBe(0);
    expect(derm.estimatedWaitMinutes).toBeNull();
    otherDerm.send({ type: 'queue.take', offerId: 'derm-named', entryId: derm.entryId });
    expect(await otherDerm.next('error')).toMatchObject({ code: 'not_allowed' });
    expect(otherDerm.inbox.filter((m) => m.type === 'queue.entries')).toEqual([]);

    cardio.send({ type: 'queue.join', offerId: 'mg-brest', reason: 'x' });
    expect(await cardio.next('error')).toMatchObject({ code: 'not_allowed' });
    first.send({ type: 'queue.join', offerId: 'no-such-offer', reason: 'x' });
    expect(await first.next('error')).toMatchObject({ code: 'unknown_offer' });
  });

  it('does not pass on a queue entry id the callee did not take from the caller', async () => {
    await start([GENERAL]);
    const gp = await expert('dr-gp', 'médecine générale');
    const other = await expert('dr-other', 'médecine générale');
    const first = await station('cabin-1');
    const intruder = await station('cabin-2');
    first.join('mg-brest');
    const { entryId } = await first.next('queue.place');
    gp.send({ type: 'queue.take', offerId: 'mg-brest', entryId });
    await first.next('queue.taken');

    // Another station rings her with the entry's id it learnt: the ring goes through, the id does not.
    intruder.send({ type: 'call.ring', to: 'dr-gp', queueEntryId: entryId });
    const forged = await gp.next('call.incoming');
    expect(forged.from.id).toBe('cabin-2');
    expect(forged).not.toHaveProperty('queueEntryId');
    intruder.send({ type: 'call.cancel', callId: forged.callId });
    await gp.next('call.ended');
    // The right station ringing another expert with it: dropped too.
    first.send({ type: 'call.ring', to: 'dr-other', queueEntryId: entryId });
    expect(await other.next('call.incoming')).not.toHaveProperty('queueEntryId');
    // An id never issued: dropped.
    intruder.send({ type: 'call.ring', to: 'dr-gp', queueEntryId: 'made-up' });
    expect(await gp.next('call.incoming')).not.toHaveProperty('queueEntryId');
  });

  it('says when no expert of the offer is online, and when it opens once it has closed', async () => {
    await start([GENERAL]);
    const first = await station('cabin-1');
    first.join('mg-brest');
    expect(await first.next('queue.place')).toMatchObject({
      expertsOnline: 0,
      estimatedWaitMinutes: null,
      nextOpening: null,
    });
    // 18:30 the same day: closed; the waiting station keeps its place and is told the next opening.
    clock = Date.parse('2026-12-08T17:30:00Z');
    const late = await station('cabin-2'); // a change: every waiting station is told again
    late.join('mg-brest');
    expect(await late.next('error')).toMatchObject({ code: 'offer_closed' });
    expect(await first.next('queue.place', (m) => m.nextOpening !== null)).toMatchObject({
      position: 1,
      nextOpening: '2026-12-09T07:00:00.000Z',
    });
  });
});
