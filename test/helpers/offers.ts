// A region's offer for a test, written with what the test is about; the rest is a plain
// weekday téléconsultation offer. Experts are given by their hub id (their name is the id).
import { OfferSchema, type Offer, type OfferInput } from '../../src/shared/scheduling/offer';
import { ALWAYS_OPEN } from '../../src/shared/scheduling/opening-hours';

export const WEEKDAYS_8_TO_18 = {
  alwaysOpen: false,
  rules: [{ days: [1, 2, 3, 4, 5], from: '08:00', to: '18:00' }],
  holidays: 'closed',
  region: 'national',
} as const;

export function anOffer(
  fields: Omit<Partial<OfferInput>, 'experts'> & { id: string; experts?: (string | { id: string; name: string })[] },
): Offer {
  const { experts = [], ...rest } = fields;
  return OfferSchema.parse({
    specialty: 'médecine générale',
    hospital: 'CHU de Brest',
    acts: ['teleconsultation'],
    hours: fields.urgent ? ALWAYS_OPEN : WEEKDAYS_8_TO_18,
    ...rest,
    experts: experts.map((e) => (typeof e === 'string' ? { id: e, name: e } : e)),
  });
}
