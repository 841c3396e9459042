// The coordinator's side of the region's offers as the station composes it: the publisher over the
// station's hub link, the specialty table read once, and their handlers.
import type { ClientMessage, Peer } from '../../shared/hub-protocol';
import type { StationPlatform } from '../platform/station-platform';
import { offersHandlers } from './offers-handlers';
import { createOffersPublisher } from './offers-publisher';
import { createSpecialties, readSpecialtyTable } from './specialties-table';

export function createOffersFeature(
  platform: StationPlatform,
  deps: { send(message: ClientMessage): boolean; identity(): Peer | null; resourcesDir?: string },
) {
  const publisher = createOffersPublisher({ send: deps.send, identity: deps.identity });
  const specialties = createSpecialties(
    () => readSpecialtyTable(deps.resourcesDir),
    (message) => platform.logger.warn('specialties.unreadable', { text: message }),
  );
  return {
    publisher,
    /** The hub's directory and errors (from the calls feature's connection). */
    hubMessage: publisher.hubMessage,
    handlers: offersHandlers({ publisher, specialties }),
  };
}
