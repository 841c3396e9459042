// The scheduling feature's contract handlers for the region's offers and the specialty table.
import type { Handlers } from '../../shared/contract';
import type { SpecialtyTable } from '../../shared/scheduling/specialties';
import type { OffersPublisher } from './offers-publisher';

export function offersHandlers(deps: {
  publisher: OffersPublisher;
  specialties: () => SpecialtyTable;
}): Pick<Handlers, 'scheduling.specialties' | 'scheduling.publishOffer' | 'scheduling.withdrawOffer'> {
  return {
    'scheduling.specialties': () => {
      const table = deps.specialties();
      return { version: table.version, specialties: table.specialties };
    },
    'scheduling.publishOffer': ({ offer }) => deps.publisher.publish(offer),
    'scheduling.withdrawOffer': ({ offerId }) => deps.publisher.withdraw(offerId),
  };
}
