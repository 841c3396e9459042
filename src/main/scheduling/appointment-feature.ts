// Slots and appointments as the station composes them (issue 22, point 2): the station's bookings
// (kept offline first, sent by the sync as Appointment) and the region's slots read or published
// on the hub; the contract channels that reach them.
import type { Handlers } from '../../shared/contract';
import { DEFAULT_REMINDER_MINUTES } from '../../shared/scheduling/appointment';
import type { StationPlatform } from '../platform/station-platform';
import type { FhirClient } from '../sync';
import { createAppointmentRepository } from './appointment-repository';
import { createAppointmentService } from './appointment-service';
import { createSlotHub } from './slot-hub';
import { createExpertAgenda } from './agenda-hub';

type AppointmentChannel =
  | 'scheduling.freeSlots'
  | 'scheduling.book'
  | 'scheduling.cancelAppointment'
  | 'scheduling.moveAppointment'
  | 'scheduling.agenda'
  | 'scheduling.publishSlots'
  | 'scheduling.patientAppointments'
  | 'scheduling.reminderSetting'
  | 'scheduling.linkAct';

export interface AppointmentFeatureDeps {
  /** The region's FHIR client; none without a hub. */
  fhir: FhirClient | null;
  patientExists: (id: string) => boolean;
  /** The patient as an appointment names her for the expert: names and birth date. */
  patientName: (id: string) => string | null;
  /** This station as the hub knows it (the last identity it gave): id, role. */
  you: () => { id: string; role: string } | null;
  /** How long before an appointment the station reminds (RELAIS_REMINDER_MINUTES); 15 by default. */
  reminderMinutes?: number;
}

export function createAppointmentFeature(platform: StationPlatform, deps: AppointmentFeatureDeps) {
  const repository = createAppointmentRepository(platform.db);
  const service = createAppointmentService({
    db: platform.db,
    repo: repository,
    outbox: platform.outbox,
    events: platform.events,
    now: platform.now,
    patientExists: deps.patientExists,
    site: () => ({ id: deps.you()?.id ?? null, name: platform.stationName }),
    patientName: deps.patientName,
  });
  const expertAgenda = createExpertAgenda({ db: platform.db, client: deps.fhir, you: deps.you, now: platform.now });
  const slots = createSlotHub({ client: deps.fhir, you: deps.you });

  const handlers: Pick<Handlers, AppointmentChannel> = {
    // A slot this station booked is not offered again, even before the hub has the booking.
    'scheduling.freeSlots': async ({ offerId, from, to }) =>
      (await slots.freeSlots(offerId, from, to)).filter((slot) => !repository.holdsSlot(slot.id)),
    'scheduling.book': (input) => service.book(input),
    'scheduling.cancelAppointment': ({ id, version, reason }) => service.cancel(id, version, reason),
    'scheduling.moveAppointment': ({ id, version, slot, reason }) => service.move(id, version, slot, reason),
    // On an expert's station, the carts' bookings naming her too: read from the hub when it answers,
    // from what was last read otherwise.
    'scheduling.agenda': async ({ from, to }) => {
      if (!expertAgenda.isExpert()) return service.agenda(from, to);
      await expertAgenda.refresh();
      return [...service.agenda(from, to), ...expertAgenda.inPeriod(from, to)].sort(
        (a, b) => Date.parse(a.start) - Date.parse(b.start),
      );
    },
    'scheduling.publishSlots': ({ offerId, slots: published }) => slots.publish(offerId, published),
    'scheduling.patientAppointments': ({ patientId }) => service.ofPatient(patientId),
    'scheduling.linkAct': ({ id, encounterId }) => service.linkAct(id, encounterId),
    'scheduling.reminderSetting': () => ({ minutesBefore: deps.reminderMinutes ?? DEFAULT_REMINDER_MINUTES }),
  };

  return {
    handlers,
    /** The bookings as the sync sends them (Appointment), and what the hub answered. */
    syncSource: service.source,
  };
}
