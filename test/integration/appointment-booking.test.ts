// Booking a téléconsultation through a real hub (issue 22, point 2), with real SQLite: the
// dermatologist's station publishes her slots; the cart reads them, then, cut from the region,
// books two: both wait "en attente de confirmation". Meanwhile another station takes the second
// slot. When the link comes back the hub confirms the first and refuses the second, naming the
// next free slots; the cart moves the confirmed one with a reason, then cancels it with a reason,
// and the hub's slots follow.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { issueToken } from '../../src/hub/tokens';
import type { EventPayload } from '../../src/shared/contract';
import { HUB_PEER_SYSTEM } from '../../src/shared/region-source';
import type { Appointment } from '../../src/shared/scheduling/appointment';
import { contractValue as value } from '../helpers/contract-value';
import { DERMATOLOGY_OFFER, startDermatologyRegion } from '../helpers/dermatology-region';
import { useCleanups } from '../helpers/cleanups';
import { validatedIdentity } from '../helpers/identities';
import { stationDatabase } from '../helpers/station-database';
import { useTempDir } from '../helpers/temp-dir';
import { SECRET, cartToken, dermToken, eventually, exp, failure } from '../helpers/teleexpertise';

const tempDir = useTempDir();
const cleanup = useCleanups();

const OFFER = DERMATOLOGY_OFFER;
const otherCartToken = issueToken(SECRET, {
  sub: 'cart-9',
  role: 'station',
  name: 'Chariot 9',
  site: 'EHPAD Ker Anna',
  specialty: null,
  exp,
});

describe('booking a slot from the cart', () => {
  it('books offline, is confirmed or refused by the hub once online, and moves and cancels with reasons', async () => {
    const { hub, proxy, viaProxy, dataDirs, openStation, untilOnline } = await startDermatologyRegion(cleanup, tempDir);
    const cart = openStation(cartToken, { hub: viaProxy(hub.url), fhir: viaProxy(hub.fhirUrl) });
    const derm = openStation(dermToken);
    const changes: EventPayload<'scheduling.appointmentChanged'>[] = [];
    cart.events.on('scheduling.appointmentChanged', (change) => changes.push(change));
    await untilOnline(cart, derm);

    // She publishes four half-hour slots tomorrow morning (publishing again changes nothing).
    const tomorrow = new Date(Date.now() + 24 * 3600_000);
    tomorrow.setUTCHours(8, 0, 0, 0);
    const halfHours = [0, 1, 2, 3].map((i) => ({
      start: new Date(tomorrow.getTime() + i * 1800_000).toISOString(),
      end: new Date(tomorrow.getTime() + (i + 1) * 1800_000).toISOString(),
    }));
    const published = await value(derm, 'scheduling.publishSlots', { offerId: OFFER, slots: halfHours });
    expect(published.slots.map((s) => s.start)).toEqual(halfHours.map((s) => s.start));
    expect((await value(derm, 'scheduling.publishSlots', { offerId: OFFER, slots: halfHours })).slots).toEqual(
      published.slots,
    );
    // A station does not publish slots: it is said, nothing is written.
    expect((await failure(cart, 'scheduling.publishSlots', { offerId: OFFER, slots: halfHours })).code).toBe(
      'forbidden',
    );

    const free = await value(cart, 'scheduling.freeSlots', { offerId: OFFER, from: new Date().toISOString() });
    expect(free).toEqual(published.slots);
    expect(free.every((s) => s.expertId === 'dr-le-goff')).toBe(true);
    const created = await value(cart, 'patients.create', { identity: validatedIdentity(), notDuplicateOf: [] });
    if (created.status !== 'created') throw new Error('patient not created');
    const patientId = created.patient.id;

    // Cut from the region: the free slots cannot be read, and it is said; booking still works.
    proxy.cut();
    await eventually(
      () => value(cart, 'calls.hub', {}),
      (h) => h.link !== 'online',
      'the cart offline',
    );
    const offline = await failure(cart, 'scheduling.freeSlots', { offerId: OFFER, from: new Date().toISOString() });
    expect(offline.code).toBe('hub_unavailable');
    expect(offline.message).toMatch(/cannot be reached now .*: the free slots are read from it, online only/);
    const reason = 'Lésion pigmentée du dos';
    const first = await value(cart, 'scheduling.book', { patientId, offerId: OFFER, slot: free[0]!, reason });
    const second = await value(cart, 'scheduling.book', { patientId, offerId: OFFER, slot: free[1]!, reason });
    // A slot the cart saw that the region no longer has (withdrawn, or a region restarted empty).
    const gone = { ...free[3]!, id: 'slot-withdrawn' };
    const third = await value(cart, 'scheduling.book', { patientId, offerId: OFFER, slot: gone, reason });
    for (const booked of [first, second, third]) {
      expect(booked.status).toBe('pending');
      expect(booked.synced).toBe(false);
    }
    // Meanwhile another station takes the second slot at the hub.
    const otherId = randomUUID();
    const other = await fetch(`${hub.fhirUrl}/Appointment/${otherId}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${otherCartToken}`, 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify({
        resourceType: 'Appointment',
        id: otherId,
        status: 'booked',
        slot: [{ reference: `Slot/${free[1]!.id}` }],
        start: free[1]!.start,
        end: free[1]!.end,
        participant: [
          { actor: { reference: `Patient/${randomUUID()}` }, status: 'accepted' },
          { actor: { type: 'Location', identifier: { system: HUB_PEER_SYSTEM, value: 'cart-9' } }, status: 'accepted' },
          { actor: { reference: 'Practitioner/dr-le-goff' }, status: 'accepted' },
        ],
      }),
    });
    expect(other.status).toBe(201);

    // Online again: the hub confirms the first booking and refuses the second, with the next free slots.
    proxy.restore();
    const agendaOf = () =>
      value(cart, 'scheduling.agenda', {
        from: tomorrow.toISOString(),
        to: new Date(tomorrow.getTime() + 24 * 3600_000).toISOString(),
      });
    const byId = (list: Appointment[], id: string) => list.find((a) => a.id === id)!;
    const settled = await eventually(
      agendaOf,
      (list) =>
        byId(list, first.id).status === 'confirmed' &&
        byId(list, second.id).status === 'refused' &&
        byId(list, third.id).status === 'refused',
      'the hub’s answers',
    );
    expect(byId(settled, first.id).synced).toBe(true);
    // The next free slots at the time of the refusal, earliest first: the first booking's slot too
    // when the hub answered the second before the first (a row that met the cut waits its back-off).
    expect(byId(settled, second.id).refusal?.code).toBe('slot_taken');
    // Refused for another reason: said with the hub's words, not left waiting for a confirmation.
    expect(byId(settled, third.id).refusal).toEqual({
      code: 'refused',
      detail: expect.stringMatching(/404.*Slot\/slot-withdrawn is not found/),
    });
    expect(byId(settled, third.id).proposedSlots).toEqual([]);
    const proposals = byId(settled, second.id).proposedSlots;
    expect([
      [free[2], free[3]],
      [free[0], free[2], free[3]],
    ]).toContainEqual(proposals);
    expect(changes).toEqual(
      expect.arrayContaining([
        { id: first.id, status: 'confirmed' },
        { id: second.id, status: 'refused' },
        { id: third.id, status: 'refused' },
      ]),
    );
    const asExpert = async (path: string) =>
      (await fetch(`${hub.fhirUrl}${path}`, { headers: { Authorization: `Bearer ${dermToken}` } })).json() as Promise<
        Record<string, any>
      >;
    const atHub = await asExpert(`/Appointment/${first.id}`);
    expect(atHub.status).toBe('booked');
    expect(atHub.reasonCode[0].text).toBe(reason);
    expect(atHub.participant[1].actor.identifier.value).toBe('cart-7');
    expect((await asExpert(`/Slot/${free[0]!.id}`)).status).toBe('busy');
    // A refused booking is not booked at the hub, and the cart's sync does not believe it is there.
    expect((await asExpert(`/Appointment/${second.id}`)).resourceType).toBe('OperationOutcome');
    const cartDb = stationDatabase(dataDirs.get(cartToken)!, { readonly: true });
    const ledger = (id: string) =>
      cartDb.prepare("SELECT entity_id FROM sync_resources WHERE entity = 'appointment' AND entity_id = ?").all(id);
    expect(ledger(second.id)).toEqual([]);
    expect(ledger(first.id)).toEqual([{ entity_id: first.id }]);
    expect(
      cartDb.prepare("SELECT count(*) AS n FROM outbox WHERE entity = 'appointment' AND entity_id = ?").get(second.id),
    ).toEqual({ n: 0 });
    cartDb.close();
    await expect(
      failure(cart, 'scheduling.cancelAppointment', { id: second.id, version: 1, reason: 'Doublon' }),
    ).resolves.toMatchObject({ code: 'validation_failed' });

    // Moved to one of the proposed slots, with a reason: the old slot is freed, the new one taken.
    const confirmed = byId(settled, first.id);
    const moved = await value(cart, 'scheduling.moveAppointment', {
      id: first.id,
      version: confirmed.version,
      slot: free[2]!,
      reason: 'Transport indisponible à 8 h',
    });
    expect(moved.status).toBe('pending');
    expect(moved.movedFrom).toBe(first.id);
    expect(moved.reason).toBe(reason);
    const afterMove = await eventually(
      agendaOf,
      (list) => byId(list, moved.id).status === 'confirmed' && byId(list, first.id).synced,
      'the move at the hub',
    );
    expect(byId(afterMove, first.id)).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Transport indisponible à 8 h',
      movedTo: moved.id,
    });
    expect((await asExpert(`/Appointment/${first.id}`)).cancelationReason.text).toBe('Transport indisponible à 8 h');
    expect((await asExpert(`/Slot/${free[0]!.id}`)).status).toBe('free');
    expect((await asExpert(`/Slot/${free[2]!.id}`)).status).toBe('busy');

    // Cancelled with a reason: the slot is free again for anyone.
    const cancelled = await value(cart, 'scheduling.cancelAppointment', {
      id: moved.id,
      version: byId(afterMove, moved.id).version,
      reason: 'Patiente hospitalisée',
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Patiente hospitalisée', synced: false });
    await eventually(agendaOf, (list) => byId(list, moved.id).synced, 'the cancellation at the hub');
    expect((await asExpert(`/Slot/${free[2]!.id}`)).status).toBe('free');
    const freeNow = await value(cart, 'scheduling.freeSlots', { offerId: OFFER, from: new Date().toISOString() });
    expect(freeNow.map((s) => s.id)).toEqual([free[0]!.id, free[2]!.id, free[3]!.id]);

    // The agenda of the day lists the four, earliest first.
    expect((await agendaOf()).map((a) => [a.id, a.status])).toEqual([
      [first.id, 'cancelled'],
      [second.id, 'refused'],
      [moved.id, 'cancelled'],
      [third.id, 'refused'],
    ]);
  });
});
