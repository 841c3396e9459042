// A booking of this station as the FHIR R4 Appointment it is sent as (issue 22, point 2), at its
// client-made id: booked (taking its one slot) or cancelled with its reason (freeing it). Its
// participants: the patient, the requesting site (this station, by its hub id), the expert (her
// Practitioner by hub id); the offer as its serviceType; the reason as text. And the hub's refusal
// of a booking read back: the slot was taken, and the schedule's next free slots it proposes.
import type { Appointment as FhirAppointment, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { HUB_PEER_SYSTEM } from '../../../shared/region-source';
import {
  NEXT_FREE_SLOT_SYSTEM,
  SLOT_TAKEN_TEXT,
  type Appointment,
  type FreeSlot,
} from '../../../shared/scheduling/appointment';

/** The coding system of an appointment's serviceType: the region's offer id. */
export const OFFER_SYSTEM = 'urn:relais:offer';

/** The requesting site: this station's hub id, and its name. */
export interface RequestingSite {
  id: string | null;
  name: string;
}

/**
 * `patientName`: how the expert's station will name the patient (names and birth date): she does not
 * hold the patient's record, and reads her agenda from the hub.
 */
export function appointmentToFhir(
  a: Appointment,
  site: RequestingSite,
  patientName: string | null = null,
): FhirAppointment & { id: string } {
  const cancelled = a.status === 'cancelled';
  return {
    resourceType: 'Appointment',
    id: a.id,
    // A refused booking is never sent again; what is sent is booked until it is cancelled.
    status: cancelled ? 'cancelled' : 'booked',
    ...(cancelled && a.cancelReason ? { cancelationReason: { text: a.cancelReason } } : {}),
    serviceType: [{ coding: [{ system: OFFER_SYSTEM, code: a.offerId }] }],
    reasonCode: [{ text: a.reason }],
    slot: [{ reference: `Slot/${a.slotId}` }],
    start: a.start,
    end: a.end,
    created: a.createdAt,
    participant: [
      {
        actor: { reference: `Patient/${a.patientId}`, ...(patientName ? { display: patientName } : {}) },
        status: 'accepted',
      },
      {
        actor: {
          type: 'Location',
          ...(site.id ? { identifier: { system: HUB_PEER_SYSTEM, value: site.id } } : {}),
          display: site.name,
        },
        status: 'accepted',
      },
      { actor: { reference: `Practitioner/${a.expertId}` }, status: 'accepted' },
    ],
  };
}

/**
 * The hub's 409 to a booking whose slot another booking took: the next free slots it lists (in
 * the refused appointment's schedule, with its expert). Null for any other answer.
 */
export function slotTakenRefusal(
  answer: { status: number; resource: Resource | null },
  refused: Pick<Appointment, 'scheduleId' | 'expertId'>,
): FreeSlot[] | null {
  if (answer.status !== 409 || answer.resource?.resourceType !== 'OperationOutcome') return null;
  const issues = (answer.resource as OperationOutcome).issue ?? [];
  if (issues[0]?.details?.text !== SLOT_TAKEN_TEXT) return null;
  return issues.flatMap((issue) =>
    (issue.details?.coding ?? [])
      .filter((c) => c.system === NEXT_FREE_SLOT_SYSTEM && c.code && c.display?.includes('/'))
      .map((c) => {
        const [start, end] = c.display!.split('/') as [string, string];
        return { id: c.code!, scheduleId: refused.scheduleId, expertId: refused.expertId, start, end };
      }),
  );
}
