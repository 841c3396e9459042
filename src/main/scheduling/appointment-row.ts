// The columns an appointment's row has on both of a station's tables: the cart's own bookings
// (appointments, appointment-repository.ts) and the bookings naming an expert, read from the hub
// (expert_appointments, agenda-hub.ts). One mapping of them, so that both read the slot alike.
export interface BookedSlotColumns {
  id: string;
  patient_id: string;
  offer_id: string;
  expert_id: string;
  slot_id: string;
  schedule_id: string;
  start_at: string;
  end_at: string;
  reason: string;
  cancel_reason: string | null;
}

/** The fields of an Appointment these columns hold. */
export const bookedSlotFields = (r: BookedSlotColumns) => ({
  id: r.id,
  patientId: r.patient_id,
  offerId: r.offer_id,
  expertId: r.expert_id,
  slotId: r.slot_id,
  scheduleId: r.schedule_id,
  start: r.start_at,
  end: r.end_at,
  reason: r.reason,
  cancelReason: r.cancel_reason,
});
