// The contract's scheduling channels (assembled in src/shared/contract.ts): the region's offers as
// the coordinator publishes them (here: the station sends them through its own hub link,
// offer.publish and offer.withdraw; the page never talks to the hub), and slots and appointments
// (appointment-channels.ts).
import { z } from 'zod';
import { APPOINTMENT_CHANNELS, APPOINTMENT_EVENTS } from './appointment-channels';
import { channel, noInput } from '../channel';
import { OfferIdSchema, OfferSchema } from './offer';
import { SpecialtySchema } from './specialties';

export const SCHEDULING_CHANNELS = {
  /** The specialties an offer is coded with (ANS TRE_R38), with the table's version. */
  'scheduling.specialties': channel(
    noInput,
    z.strictObject({ version: z.string(), specialties: z.array(SpecialtySchema) }),
  ),
  /** Publishes an offer (new or changed): answered with the directory the hub sent back, holding it. */
  'scheduling.publishOffer': channel(
    z.strictObject({ offer: OfferSchema }),
    z.strictObject({ offers: z.array(OfferSchema) }),
  ),
  /** Withdraws an offer: answered with the directory the hub sent back, without it. */
  'scheduling.withdrawOffer': channel(
    z.strictObject({ offerId: OfferIdSchema }),
    z.strictObject({ offers: z.array(OfferSchema) }),
  ),
  ...APPOINTMENT_CHANNELS,
} as const;

export const SCHEDULING_EVENTS = { ...APPOINTMENT_EVENTS } as const;
