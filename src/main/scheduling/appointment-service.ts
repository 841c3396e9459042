// Booking, cancelling and moving on the station, offline first (issue 22, point 2): each change is
// kept at once with its outbox row in one transaction, "en attente de confirmation" until the hub
// answers through the push (push-appointment.ts): confirmed, or refused because the slot was taken
// meanwhile, with the next free slots it proposed. A move is the old appointment cancelled with the
// reason and a new booking of the new slot, in one transaction.
import { randomUUID } from 'node:crypto';
import type { Appointment, BookInput, FreeSlot } from '../../shared/scheduling/appointment';
import { AppFailure } from '../contract/failure';
import type { Db } from '../platform/database/connection';
import type { OutboxRepository } from '../platform/database/outbox-repository';
import type { StationEvents } from '../platform/station-events';
import type { AppointmentSource } from '../sync';
import type { AppointmentRepository } from './appointment-repository';

export interface AppointmentServiceDeps {
  db: Db;
  repo: AppointmentRepository;
  outbox: OutboxRepository;
  events: StationEvents;
  now: () => Date;
  patientExists: (id: string) => boolean;
  /** This station as the hub knows it (its hub id), and its name: the appointment's requesting site. */
  site: () => { id: string | null; name: string };
  /** The patient as an appointment names her for the expert (names and birth date). */
  patientName?: (patientId: string) => string | null;
}

const iso = (value: string) => new Date(value).toISOString();

export function createAppointmentService(deps: AppointmentServiceDeps) {
  const { repo } = deps;
  const changed = (a: Appointment) => deps.events.emit('scheduling.appointmentChanged', { id: a.id, status: a.status });
  const transaction = <T>(work: () => T): T => deps.db.transaction(work)();

  function checkSlot(slot: FreeSlot, path: string): void {
    if (repo.holdsSlot(slot.id))
      throw new AppFailure('validation_failed', 'This station already booked this slot: choose another one.', [
        { path, code: 'appointment.slot_already_booked' },
      ]);
    if (Date.parse(slot.start) <= deps.now().getTime())
      throw new AppFailure('validation_failed', 'This slot has already begun: choose a later one.', [
        { path, code: 'appointment.slot_past' },
      ]);
    if (Date.parse(slot.end) <= Date.parse(slot.start))
      throw new AppFailure('validation_failed', 'This slot ends before it starts.', [
        { path, code: 'slot.ends_before_start' },
      ]);
  }

  /** The appointment at this version, still booked (pending or confirmed): what a cancel or a move needs. */
  function current(id: string, version: number): Appointment {
    const a = repo.get(id);
    if (!a) throw new AppFailure('not_found', 'This appointment is not on this station.');
    if (a.version !== version)
      throw new AppFailure('stale_version', 'This appointment changed meanwhile: read it again before changing it.');
    if (a.status !== 'pending' && a.status !== 'confirmed')
      throw new AppFailure(
        'validation_failed',
        a.status === 'refused'
          ? 'This booking was refused by the regional hub: there is nothing to cancel. Book one of the proposed slots.'
          : 'This appointment is already cancelled.',
        [{ path: 'id', code: 'appointment.not_booked' }],
      );
    return a;
  }

  function newBooking(input: BookInput, movedFrom: string | null, at: string) {
    const id = randomUUID();
    repo.insert({
      id,
      patientId: input.patientId,
      offerId: input.offerId,
      expertId: input.slot.expertId,
      slotId: input.slot.id,
      scheduleId: input.slot.scheduleId,
      start: iso(input.slot.start),
      end: iso(input.slot.end),
      reason: input.reason,
      encounterId: input.encounterId ?? null,
      movedFrom,
      createdAt: at,
    });
    return id;
  }

  const source: AppointmentSource = {
    get: (id) => repo.get(id),
    site: () => deps.site(),
    patientName: (patientId) => deps.patientName?.(patientId) ?? null,
    confirmed(id, version) {
      const before = repo.get(id);
      repo.confirmed(id, version);
      const after = repo.get(id);
      if (after && before?.status !== after.status) changed(after);
    },
    refused(id, version, refusal, proposed) {
      if (repo.refused(id, version, refusal, proposed)) changed(repo.get(id)!);
      return repo.get(id)?.status === 'refused';
    },
  };

  return {
    source,
    book(input: BookInput): Appointment {
      if (!deps.patientExists(input.patientId))
        throw new AppFailure('not_found', 'This patient is not on this station.');
      checkSlot(input.slot, 'slot');
      const at = deps.now().toISOString();
      const id = transaction(() => {
        const booked = newBooking(input, null, at);
        deps.outbox.enqueue('appointment', booked, 1, 'create', at);
        return booked;
      });
      const booked = repo.get(id)!;
      changed(booked);
      return booked;
    },
    cancel(id: string, version: number, reason: string): Appointment {
      const at = deps.now().toISOString();
      transaction(() => {
        current(id, version);
        repo.cancel(id, version, reason, null, at);
        deps.outbox.enqueue('appointment', id, version + 1, 'update', at);
      });
      const cancelled = repo.get(id)!;
      changed(cancelled);
      return cancelled;
    },
    move(id: string, version: number, slot: FreeSlot, reason: string): Appointment {
      current(id, version);
      checkSlot(slot, 'slot');
      const at = deps.now().toISOString();
      const newId = transaction(() => {
        const old = current(id, version);
        const moved = newBooking(
          { patientId: old.patientId, offerId: old.offerId, slot, reason: old.reason, encounterId: old.encounterId },
          old.id,
          at,
        );
        repo.cancel(id, version, reason, moved, at);
        // The old slot is freed before the new one is taken (the outbox goes in order).
        deps.outbox.enqueue('appointment', id, version + 1, 'update', at);
        deps.outbox.enqueue('appointment', moved, 1, 'create', at);
        return moved;
      });
      changed(repo.get(id)!);
      const moved = repo.get(newId)!;
      changed(moved);
      return moved;
    },
    agenda(from: string, to: string): Appointment[] {
      return repo.inPeriod(iso(from), iso(to));
    },
    /** The act of the appointment: kept the first time (a second "open" opens the same act). */
    linkAct(id: string, encounterId: string): Appointment {
      const a = repo.get(id);
      if (!a) throw new AppFailure('not_found', 'This appointment is not on this station.');
      repo.linkAct(id, encounterId);
      return repo.get(id)!;
    },
    ofPatient(patientId: string): Appointment[] {
      if (!deps.patientExists(patientId)) throw new AppFailure('not_found', 'This patient is not on this station.');
      return repo.ofPatient(patientId);
    },
  };
}
