// The station's bookings on a real SQLite database (migration 0034): a booking is kept with its
// outbox row in one transaction, pending; the hub's answers (from the push) confirm or refuse it;
// cancel and move are new versions queued the same way, a move freeing the old slot before taking
// the new one; what cannot be done is refused with a reason and leaves nothing behind.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/main/platform/database/connection';
import { createOutboxRepository } from '../../../src/main/platform/database/outbox-repository';
import { createPatientRepository } from '../../../src/main/patients/patient-repository';
import { AppFailure } from '../../../src/main/contract/failure';
import { createAppointmentRepository } from '../../../src/main/scheduling/appointment-repository';
import { createAppointmentService } from '../../../src/main/scheduling/appointment-service';
import { createStationEvents } from '../../../src/main/platform/station-events';
import type { EventPayload } from '../../../src/shared/contract';
import type { FreeSlot } from '../../../src/shared/scheduling/appointment';
import { useTempDir } from '../../helpers/temp-dir';
import { aPatientRecord } from '../../helpers/identities';

const tempDir = useTempDir('relais-appointments-');
const dbs: Db[] = [];
afterEach(() => dbs.splice(0).forEach((db) => db.close()));

const PATIENT = '3c1e5a7b-2d4f-4e6a-8b0c-1d2e3f405162';
const NOW = new Date('2026-12-07T10:00:00.000Z');
const slot = (n: number, start = `2026-12-08T${String(8 + n).padStart(2, '0')}:00:00.000Z`): FreeSlot => ({
  id: `slot-${n}`,
  scheduleId: 'sch-1',
  expertId: 'dr-le-goff',
  start,
  end: start.replace(':00:00.000Z', ':30:00.000Z'),
});

function setUp() {
  const db = openDatabase(path.join(tempDir(), 'relais.sqlite'));
  dbs.push(db);
  createPatientRepository(db).insert(
    aPatientRecord({ id: PATIENT, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() }),
    { operation: 'created', by: 'test' },
  );
  const events = createStationEvents();
  const changes: EventPayload<'scheduling.appointmentChanged'>[] = [];
  events.on('scheduling.appointmentChanged', (c) => changes.push(c));
  const service = createAppointmentService({
    db,
    repo: createAppointmentRepository(db),
    outbox: createOutboxRepository(db),
    events,
    now: () => NOW,
    patientExists: (id) => id === PATIENT,
    site: () => ({ id: 'cart-7', name: 'Chariot 7' }),
  });
  const outbox = () =>
    db
      .prepare<[], { entity_id: string; entity_version: number; operation: string }>(
        "SELECT entity_id, entity_version, operation FROM outbox WHERE entity = 'appointment' ORDER BY seq",
      )
      .all();
  return { service, outbox, changes };
}

const book = (s: ReturnType<typeof setUp>['service'], n: number) =>
  s.book({ patientId: PATIENT, offerId: 'derm', slot: slot(n), reason: 'Lésion pigmentée du dos' });

const failureOf = (work: () => unknown): AppFailure => {
  try {
    work();
  } catch (error) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
  throw new Error('it should have failed');
};

describe('booking on the station', () => {
  it('keeps a booking pending with its outbox row, and the hub’s answer confirms it', () => {
    const { service, outbox, changes } = setUp();
    const booked = book(service, 0);
    expect(booked).toMatchObject({ status: 'pending', synced: false, version: 1, expertId: 'dr-le-goff' });
    expect(outbox()).toEqual([{ entity_id: booked.id, entity_version: 1, operation: 'create' }]);
    service.source.confirmed(booked.id, 1);
    expect(service.source.get(booked.id)).toMatchObject({ status: 'confirmed', synced: true });
    expect(changes).toEqual([
      { id: booked.id, status: 'pending' },
      { id: booked.id, status: 'confirmed' },
    ]);
  });

  it('keeps a refusal with the slots the hub proposed, and refuses to cancel what was refused', () => {
    const { service } = setUp();
    const booked = book(service, 0);
    const taken = { code: 'slot_taken' as const, detail: 'This slot was taken by another booking.' };
    expect(service.source.refused(booked.id, 1, taken, [slot(1), slot(2)])).toBe(true);
    expect(service.source.get(booked.id)).toMatchObject({
      status: 'refused',
      refusal: taken,
      proposedSlots: [slot(1), slot(2)],
      synced: true,
    });
    expect(failureOf(() => service.cancel(booked.id, 1, 'Doublon')).code).toBe('validation_failed');
  });

  it('takes a refusal only for a pending booking: a cancellation the hub refuses stays the sync’s to show', () => {
    const { service } = setUp();
    const booked = book(service, 0);
    service.cancel(booked.id, 1, 'Patiente hospitalisée');
    const refusal = { code: 'refused' as const, detail: 'Refused by the regional server (404).' };
    expect(service.source.refused(booked.id, 2, refusal, [])).toBe(false);
    expect(service.source.get(booked.id)).toMatchObject({ status: 'cancelled', refusal: null });
  });

  it('stays cancelled when the hub confirms the booking it replaced', () => {
    const { service, outbox } = setUp();
    const booked = book(service, 0);
    const cancelled = service.cancel(booked.id, 1, 'Patiente hospitalisée');
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Patiente hospitalisée', version: 2 });
    expect(outbox().map((r) => [r.entity_version, r.operation])).toEqual([
      [1, 'create'],
      [2, 'update'],
    ]);
    service.source.confirmed(booked.id, 1);
    expect(service.source.get(booked.id)).toMatchObject({ status: 'cancelled', synced: false });
    service.source.confirmed(booked.id, 2);
    expect(service.source.get(booked.id)).toMatchObject({ status: 'cancelled', synced: true });
  });

  it('moves by cancelling with the reason, then booking the new slot, queued in that order', () => {
    const { service, outbox } = setUp();
    const booked = book(service, 0);
    const moved = service.move(booked.id, 1, slot(2), 'Transport indisponible à 8 h');
    expect(moved).toMatchObject({ status: 'pending', slotId: 'slot-2', movedFrom: booked.id });
    expect(service.source.get(booked.id)).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Transport indisponible à 8 h',
      movedTo: moved.id,
    });
    expect(outbox()).toEqual([
      { entity_id: booked.id, entity_version: 1, operation: 'create' },
      { entity_id: booked.id, entity_version: 2, operation: 'update' },
      { entity_id: moved.id, entity_version: 1, operation: 'create' },
    ]);
  });

  it('refuses what cannot be done and leaves nothing behind', () => {
    const { service, outbox } = setUp();
    const unknown = failureOf(() =>
      service.book({ patientId: '00000000-0000-4000-8000-000000000000', offerId: 'derm', slot: slot(0), reason: 'x' }),
    );
    expect(unknown.code).toBe('not_found');
    const past = failureOf(() =>
      service.book({ patientId: PATIENT, offerId: 'derm', slot: slot(0, '2026-12-07T09:00:00.000Z'), reason: 'x' }),
    );
    expect(past.fields).toEqual([{ path: 'slot', code: 'appointment.slot_past' }]);
    expect(outbox()).toEqual([]);
    const booked = book(service, 0);
    expect(failureOf(() => service.cancel(booked.id, 2, 'Doublon')).code).toBe('stale_version');
    expect(failureOf(() => service.move(booked.id, 1, slot(0), 'Même créneau')).fields).toEqual([
      { path: 'slot', code: 'appointment.slot_already_booked' },
    ]);
    expect(failureOf(() => book(service, 0)).fields).toEqual([
      { path: 'slot', code: 'appointment.slot_already_booked' },
    ]);
    expect(outbox()).toHaveLength(1);
  });

  it('lists the appointments overlapping a period, earliest first', () => {
    const { service } = setUp();
    const late = book(service, 1);
    const early = book(service, 0);
    const day = service.agenda('2026-12-07T23:00:00.000Z', '2026-12-08T23:00:00.000Z');
    expect(day.map((a) => a.id)).toEqual([early.id, late.id]);
    expect(service.agenda('2026-12-08T08:30:00+00:00', '2026-12-08T09:00:00Z')).toEqual([]);
    expect(service.agenda('2026-12-08T09:10:00+01:00', '2026-12-08T09:20:00+01:00').map((a) => a.id)).toEqual([
      early.id,
    ]);
  });

  it('keeps the act a follow-up was booked from, through a move, and lists the patient’s appointments', () => {
    const { service, outbox } = setUp();
    const act = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
    const followUp = service.book({
      patientId: PATIENT,
      offerId: 'derm',
      slot: slot(1),
      reason: 'Contrôle à 1 mois',
      encounterId: act,
    });
    expect(followUp.encounterId).toBe(act);
    const moved = service.move(followUp.id, 1, slot(2), 'Transport indisponible');
    expect(moved.encounterId).toBe(act);
    const plain = book(service, 0);
    expect(plain.encounterId).toBeNull();
    expect(service.ofPatient(PATIENT).map((a) => [a.id, a.status])).toEqual([
      [plain.id, 'pending'],
      [followUp.id, 'cancelled'],
      [moved.id, 'pending'],
    ]);
    expect(failureOf(() => service.ofPatient('00000000-0000-4000-8000-000000000000')).code).toBe('not_found');
    expect(outbox()).toHaveLength(4);
  });

  it('keeps the first act opened for an appointment: a second press opens the same one, and the hub is not told', () => {
    const { service, outbox } = setUp();
    const booked = book(service, 0);
    const first = '11111111-1111-4111-8111-111111111111';
    expect(service.linkAct(booked.id, first).encounterId).toBe(first);
    const again = service.linkAct(booked.id, '22222222-2222-4222-8222-222222222222');
    expect(again.encounterId).toBe(first);
    expect(again.version).toBe(1);
    expect(outbox()).toHaveLength(1);
    expect(failureOf(() => service.linkAct('nobody', first)).code).toBe('not_found');
  });
});
