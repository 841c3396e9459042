// Who may read and write Schedules, Slots and Appointments on the hub's FHIR endpoint (issue 22,
// point 2), decided from the token's claims. An expert publishes her own availability: a Schedule
// whose actor is her Practitioner (by her hub id) and its Slots; every token reads them, since
// stations book into them. A station books: an Appointment is read by its writer and by the expert
// it names, and written by a station only. Whether the slot is free is the booking desk's
// (appointments.ts), which holds the slots' bookings.
import type { Resource } from '@medplum/fhirtypes';
import type { Claims } from '../tokens';

export const SCHEDULING_TYPES: ReadonlySet<string> = new Set(['Schedule', 'Slot', 'Appointment']);
export const isSchedulingType = (type: string): boolean => SCHEDULING_TYPES.has(type);

type AnyResource = Resource & { id?: string; [key: string]: unknown };
type Reference = { reference?: unknown };
const list = (v: unknown): Reference[] => (Array.isArray(v) ? v : v ? [v] : []) as Reference[];
const references = (v: unknown, type: string): string[] =>
  list(v)
    .map((r) => (typeof r.reference === 'string' && r.reference.startsWith(`${type}/`) ? r.reference : null))
    .filter((r): r is string => r !== null);

/** The Practitioner references among a Schedule's actors. */
export const practitionersOfSchedule = (schedule: AnyResource): string[] => references(schedule.actor, 'Practitioner');

/** The single Slot an appointment takes, or null when it names none or several. */
export function slotIdOf(appointment: AnyResource): string | null {
  const slots = references(appointment.slot, 'Slot');
  return slots.length === 1 ? slots[0]!.slice('Slot/'.length) : null;
}

/** The Practitioner participants of an appointment (the expert it is booked with). */
export const practitionersOfAppointment = (appointment: AnyResource): string[] =>
  list(appointment.participant)
    .flatMap((p) => references((p as { actor?: unknown }).actor, 'Practitioner'))
    .filter((r, i, all) => all.indexOf(r) === i);

export function canReadScheduling(r: AnyResource, claims: Claims, writer: string | null): boolean {
  // The region's availability is shared: every station books into it.
  if (r.resourceType === 'Schedule' || r.resourceType === 'Slot') return true;
  // SECURITY: an appointment is its booking station's and its expert's, nobody else's.
  return writer === claims.sub || practitionersOfAppointment(r).includes(`Practitioner/${claims.sub}`);
}

/** Null when this token may write this Schedule, Slot or Appointment; else why not (answered 403). */
export async function whyNotWriteScheduling(
  r: AnyResource,
  claims: Claims,
  read: (type: string, id: string) => Promise<AnyResource | null>,
): Promise<string | null> {
  const me = `Practitioner/${claims.sub}`;
  switch (r.resourceType) {
    case 'Schedule': {
      if (claims.role !== 'expert') return 'Only an expert’s token publishes a Schedule (her availability).';
      const actors = practitionersOfSchedule(r);
      // SECURITY: her own availability only, named by her hub id, never another's.
      if (actors.length !== 1 || actors[0] !== me)
        return `A Schedule published with this token names exactly one Practitioner: ${me}.`;
      return null;
    }
    case 'Slot': {
      if (claims.role !== 'expert') return 'Only an expert’s token publishes Slots, in her own Schedule.';
      const scheduleRef = list(r.schedule)[0]?.reference;
      const scheduleId =
        typeof scheduleRef === 'string' ? /^Schedule\/([A-Za-z0-9.-]{1,64})$/.exec(scheduleRef)?.[1] : null;
      const schedule = scheduleId ? await read('Schedule', scheduleId) : null;
      if (!schedule) return 'A Slot belongs to a Schedule published first (schedule: Schedule/<id>).';
      if (!practitionersOfSchedule(schedule).includes(me)) return `Schedule/${scheduleId} is not yours.`;
      // SECURITY: a slot becomes busy by a booking only (the desk), never by its expert's say.
      if (r.status !== 'free' && r.status !== 'busy-unavailable')
        return 'An expert publishes a Slot free or busy-unavailable; it becomes busy when a station books it.';
      return null;
    }
    case 'Appointment': {
      if (claims.role !== 'station') return 'Only a station’s token books an Appointment.';
      if (r.status !== 'booked' && r.status !== 'cancelled')
        return 'An Appointment is sent booked (to book its slot) or cancelled (to free it).';
      if (slotIdOf(r) === null) return 'An Appointment takes exactly one slot (slot: [Slot/<id>]).';
      if (practitionersOfAppointment(r).length !== 1)
        return 'An Appointment names exactly one expert (a participant Practitioner/<her hub id>).';
      if (r.status === 'cancelled' && !(r.cancelationReason as { text?: string } | undefined)?.text)
        return 'A cancelled Appointment says why (cancelationReason.text).';
      return null;
    }
    default:
      return null;
  }
}
