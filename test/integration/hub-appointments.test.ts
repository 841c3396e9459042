// The hub's booking of slots (issue 22, point 2) against a real hub on 127.0.0.1: an expert
// publishes her Schedule and Slots, stations book by PUT Appointment/<their own id>. A slot booked
// twice at once is given to one booking only, the other is told the next free slots; a retried PUT
// is not a second booking; a cancellation frees the slot; nobody writes another's availability.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken, type NewClaims } from '../../src/hub/tokens';
import { HUB_PEER_SYSTEM } from '../../src/shared/region-source';
import { NEXT_FREE_SLOT_SYSTEM, SLOT_TAKEN_TEXT } from '../../src/shared/scheduling/appointment';
import { ALWAYS_OPEN } from '../../src/shared/scheduling/opening-hours';
import { anOffer } from '../helpers/offers';

const SECRET = 'appointments-secret';
const exp = Math.floor(Date.now() / 1000) + 3600;
const who = {
  cartA: { sub: 'cart-a', role: 'station', name: 'Chariot A', site: 'EHPAD A', specialty: null, exp },
  cartB: { sub: 'cart-b', role: 'station', name: 'Chariot B', site: 'EHPAD B', specialty: null, exp },
  derm: { sub: 'dr-derm', role: 'expert', name: 'Dr Derm', site: 'CHU', specialty: 'dermatologie', exp },
  neuro: { sub: 'dr-neuro', role: 'expert', name: 'Dr Neuro', site: 'CHU', specialty: 'neurologie', exp },
} satisfies Record<string, NewClaims>;
type Who = keyof typeof who;

let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub({
    secret: SECRET,
    turnSecret: 'x',
    turnUrls: [],
    offers: [
      anOffer({ id: 'derm-brest', specialty: 'dermatologie', hours: ALWAYS_OPEN, experts: ['dr-derm', 'dr-neuro'] }),
      // Weekdays 08:00-18:00, closed on public holidays: a slot at night is outside its hours.
      anOffer({ id: 'derm-day', specialty: 'dermatologie', experts: ['dr-derm'] }),
    ],
  });
});
afterAll(async () => {
  await hub.close();
});

async function fhir(w: Who, method: string, path: string, body?: unknown) {
  const response = await fetch(`${hub.fhirUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${issueToken(SECRET, who[w])}`, 'Content-Type': 'application/fhir+json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, any> };
}
const put = (w: Who, r: { resourceType: string; id: string; [key: string]: unknown }) =>
  fhir(w, 'PUT', `/${r.resourceType}/${r.id}`, r);

const HOUR = 3600_000;
const base = Date.now() + 24 * HOUR;
const at = (i: number) => new Date(base + i * HOUR).toISOString();

const schedule = (id: string, expert: string, offerId = 'derm-brest') => ({
  resourceType: 'Schedule',
  id,
  active: true,
  actor: [{ reference: `Practitioner/${expert}` }, { reference: `HealthcareService/${offerId}` }],
});
const slot = (id: string, scheduleId: string, i: number, status = 'free') => ({
  resourceType: 'Slot',
  id,
  schedule: { reference: `Schedule/${scheduleId}` },
  status,
  start: at(i),
  end: new Date(base + i * HOUR + 30 * 60_000).toISOString(),
});
function appointment(id: string, slotId: string, station: Who, expert = 'dr-derm', i = 0) {
  return {
    resourceType: 'Appointment',
    id,
    status: 'booked',
    serviceType: [{ coding: [{ system: 'urn:relais:offer', code: 'derm-brest' }] }],
    reasonCode: [{ text: 'Lésion pigmentée du dos' }],
    slot: [{ reference: `Slot/${slotId}` }],
    start: at(i),
    end: new Date(base + i * HOUR + 30 * 60_000).toISOString(),
    participant: [
      { actor: { reference: `Patient/${randomUUID()}` }, status: 'accepted' },
      {
        actor: { type: 'Location', identifier: { system: HUB_PEER_SYSTEM, value: who[station].sub } },
        status: 'accepted',
      },
      { actor: { reference: `Practitioner/${expert}` }, status: 'needs-action' },
    ],
  };
}
const cancelled = (a: ReturnType<typeof appointment>, reason: string) => ({
  ...a,
  status: 'cancelled',
  cancelationReason: { text: reason },
});
const proposed = (outcome: Record<string, any>): string[] =>
  (outcome.issue as { details?: { coding?: { system: string; code: string }[] } }[])
    .flatMap((i) => i.details?.coding ?? [])
    .filter((c) => c.system === NEXT_FREE_SLOT_SYSTEM)
    .map((c) => c.code);

/** Her schedule with `count` free slots, an hour apart from tomorrow. */
async function publish(count: number, expert: Who = 'derm') {
  const scheduleId = randomUUID();
  expect((await put(expert, schedule(scheduleId, who[expert].sub))).status).toBe(201);
  const slotIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    expect((await put(expert, slot(id, scheduleId, i))).status).toBe(201);
    slotIds.push(id);
  }
  return { scheduleId, slotIds };
}

describe('booking a slot on the hub', () => {
  it('gives a slot booked twice concurrently to one booking only, and tells the other the next free slots', async () => {
    const rounds = 25;
    const { slotIds } = await publish(rounds + 3);
    for (let round = 0; round < rounds; round++) {
      const target = slotIds[round]!;
      const [a, b] = await Promise.all([
        put('cartA', appointment(randomUUID(), target, 'cartA', 'dr-derm', round)),
        put('cartB', appointment(randomUUID(), target, 'cartB', 'dr-derm', round)),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      const loser = a.status === 409 ? a : b;
      expect(loser.json.resourceType).toBe('OperationOutcome');
      expect(loser.json.issue[0].details.text).toBe(SLOT_TAKEN_TEXT);
      // The next free slots of the same schedule, earliest first: the ones after this round's.
      expect(proposed(loser.json)).toEqual(slotIds.slice(round + 1, round + 4));
      expect((await fhir('cartA', 'GET', `/Slot/${target}`)).json.status).toBe('busy');
    }
  });

  it('takes a retried PUT of the same appointment as the same booking, not a second one', async () => {
    const { slotIds } = await publish(2);
    const booking = appointment(randomUUID(), slotIds[0]!, 'cartA');
    expect((await put('cartA', booking)).status).toBe(201);
    const retried = await put('cartA', booking);
    expect(retried.status).toBe(200);
    expect(retried.json.id).toBe(booking.id);
    // Still one booking of that slot: another one of the same station is refused.
    const second = await put('cartA', appointment(randomUUID(), slotIds[0]!, 'cartA'));
    expect(second.status).toBe(409);
    expect(proposed(second.json)).toEqual([slotIds[1]]);
    // Sent twice at once (a retry while the first is still on its way): one creates, the other finds it.
    const twice = appointment(randomUUID(), slotIds[1]!, 'cartB', 'dr-derm', 1);
    const answers = await Promise.all([put('cartB', twice), put('cartB', twice)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
    expect((await fhir('cartB', 'GET', `/Appointment/${twice.id}/_history`)).json.entry).toHaveLength(2);
  });

  it('frees the slot when its appointment is cancelled with a reason, for another station to book', async () => {
    const { slotIds } = await publish(1);
    const booking = appointment(randomUUID(), slotIds[0]!, 'cartA');
    expect((await put('cartA', booking)).status).toBe(201);
    const withoutReason = await put('cartA', { ...booking, status: 'cancelled' });
    expect(withoutReason.status).toBe(403);
    expect((await fhir('cartA', 'GET', `/Slot/${slotIds[0]}`)).json.status).toBe('busy');
    const cancel = await put('cartA', cancelled(booking, 'Patiente hospitalisée'));
    expect(cancel.status).toBe(200);
    expect(cancel.json.cancelationReason.text).toBe('Patiente hospitalisée');
    expect((await fhir('cartB', 'GET', `/Slot/${slotIds[0]}`)).json.status).toBe('free');
    expect((await put('cartB', appointment(randomUUID(), slotIds[0]!, 'cartB'))).status).toBe(201);
    // A cancelled appointment is not booked again under its id; a move is a new booking.
    expect((await put('cartA', booking)).status).toBe(409);
  });

  it('lets stations search the free slots of a schedule from a date', async () => {
    const { scheduleId, slotIds } = await publish(4);
    expect((await put('cartA', appointment(randomUUID(), slotIds[1]!, 'cartA', 'dr-derm', 1))).status).toBe(201);
    const found = await fhir('cartB', 'GET', `/Slot?schedule=Schedule/${scheduleId}&status=free&start=ge${at(1)}`);
    expect(found.status).toBe(200);
    const ids = (found.json.entry as { resource: { id: string } }[]).map((e) => e.resource.id).sort();
    expect(ids).toEqual([slotIds[2]!, slotIds[3]!].sort());
  });
});

describe('who writes schedules, slots and appointments', () => {
  it('lets an expert publish only her own availability', async () => {
    const { scheduleId, slotIds } = await publish(1);
    // Another expert: not a schedule in her colleague's name, not a slot in her schedule, not her schedule's id.
    expect((await put('neuro', schedule(randomUUID(), 'dr-derm'))).status).toBe(403);
    expect((await put('neuro', slot(randomUUID(), scheduleId, 5))).status).toBe(403);
    expect((await put('neuro', schedule(scheduleId, 'dr-neuro'))).status).toBe(403);
    expect((await put('neuro', slot(slotIds[0]!, scheduleId, 0, 'busy-unavailable'))).status).toBe(403);
    // She cannot mark a slot busy herself (only a booking does), nor rewrite one that is booked.
    expect((await put('derm', slot(randomUUID(), scheduleId, 6, 'busy'))).status).toBe(403);
    expect((await put('cartA', appointment(randomUUID(), slotIds[0]!, 'cartA'))).status).toBe(201);
    expect((await put('derm', slot(slotIds[0]!, scheduleId, 0, 'free'))).status).toBe(409);
  });

  it('lets a station book but not publish, and an expert publish but not book', async () => {
    const { scheduleId, slotIds } = await publish(1);
    expect((await put('cartA', slot(randomUUID(), scheduleId, 7))).status).toBe(403);
    expect((await put('cartA', schedule(randomUUID(), 'dr-derm'))).status).toBe(403);
    expect((await put('derm', appointment(randomUUID(), slotIds[0]!, 'cartA'))).status).toBe(403);
    // A booking with someone else than the schedule's expert, or at other times than its slot's, is
    // refused and books nothing.
    expect((await put('cartA', appointment(randomUUID(), slotIds[0]!, 'cartA', 'dr-neuro'))).status).toBe(400);
    const elsewhere = await put('cartA', appointment(randomUUID(), slotIds[0]!, 'cartA', 'dr-derm', 3));
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.json.issue[0].details.text).toMatch(/starts and ends with it/);
    // POST would make a server id: a lost answer could then book twice.
    const post = await fhir('cartA', 'POST', '/Appointment', appointment(randomUUID(), slotIds[0]!, 'cartA'));
    expect(post.status).toBe(405);
    expect((await fhir('cartA', 'GET', `/Slot/${slotIds[0]}`)).json.status).toBe('free');
  });

  it('shows an appointment to its station and its expert only', async () => {
    const { slotIds } = await publish(1);
    const booking = appointment(randomUUID(), slotIds[0]!, 'cartA');
    expect((await put('cartA', booking)).status).toBe(201);
    expect((await fhir('cartA', 'GET', `/Appointment/${booking.id}`)).status).toBe(200);
    expect((await fhir('derm', 'GET', `/Appointment/${booking.id}`)).status).toBe(200);
    expect((await fhir('cartB', 'GET', `/Appointment/${booking.id}`)).status).toBe(404);
    expect((await fhir('neuro', 'GET', `/Appointment/${booking.id}`)).status).toBe(404);
    expect((await put('cartB', cancelled(booking, 'Pas à moi'))).status).toBe(403);
  });

  it('refuses a new booking of a slot that has begun, outside its offer’s hours, or of an offer gone', async () => {
    const refusedFor = async (slotStart: number, offerId: string) => {
      const scheduleId = randomUUID();
      expect((await put('derm', schedule(scheduleId, 'dr-derm', offerId))).status).toBe(201);
      const slotId = randomUUID();
      const startsAt = new Date(slotStart).toISOString();
      const endsAt = new Date(slotStart + 30 * 60_000).toISOString();
      const free = { ...slot(slotId, scheduleId, 0), start: startsAt, end: endsAt };
      expect((await put('derm', free)).status).toBe(201);
      const booking = { ...appointment(randomUUID(), slotId, 'cartA'), start: startsAt, end: endsAt };
      const answer = await put('cartA', booking);
      return { status: answer.status, text: answer.json.issue?.[0]?.details?.text as string };
    };
    // Booked offline, sent after the slot began.
    const begun = await refusedFor(Date.now() - 5 * 60_000, 'derm-brest');
    expect(begun.status).toBe(409);
    expect(begun.text).toContain('began at');
    // At 03:00 in Paris, the weekday offer is closed.
    const night = new Date(base);
    night.setUTCHours(2, 0, 0, 0);
    const closed = await refusedFor(night.getTime() + 24 * HOUR, 'derm-day');
    expect(closed.status).toBe(409);
    expect(closed.text).toContain('outside the hours of the offer derm-day');
    // An offer the directory does not have.
    const gone = await refusedFor(base + 5 * HOUR, 'derm-withdrawn');
    expect(gone.status).toBe(409);
    expect(gone.text).toContain("not in the region's directory any more");
  });

  it('names the three types in its CapabilityStatement', async () => {
    const metadata = await fhir('cartA', 'GET', '/metadata');
    const types = (metadata.json.rest[0].resource as { type: string }[]).map((r) => r.type);
    expect(types).toEqual(expect.arrayContaining(['Schedule', 'Slot', 'Appointment']));
  });
});
