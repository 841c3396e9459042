// The hub's booking desk (issue 22, point 2): a station books a slot by PUT Appointment/<its own
// id>; the desk gives each slot to one booking only. The check ("is this slot free?") and the
// taking (holders.set) run with no await between them, and every write about one slot runs under
// that slot's lock, so two bookings of one slot arriving together cannot both pass: the second
// is answered 409 with the schedule's next free slots. A PUT of an appointment the desk already
// booked on that slot is a retry (a lost answer), not a second booking. Cancelling frees the slot;
// a move is a cancellation and a new booking (two appointments), each with its reason.
import type {
  Appointment,
  HealthcareService,
  OperationOutcome,
  OperationOutcomeIssue,
  Resource,
  Schedule,
  Slot,
} from '@medplum/fhirtypes';
import { Operator } from '@medplum/core';
import type { FhirRepository } from '@medplum/fhir-router';
import { NEXT_FREE_SLOT_SYSTEM, NEXT_FREE_SLOTS, SLOT_TAKEN_TEXT } from '../../shared/scheduling/appointment';
import { isOfferOpen, type Offer } from '../../shared/scheduling/offer';
import { practitionersOfAppointment, practitionersOfSchedule, slotIdOf } from './appointment-access';
import { offerFrom } from './offer-resources';

export type DeskAnswer = { status: number; outcome: OperationOutcome } | null;
/** Stores the resource and answers the client (`created`: it did not exist: 201); returns the status answered. */
export type Write = (created: boolean) => Promise<number>;

const refusal = (
  status: number,
  code: OperationOutcomeIssue['code'],
  text: string,
  extra: OperationOutcomeIssue[] = [],
) => ({
  status,
  outcome: {
    resourceType: 'OperationOutcome' as const,
    issue: [{ severity: 'error' as const, code, details: { text } }, ...extra],
  },
});

export interface AppointmentDesk {
  /**
   * Runs a PUT of an Appointment: refuses it (status and OperationOutcome, nothing written), or
   * lets `write` store it (it answers the client and returns the status it answered) and then
   * takes or frees the slot.
   */
  put(appointment: Resource, write: Write): Promise<DeskAnswer>;
  /**
   * Runs a write of a Slot by its expert under the slot's lock (a booking cannot slip between its
   * check and its write); a booked slot is not rewritten (409, nothing written).
   */
  writeSlot(slot: Resource, write: Write): Promise<DeskAnswer>;
}

export function createAppointmentDesk(repo: FhirRepository, now: () => number): AppointmentDesk {
  /** Slot id -> the id of the booked appointment holding it. */
  const holders = new Map<string, string>();
  const locks = new Map<string, Promise<unknown>>();

  function underLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const run = (locks.get(key) ?? Promise.resolve()).then(work, work);
    const settled = run.catch(() => undefined);
    locks.set(key, settled);
    void settled.then(() => {
      if (locks.get(key) === settled) locks.delete(key);
    });
    return run;
  }

  async function read<T extends Resource>(type: T['resourceType'], id: string): Promise<T | null> {
    try {
      return (await repo.readResource(type, id)) as T;
    } catch {
      return null;
    }
  }

  /** The schedule's next free slots from now, earliest first, as issues naming each. */
  async function nextFreeSlots(scheduleRef: string): Promise<OperationOutcomeIssue[]> {
    const slots = (await repo.searchResources({
      resourceType: 'Slot',
      filters: [{ code: 'schedule', operator: Operator.EQUALS, value: scheduleRef }],
      count: 1000,
    })) as Slot[];
    return slots
      .filter((s) => s.status === 'free' && !holders.has(s.id!) && Date.parse(s.start) > now())
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
      .slice(0, NEXT_FREE_SLOTS)
      .map((s) => ({
        severity: 'information' as const,
        code: 'informational' as const,
        details: {
          coding: [{ system: NEXT_FREE_SLOT_SYSTEM, code: s.id!, display: `${s.start}/${s.end}` }],
          text: `Free: Slot/${s.id} from ${s.start} to ${s.end}.`,
        },
      }));
  }

  /**
   * Why a new booking of this slot is refused (null: bookable): the slot has begun (a booking kept
   * offline meanwhile), the schedule's offer is withdrawn or unknown, or the slot is outside the
   * offer's hours (issue 22, point 6: bookings respect them; an urgent offer is always open).
   */
  async function whyNotBookable(slot: Slot, schedule: Schedule): Promise<{ text: string; offerGone: boolean } | null> {
    const gone = (text: string) => ({ text, offerGone: true });
    if (Date.parse(slot.start) <= now())
      return { text: `Slot/${slot.id} began at ${slot.start}: book a later one.`, offerGone: false };
    const offerId = (schedule.actor ?? [])
      .map((a) => a.reference ?? '')
      .find((r) => r.startsWith('HealthcareService/'))
      ?.slice('HealthcareService/'.length);
    const service = offerId ? await read<HealthcareService>('HealthcareService', offerId) : null;
    if (!service || service.active === false)
      return gone(
        `The offer ${offerId ?? '(none named)'} of this slot is not in the region's directory any more: choose another offer.`,
      );
    let offer: Offer;
    try {
      offer = offerFrom(service, []);
    } catch {
      return gone(`The offer ${offerId} cannot be read by the hub: ask the region's coordinator to publish it again.`);
    }
    if (!isOfferOpen(offer, new Date(slot.start)))
      return {
        text: `Slot/${slot.id} (${slot.start}) is outside the hours of the offer ${offerId}: choose a slot in its hours.`,
        offerGone: false,
      };
    return null;
  }

  async function setSlotStatus(slotId: string, status: Slot['status']): Promise<void> {
    const slot = await read<Slot>('Slot', slotId);
    if (slot && slot.status !== status) await repo.updateResource({ ...slot, status });
  }

  async function book(appointment: Appointment, slotId: string, write: () => Promise<number>): Promise<DeskAnswer> {
    const slot = await read<Slot>('Slot', slotId);
    if (!slot) return refusal(404, 'not-found', `Slot/${slotId} is not found: book a slot the region published.`);
    const scheduleRef = slot.schedule.reference ?? '';
    const schedule = await read('Schedule', scheduleRef.replace(/^Schedule\//, ''));
    const expert = practitionersOfAppointment(appointment as never)[0];
    if (!schedule || !practitionersOfSchedule(schedule as never).includes(expert!))
      return refusal(400, 'invariant', `Slot/${slotId} is not in a schedule of ${expert}.`);
    // The appointment's times are its slot's: an agenda never shows a booking elsewhere than its slot.
    if (
      Date.parse(appointment.start ?? '') !== Date.parse(slot.start) ||
      Date.parse(appointment.end ?? '') !== Date.parse(slot.end)
    )
      return refusal(
        400,
        'invariant',
        `An appointment of Slot/${slotId} starts and ends with it: ${slot.start} to ${slot.end}.`,
      );
    // A retry of the booking that holds the slot is answered as before; a new booking is checked
    // against what may have changed while it waited offline: the slot begun, the offer gone or closed.
    if (holders.get(slotId) !== appointment.id) {
      const why = await whyNotBookable(slot, schedule as Schedule);
      // The schedule's next free slots are proposed when the offer is still there to book them.
      if (why) return refusal(409, 'business-rule', why.text, why.offerGone ? [] : await nextFreeSlots(scheduleRef));
    }
    // The check and the taking, with no await between them: one booking only gets the slot.
    const holder = holders.get(slotId);
    if ((holder !== undefined && holder !== appointment.id) || (holder === undefined && slot.status !== 'free'))
      return refusal(409, 'conflict', SLOT_TAKEN_TEXT, await nextFreeSlots(scheduleRef));
    holders.set(slotId, appointment.id!);
    let status = 500;
    try {
      status = await write();
    } finally {
      if (status >= 300 && holder === undefined) holders.delete(slotId);
    }
    if (status < 300) await setSlotStatus(slotId, 'busy');
    return null;
  }

  async function cancel(appointment: Appointment, slotId: string, write: () => Promise<number>): Promise<DeskAnswer> {
    const status = await write();
    if (status < 300 && holders.get(slotId) === appointment.id) {
      holders.delete(slotId);
      await setSlotStatus(slotId, 'free');
    }
    return null;
  }

  return {
    async put(resource, write) {
      const appointment = resource as Appointment;
      const slotId = slotIdOf(appointment as never)!;
      return underLock(`Slot/${slotId}`, async () => {
        const held = await read<Appointment>('Appointment', appointment.id!);
        const heldSlot = held ? slotIdOf(held as never) : null;
        if (held && heldSlot !== slotId)
          return refusal(
            409,
            'business-rule',
            'An appointment keeps its slot: to move it, cancel it and book the new slot as a new appointment.',
          );
        const store = () => write(held === null);
        if (appointment.status === 'cancelled') return cancel(appointment, slotId, store);
        if (held?.status === 'cancelled')
          return refusal(409, 'business-rule', 'This appointment was cancelled: book again as a new appointment.');
        return book(appointment, slotId, store);
      });
    },
    writeSlot(slot, write) {
      const check = async (): Promise<DeskAnswer> => {
        const holder = slot.id ? holders.get(slot.id) : undefined;
        if (holder !== undefined)
          return refusal(
            409,
            'conflict',
            `Slot/${slot.id} is booked (Appointment/${holder}): it changes once cancelled.`,
          );
        await write(!slot.id || (await read('Slot', slot.id)) === null);
        return null;
      };
      return slot.id ? underLock(`Slot/${slot.id}`, check) : check();
    },
  };
}
