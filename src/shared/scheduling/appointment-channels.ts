// The contract's channels and events of slots and appointments (issue 22, point 2), assembled in
// src/shared/contract.ts: the free slots of an offer (read from the hub), booking, cancelling and
// moving (offline first), the station's agenda, and the expert's publishing of her slots.
import { z } from 'zod';
import {
  AgendaInputSchema,
  AppointmentSchema,
  AppointmentStatusSchema,
  BookInputSchema,
  CancelInputSchema,
  FhirIdSchema,
  FreeSlotSchema,
  FreeSlotsInputSchema,
  MoveInputSchema,
  PublishedSchema,
  LinkActInputSchema,
  PatientAppointmentsInputSchema,
  PublishSlotsInputSchema,
  ReminderSettingSchema,
} from './appointment';
import { noInput } from '../channel';

export const APPOINTMENT_CHANNELS = {
  /** The offer's free slots from the hub, earliest first; online only (hub_unavailable otherwise). */
  'scheduling.freeSlots': { input: FreeSlotsInputSchema, output: z.array(FreeSlotSchema) },
  /** Kept at once, pending; the hub confirms or refuses it when the station is online. */
  'scheduling.book': { input: BookInputSchema, output: AppointmentSchema },
  'scheduling.cancelAppointment': { input: CancelInputSchema, output: AppointmentSchema },
  /** Cancels the appointment with the reason and books the new slot: the new appointment. */
  'scheduling.moveAppointment': { input: MoveInputSchema, output: AppointmentSchema },
  'scheduling.agenda': { input: AgendaInputSchema, output: z.array(AppointmentSchema) },
  /** One patient's appointments, earliest first, whatever their status (the patient's screen). */
  'scheduling.patientAppointments': { input: PatientAppointmentsInputSchema, output: z.array(AppointmentSchema) },
  /** The act opened at the appointment's time, kept on it (an appointment booked from an act keeps that one). */
  'scheduling.linkAct': { input: LinkActInputSchema, output: AppointmentSchema },
  /** How long before an appointment this station reminds (RELAIS_REMINDER_MINUTES). */
  'scheduling.reminderSetting': { input: noInput, output: ReminderSettingSchema },
  /** The expert's slots for an offer, published on the hub (her Schedule and its Slots); online only. */
  'scheduling.publishSlots': { input: PublishSlotsInputSchema, output: PublishedSchema },
} as const;

export const APPOINTMENT_EVENTS = {
  /** An appointment's status changed (booked, confirmed or refused by the hub, cancelled). */
  'scheduling.appointmentChanged': z.object({ id: FhirIdSchema, status: AppointmentStatusSchema }),
} as const;
