// The expert's agenda (issue 22, point 4): on her station, the appointments naming her are the
// carts' bookings, held by the hub. They are read from it (a search of the Appointments whose actor
// is her Practitioner: the hub answers her those only, appointment-access.ts) and kept in SQLite
// (table expert_appointments) so that her agenda and her reminders read offline what was last read.
import type { Appointment as FhirAppointment, Bundle } from '@medplum/fhirtypes';
import { AppointmentSchema, type Appointment } from '../../shared/scheduling/appointment';
import type { Db } from '../platform/database/connection';
import { FhirNetworkError, type FhirClient } from '../sync';
import { bookedSlotFields, type BookedSlotColumns } from './appointment-row';
import { scheduleIdOf } from './slot-hub';

/** The coding system of an appointment's serviceType: the region's offer id (sync/fhir/appointment.ts). */
const OFFER_SYSTEM = 'urn:relais:offer';

interface Row extends BookedSlotColumns {
  patient_name: string | null;
  site_name: string | null;
  status: 'confirmed' | 'cancelled';
  created_at: string;
  read_at: string;
}

const idOf = (reference: string | undefined, type: string) =>
  new RegExp(`^${type}/([A-Za-z0-9.-]{1,64})$`).exec(reference ?? '')?.[1] ?? null;

/** The hub's Appointment as her station keeps it; null when it is not one this station can show. */
export function rowOfHubAppointment(r: FhirAppointment, expertId: string, readAt: string): Row | null {
  const actors = (r.participant ?? []).map((p) => p.actor ?? {});
  const patient = actors.find((a) => idOf(a.reference, 'Patient'));
  const site = actors.find((a) => a.type === 'Location');
  const offerId = r.serviceType?.flatMap((s) => s.coding ?? []).find((c) => c.system === OFFER_SYSTEM)?.code;
  const slotId = idOf(r.slot?.[0]?.reference, 'Slot');
  if (!r.id || !patient || !offerId || !slotId || !r.start || !r.end) return null;
  if (r.status !== 'booked' && r.status !== 'cancelled') return null;
  return {
    id: r.id,
    patient_id: idOf(patient.reference, 'Patient')!,
    patient_name: patient.display ?? null,
    site_name: site?.display ?? null,
    offer_id: offerId,
    expert_id: expertId,
    slot_id: slotId,
    // An Appointment names its slot, not the slot's schedule: hers for this offer (slot-hub.ts).
    schedule_id: scheduleIdOf(expertId, offerId),
    start_at: new Date(r.start).toISOString(),
    end_at: new Date(r.end).toISOString(),
    reason: r.reasonCode?.[0]?.text ?? '—',
    status: r.status === 'booked' ? 'confirmed' : 'cancelled',
    cancel_reason: r.cancelationReason?.text ?? null,
    created_at: r.created ?? r.meta?.lastUpdated ?? readAt,
    read_at: readAt,
  };
}

const toAppointment = (r: Row): Appointment | null => {
  const parsed = AppointmentSchema.safeParse({
    ...bookedSlotFields(r),
    encounterId: null,
    status: r.status,
    movedFrom: null,
    movedTo: null,
    proposedSlots: [],
    refusal: null,
    patientName: r.patient_name,
    siteName: r.site_name,
    synced: true,
    createdAt: new Date(r.created_at).toISOString(),
    version: 1,
  });
  return parsed.success ? parsed.data : null;
};

export interface ExpertAgendaDeps {
  db: Db;
  client: FhirClient | null;
  /** This station as the hub knows it: an expert's station reads the appointments naming her. */
  you: () => { id: string; role: string } | null;
  now: () => Date;
}

export function createExpertAgenda(deps: ExpertAgendaDeps) {
  const upsert = deps.db.prepare(
    `INSERT INTO expert_appointments (id, patient_id, patient_name, site_name, offer_id, expert_id, slot_id,
       schedule_id, start_at, end_at, reason, status, cancel_reason, created_at, read_at)
     VALUES (@id, @patient_id, @patient_name, @site_name, @offer_id, @expert_id, @slot_id, @schedule_id, @start_at,
       @end_at, @reason, @status, @cancel_reason, @created_at, @read_at)
     ON CONFLICT (id) DO UPDATE SET patient_name = excluded.patient_name, site_name = excluded.site_name,
       start_at = excluded.start_at, end_at = excluded.end_at, reason = excluded.reason, status = excluded.status,
       cancel_reason = excluded.cancel_reason, read_at = excluded.read_at`,
  );
  const period = deps.db.prepare<[string, string, string], Row>(
    'SELECT * FROM expert_appointments WHERE expert_id = ? AND start_at < ? AND end_at > ? ORDER BY start_at',
  );

  return {
    /** Whether this station is an expert's (her agenda is read from the hub). */
    isExpert: () => deps.you()?.role === 'expert',
    /**
     * Reads the appointments naming her from the hub and keeps them. False when the hub could not be
     * reached (her agenda then shows what was last read).
     */
    async refresh(): Promise<boolean> {
      const you = deps.you();
      if (!deps.client || you?.role !== 'expert') return false;
      try {
        const answer = await deps.client.search('Appointment', {
          actor: `Practitioner/${you.id}`,
          _count: '500',
        });
        const bundle = answer.resource as Bundle | null;
        if (answer.status !== 200 || bundle?.resourceType !== 'Bundle') return false;
        const at = deps.now().toISOString();
        const rows = (bundle.entry ?? [])
          .map((e) => e.resource)
          .filter((r): r is FhirAppointment => r?.resourceType === 'Appointment')
          .map((r) => rowOfHubAppointment(r, you.id, at))
          .filter((r): r is Row => r !== null);
        deps.db.transaction(() => rows.forEach((r) => upsert.run(r)))();
        return true;
      } catch (error) {
        if (error instanceof FhirNetworkError) return false;
        throw error;
      }
    },
    inPeriod(from: string, to: string): Appointment[] {
      const you = deps.you();
      if (!you) return [];
      return period
        .all(you.id, new Date(to).toISOString(), new Date(from).toISOString())
        .map(toAppointment)
        .filter((a): a is Appointment => a !== null);
    },
  };
}
