// A booking goes as its Appointment (fhir/appointment.ts), like any record (put-resource.ts); what
// the hub answers is its outcome for the person who booked: taken (201/200: confirmed), or the slot
// was taken meanwhile (409: refused, with the next free slots the hub proposed, kept for the
// screen; the row is done, nothing is sent again). Any other refusal is a record's (parked or
// waiting, row-outcomes.ts). One step of the push (push-worker.ts).
import type { Appointment, FreeSlot } from '../../../shared/scheduling/appointment';
import { slotTakenRefusal } from '../fhir/appointment';
import type { PushDeps, PushReport } from '../push-worker';
import type { OutboxRow } from '../sync-repository';
import { createPutResource, type Built } from './put-resource';
import type { RowOutcomes } from './row-outcomes';

/** The station's bookings as the sync needs them: read, and told what the hub answered. */
export interface AppointmentSource {
  get(id: string): Appointment | null;
  /** This station as the requesting site: its hub id (null before the hub gave one) and name. */
  site(): { id: string | null; name: string };
  /** The hub took this version. */
  confirmed(id: string, version: number): void;
  /** The hub refused the booking: its slot was taken; these are the next free slots it proposed. */
  refused(id: string, version: number, proposed: FreeSlot[]): void;
}

export function createPushAppointment(deps: PushDeps, outcomes: RowOutcomes, build: (row: OutboxRow) => Built) {
  let sending: { row: OutboxRow; built: NonNullable<Built>; appointment: Appointment } | null = null;
  const putAppointment = createPutResource(deps, {
    ...outcomes,
    answerNotOk(row, answer, report) {
      const proposed = sending ? slotTakenRefusal(answer, sending.appointment) : null;
      if (!sending || !proposed) return outcomes.answerNotOk(row, answer, report);
      const { built } = sending;
      const at = deps.now().toISOString();
      deps.inTransaction(() => {
        // Answered for good: the row is done (the booking is not sent again), the refusal kept;
        // the region holds nothing of it (a reconciliation must not look for it there).
        deps.sync.pushed(row.entity, row.entity_id, built.version, 'Appointment', null, at);
        deps.sync.forget(row.entity, row.entity_id);
        deps.appointments?.refused(row.entity_id, built.version, proposed);
      });
      return 'next';
    },
  });

  return async function pushAppointment(row: OutboxRow, report: PushReport): Promise<'next' | 'stop'> {
    const built = build(row);
    const appointment = deps.appointments?.get(row.entity_id) ?? null;
    sending = built && appointment ? { row, built, appointment } : null;
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
