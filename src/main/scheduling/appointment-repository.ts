// The appointments this station booked (table appointments, migration 0034): each change is a new
// version of its row, written with its outbox row by the service in one transaction.
import {
  AppointmentSchema,
  type Appointment,
  type AppointmentStatus,
  type FreeSlot,
  type Refusal,
} from '../../shared/scheduling/appointment';
import type { Db } from '../platform/database/connection';
import { bookedSlotFields, type BookedSlotColumns } from './appointment-row';

interface Row extends BookedSlotColumns {
  version: number;
  encounter_id: string | null;
  status: AppointmentStatus;
  moved_from: string | null;
  moved_to: string | null;
  proposed_slots: string;
  refusal_code: Refusal['code'] | null;
  refusal_detail: string | null;
  confirmed_version: number | null;
  created_at: string;
}

const toAppointment = (r: Row): Appointment =>
  AppointmentSchema.parse({
    ...bookedSlotFields(r),
    encounterId: r.encounter_id,
    patientName: null,
    siteName: null,
    status: r.status,
    movedFrom: r.moved_from,
    movedTo: r.moved_to,
    proposedSlots: JSON.parse(r.proposed_slots) as FreeSlot[],
    refusal: r.refusal_code ? { code: r.refusal_code, detail: r.refusal_detail ?? '' } : null,
    synced: r.confirmed_version === r.version || r.status === 'refused',
    createdAt: r.created_at,
    version: r.version,
  });

export type AppointmentRepository = ReturnType<typeof createAppointmentRepository>;

export function createAppointmentRepository(db: Db) {
  const getStmt = db.prepare<[string], Row>('SELECT * FROM appointments WHERE id = ?');
  const insertStmt = db.prepare(
    `INSERT INTO appointments (id, version, patient_id, offer_id, expert_id, slot_id, schedule_id, start_at, end_at,
       reason, encounter_id, status, moved_from, created_at, updated_at)
     VALUES (@id, 1, @patientId, @offerId, @expertId, @slotId, @scheduleId, @start, @end, @reason, @encounterId, 'pending',
       @movedFrom, @createdAt, @createdAt)`,
  );
  const cancelStmt = db.prepare(
    `UPDATE appointments SET status = 'cancelled', cancel_reason = ?, moved_to = ?, version = version + 1, updated_at = ?
     WHERE id = ? AND version = ?`,
  );
  const confirmedStmt = db.prepare(
    `UPDATE appointments SET confirmed_version = max(coalesce(confirmed_version, 0), @version),
       status = CASE WHEN status = 'pending' AND version = @version THEN 'confirmed' ELSE status END
     WHERE id = @id`,
  );
  const refusedStmt = db.prepare(
    `UPDATE appointments SET proposed_slots = @proposed, refusal_code = @code, refusal_detail = @detail,
       status = 'refused'
     WHERE id = @id AND version = @version AND status = 'pending'`,
  );
  const holdsStmt = db.prepare<[string], { id: string }>(
    "SELECT id FROM appointments WHERE slot_id = ? AND status IN ('pending', 'confirmed') LIMIT 1",
  );
  const periodStmt = db.prepare<[string, string], Row>(
    'SELECT * FROM appointments WHERE start_at < ? AND end_at > ? ORDER BY start_at, created_at',
  );

  const patientStmt = db.prepare<[string], Row>(
    'SELECT * FROM appointments WHERE patient_id = ? ORDER BY start_at, created_at',
  );

  // The act is the station's own note on the appointment (the hub is not told): no new version.
  const linkActStmt = db.prepare('UPDATE appointments SET encounter_id = ? WHERE id = ? AND encounter_id IS NULL');

  return {
    linkAct(id: string, encounterId: string): void {
      linkActStmt.run(encounterId, id);
    },
    get(id: string): Appointment | null {
      const row = getStmt.get(id);
      return row ? toAppointment(row) : null;
    },
    insert(
      a: Omit<
        Appointment,
        | 'status'
        | 'cancelReason'
        | 'movedTo'
        | 'proposedSlots'
        | 'refusal'
        | 'synced'
        | 'version'
        | 'patientName'
        | 'siteName'
      >,
    ): void {
      insertStmt.run(a);
    },
    /** False when the version is not the current one (changed meanwhile). */
    cancel(id: string, version: number, reason: string, movedTo: string | null, at: string): boolean {
      return cancelStmt.run(reason, movedTo, at, id, version).changes === 1;
    },
    /** The hub took this version: a pending booking it took is confirmed. */
    confirmed(id: string, version: number): void {
      confirmedStmt.run({ id, version });
    },
    /** The hub refused this version of a pending booking; false when it is no longer pending (cancelled meanwhile). */
    refused(id: string, version: number, refusal: Refusal, proposed: FreeSlot[]): boolean {
      const run = refusedStmt.run({
        id,
        version,
        code: refusal.code,
        detail: refusal.detail,
        proposed: JSON.stringify(proposed),
      });
      return run.changes === 1;
    },
    /** Whether a booking of this station holds the slot (pending or confirmed). */
    holdsSlot(slotId: string): boolean {
      return holdsStmt.get(slotId) !== undefined;
    },
    /** One patient's appointments, whatever their status, earliest first. */
    ofPatient(patientId: string): Appointment[] {
      return patientStmt.all(patientId).map(toAppointment);
    },
    /** The appointments overlapping [from, to), earliest first. */
    inPeriod(from: string, to: string): Appointment[] {
      return periodStmt.all(to, from).map(toAppointment);
    },
  };
}
