// Slots and appointments (issue 22, point 2): what the station keeps of a booking, what crosses the
// contract, and the few names the hub and the station must agree on (how a refused booking names
// the next free slots). The hub holds the region's Schedules, Slots and Appointments (FHIR R4);
// a station books at a client-made id, offline first, and the hub confirms or refuses.
import { z } from 'zod';
import { OfferIdSchema } from './offer';

/** A FHIR id: what the hub takes in a path. */
export const FhirIdSchema = z.string().regex(/^[A-Za-z0-9.-]{1,64}$/, 'fhir.id_format');

/**
 * The coding system of an OperationOutcome issue that names a free slot: the hub's 409 to a booking
 * of a slot already taken lists the schedule's next free slots so (code: the Slot's id, display:
 * its start and end, ISO, separated by a slash).
 */
export const NEXT_FREE_SLOT_SYSTEM = 'urn:relais:scheduling:next-free-slot';
/** The issue code of that 409's first issue: the slot was taken by another booking. */
export const SLOT_TAKEN_TEXT = 'This slot was taken by another booking.';
/** How many free slots a refusal proposes. */
export const NEXT_FREE_SLOTS = 3;

export const IsoInstantSchema = z.string().datetime({ offset: true });

/** A free slot of an expert's schedule, as the station shows it. */
export const FreeSlotSchema = z.strictObject({
  id: FhirIdSchema,
  scheduleId: FhirIdSchema,
  /** The expert whose schedule it is (her hub id). */
  expertId: FhirIdSchema,
  start: IsoInstantSchema,
  end: IsoInstantSchema,
});
export type FreeSlot = z.infer<typeof FreeSlotSchema>;

/**
 * An appointment's state on the station: pending (queued, not yet confirmed by the hub),
 * confirmed, refused (the slot was taken meanwhile), cancelled (queued or done: `synced` says).
 */
export const AppointmentStatusSchema = z.enum(['pending', 'confirmed', 'refused', 'cancelled']);
export type AppointmentStatus = z.infer<typeof AppointmentStatusSchema>;

/** slot_taken: another booking took the slot first; refused: the hub refused it for another reason, for good. */
export const RefusalCodeSchema = z.enum(['slot_taken', 'refused']);
export type Refusal = { code: z.infer<typeof RefusalCodeSchema>; detail: string };

export const ReasonSchema = z.string().trim().min(1, 'appointment.reason_required').max(500);

export const AppointmentSchema = z.strictObject({
  id: FhirIdSchema,
  patientId: z.uuid(),
  offerId: OfferIdSchema,
  expertId: FhirIdSchema,
  slotId: FhirIdSchema,
  scheduleId: FhirIdSchema,
  start: IsoInstantSchema,
  end: IsoInstantSchema,
  reason: ReasonSchema,
  /** The act it follows up (booked from an act), or null (booked from the patient's screen). */
  encounterId: z.uuid().nullable(),
  status: AppointmentStatusSchema,
  cancelReason: z.string().nullable(),
  /** The appointment this one replaces (a move), and the one that replaced it. */
  movedFrom: FhirIdSchema.nullable(),
  movedTo: FhirIdSchema.nullable(),
  /** A refused booking: the next free slots the hub proposed (when its slot was taken). */
  proposedSlots: z.array(FreeSlotSchema),
  /** Why the hub refused the booking: its slot was taken, or another final refusal (its words, for the details). */
  refusal: z.strictObject({ code: RefusalCodeSchema, detail: z.string() }).nullable(),
  /**
   * On the expert's station, an appointment read from the hub (booked by a cart): the patient and the
   * requesting site as the appointment names them (she does not hold the patient's record). Null
   * for a booking of this station (its patient is on the station).
   */
  patientName: z.string().nullable(),
  siteName: z.string().nullable(),
  /** Whether the hub has the current state (a cancellation queued offline is not yet). */
  synced: z.boolean(),
  createdAt: IsoInstantSchema,
  version: z.number().int().positive(),
});
export type Appointment = z.infer<typeof AppointmentSchema>;

export const BookInputSchema = z.strictObject({
  patientId: z.uuid(),
  offerId: OfferIdSchema,
  slot: FreeSlotSchema,
  reason: ReasonSchema,
  /** A follow-up booked from an act keeps the act's id. */
  encounterId: z.uuid().nullable().optional(),
});
export type BookInput = z.infer<typeof BookInputSchema>;

export const CancelInputSchema = z.strictObject({
  id: FhirIdSchema,
  version: z.number().int().positive(),
  reason: ReasonSchema,
});
export const MoveInputSchema = z.strictObject({
  id: FhirIdSchema,
  version: z.number().int().positive(),
  slot: FreeSlotSchema,
  reason: ReasonSchema,
});

/** The station's appointments in a period (a day or a week of the agenda), earliest first. */
export const AgendaInputSchema = z
  .strictObject({ from: IsoInstantSchema, to: IsoInstantSchema })
  .refine((p) => Date.parse(p.to) > Date.parse(p.from), { message: 'agenda.ends_before_start', path: ['to'] });

export const FreeSlotsInputSchema = z.strictObject({
  offerId: OfferIdSchema,
  from: IsoInstantSchema,
  to: IsoInstantSchema.optional(),
});

/** A slot an expert publishes: start and end, in her own schedule for one offer. */
export const PublishedSlotSchema = z
  .strictObject({ start: IsoInstantSchema, end: IsoInstantSchema })
  .refine((s) => Date.parse(s.end) > Date.parse(s.start), { message: 'slot.ends_before_start', path: ['end'] });

export const PublishSlotsInputSchema = z.strictObject({
  offerId: OfferIdSchema,
  slots: z.array(PublishedSlotSchema).min(1).max(200),
});
export const PublishedSchema = z.strictObject({ scheduleId: FhirIdSchema, slots: z.array(FreeSlotSchema) });

/** One patient's appointments (follow-ups included), on her screen. */
export const PatientAppointmentsInputSchema = z.strictObject({ patientId: z.uuid() });

/** The act opened for an appointment at its time (a téléconsultation act, when it had none). */
export const LinkActInputSchema = z.strictObject({ id: FhirIdSchema, encounterId: z.uuid() });

/** How long before an appointment the station reminds (RELAIS_REMINDER_MINUTES, 15 by default). */
export const DEFAULT_REMINDER_MINUTES = 15;
export const ReminderSettingSchema = z.strictObject({ minutesBefore: z.number().int().min(1).max(240) });

/** Whether an appointment holds (or is about to hold) its slot. */
export const isBooked = (a: Pick<Appointment, 'status'>): boolean => a.status === 'pending' || a.status === 'confirmed';
