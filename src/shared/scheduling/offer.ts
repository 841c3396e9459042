// A telemedicine offer of the region (issue 22, point 1): a specialty from the ANS's coded list,
// the hospital or practice that serves it, its act types, its opening hours as rules, the experts
// who serve it and, for an urgent offer, its on-call rota. The region's coordinator publishes it;
// the hub keeps it as FHIR HealthcareService and PractitionerRole resources and sends it to every
// station in its directory, which the station keeps for when it is offline.
import { z } from 'zod';
import { ActTypeSchema } from '../acts/act-type';
import { specialtyKey } from './specialty-key';
import { isOpenAt, nextOpening, OpeningHoursSchema } from './opening-hours';
import { onDutyAt, RotaSchema } from './rota';

/** An offer's id is also its HealthcareService's id on the hub: FHIR's id characters. */
export const OfferIdSchema = z.string().regex(/^[A-Za-z0-9.-]{1,64}$/, 'offer.id_format');

export const OfferExpertSchema = z.strictObject({
  /** The expert's hub identity (her token's subject). */
  id: z.string().min(1).max(100),
  /** Her name as the coordinator wrote it: shown while she is offline. */
  name: z.string().min(1).max(200),
});
export type OfferExpert = z.infer<typeof OfferExpertSchema>;

export const OfferSchema = z.object({
  id: OfferIdSchema,
  /** The specialty's words, as the table names it (resources/specialties/). */
  specialty: z.string().min(1).max(120),
  /** Its code in the ANS's table of medical specialties (TRE_R38), when it has one. */
  specialtyCode: z.string().max(20).nullable().default(null),
  hospital: z.string().min(1).max(200),
  /** The hospital's commune (INSEE code), for the transport a remote act spares the patient. */
  commune: z
    .string()
    .regex(/^(\d{2}|2A|2B)\d{3}$/)
    .optional(),
  acts: z.array(ActTypeSchema).min(1).max(4),
  hours: OpeningHoursSchema,
  /** The experts who serve it, in the coordinator's order. */
  experts: z.array(OfferExpertSchema).max(100),
  /**
   * Whether any expert online of the offer's specialty also serves it (a general practitioner
   * online serves the region's general medicine offer), or only the experts named.
   */
  openToSpecialty: z.boolean().default(true),
  urgent: z.boolean().default(false),
  /** Who is on duty when: urgent offers; null rings the experts named, in order. */
  rota: RotaSchema.nullable().default(null),
});
export type Offer = z.infer<typeof OfferSchema>;
export type OfferInput = z.input<typeof OfferSchema>;

export const offerExpertIds = (offer: Offer): string[] => offer.experts.map((e) => e.id);

/** The name an offer gives an expert, or her id when the offer does not name her. */
export const expertNameIn = (offer: Offer, id: string): string => offer.experts.find((e) => e.id === id)?.name ?? id;

/** Whether an expert on the hub serves this offer: named in it, or of its specialty when it is open to it. */
export function servesOffer(peer: { id: string; role: string; specialty: string | null }, offer: Offer): boolean {
  if (peer.role !== 'expert') return false;
  if (offer.experts.some((e) => e.id === peer.id)) return true;
  return (
    offer.openToSpecialty && peer.specialty !== null && specialtyKey(peer.specialty) === specialtyKey(offer.specialty)
  );
}

/** An urgent offer is always reachable, whatever its hours say. */
export const isOfferOpen = (offer: Offer, at: Date): boolean => offer.urgent || isOpenAt(offer.hours, at);

/** When a closed offer next opens (null: open now, or no opening within two weeks). */
export const offerOpensAt = (offer: Offer, at: Date): Date | null =>
  isOfferOpen(offer, at) ? null : nextOpening(offer.hours, at);

/**
 * Whom an urgent call rings, in order: the rota's line for the instant when the offer has one and
 * a line covers it, otherwise the experts named in the offer.
 */
export function ringOrder(offer: Offer, at: Date): string[] {
  if (offer.rota) {
    const duty = onDutyAt(offer.rota, at, offer.hours.region);
    if (duty.experts.length > 0) return duty.experts;
  }
  return offerExpertIds(offer);
}

/** Seconds an expert rings before the next one is rung. */
export const escalationDelaySeconds = (offer: Offer): number => offer.rota?.escalateAfterSeconds ?? 30;
