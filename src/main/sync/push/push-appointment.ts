// A booking goes as its Appointment (fhir/appointment.ts), like any record (put-resource.ts); what
// the hub answers is its outcome for the person who booked: taken (201/200: confirmed), the slot
// was taken meanwhile (409: refused, with the next free slots the hub proposed, kept for the
// screen), or refused for good for another reason (refused, with the hub's words): the row is done,
// nothing is sent again. A pause or a wait, and any refusal of a cancellation, are a record's
// (row-outcomes.ts). One step of the push (push-worker.ts).
import { SLOT_TAKEN_TEXT, type Appointment, type FreeSlot, type Refusal } from '../../../shared/scheduling/appointment';
import { slotTakenRefusal } from '../fhir/appointment';
import type { FhirAnswer } from '../fhir-client';
import { refusalVerdict } from '../server-refusal';
import type { PushDeps, PushReport } from '../push-worker';
import type { OutboxRow } from '../sync-repository';
import { createPutResource, type Built } from './put-resource';
import type { RowOutcomes } from './row-outcomes';

/** The station's bookings as the sync needs them: read, and told what the hub answered. */
export interface AppointmentSource {
  get(id: string): Appointment | null;
  /** This station as the requesting site: its hub id (null before the hub gave one) and name. */
  site(): { id: string | null; name: string };
  /** The patient as the appointment names her for the expert: names and birth date (null: unknown). */
  patientName(patientId: string): string | null;
  /** The hub took this version. */
  confirmed(id: string, version: number): void;
  /**
   * The hub refused this version of the booking for good (its slot taken: the next free slots it
   * proposed). False when it is no longer a pending booking (then the row is handled as any record's).
   */
  refused(id: string, version: number, refusal: Refusal, proposed: FreeSlot[]): boolean;
}

export function createPushAppointment(deps: PushDeps, outcomes: RowOutcomes, build: (row: OutboxRow) => Built) {
  let sending: { built: NonNullable<Built>; appointment: Appointment } | null = null;

  /** What the hub's refusal means for a pending booking: taken, refused for good, or neither. */
  function refusalOf(answer: FhirAnswer, appointment: Appointment): { refusal: Refusal; proposed: FreeSlot[] } | null {
    const proposed = slotTakenRefusal(answer, appointment);
    if (proposed) return { refusal: { code: 'slot_taken', detail: SLOT_TAKEN_TEXT }, proposed };
    const verdict = refusalVerdict(answer);
    return verdict.kind === 'park' ? { refusal: { code: 'refused', detail: verdict.why }, proposed: [] } : null;
  }

  const putAppointment = createPutResource(deps, {
    ...outcomes,
    answerNotOk(row, answer, report) {
      const refused = sending ? refusalOf(answer, sending.appointment) : null;
      if (!sending || !refused) return outcomes.answerNotOk(row, answer, report);
      const { built } = sending;
      const at = deps.now().toISOString();
      const recorded = deps.inTransaction(() => {
        if (!deps.appointments?.refused(row.entity_id, built.version, refused.refusal, refused.proposed)) return false;
        // Answered for good: the row is done (the booking is not sent again), the refusal kept;
        // the region holds nothing of it (a reconciliation must not look for it there).
        deps.sync.pushed(row.entity, row.entity_id, built.version, 'Appointment', null, at);
        deps.sync.forget(row.entity, row.entity_id);
        return true;
      });
      return recorded ? 'next' : outcomes.answerNotOk(row, answer, report);
    },
  });

  return async function pushAppointment(row: OutboxRow, report: PushReport): Promise<'next' | 'stop'> {
    const built = build(row);
    const appointment = deps.appointments?.get(row.entity_id) ?? null;
    sending = built && appointment ? { built, appointment } : null;
    const pushedBefore = report.pushed;
    try {
      const next = await putAppointment(row, built, report);
      if (built && report.pushed > pushedBefore) deps.appointments?.confirmed(row.entity_id, built.version);
      return next;
    } finally {
      sending = null;
    }
  };
}
