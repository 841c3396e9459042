// The region's offers, kept in the hub's FHIR repository (issue 22, point 1): one HealthcareService
// per offer and one PractitionerRole per expert serving it (offer-resources.ts says how). The
// coordinator's publish replaces an offer's resources (an expert taken off it keeps her
// PractitionerRole, inactive: the region's directory says she served it); a withdrawal makes
// them inactive. The directory is read back from the repository after each write and kept in
// memory, so the hub's synchronous parts (a connection's directory, the waiting queue) read it
// at once and it never says anything the FHIR resources do not.
import { Operator, validateResource } from '@medplum/core';
import type { HealthcareService, PractitionerRole, Resource } from '@medplum/fhirtypes';
import type { FhirRepository } from '@medplum/fhir-router';
import type { Offer } from '../../shared/scheduling/offer';
import { healthcareServiceOf, inactive, offerFrom, practitionerRolesOf } from './offer-resources';

export interface OfferStore {
  /** The active offers, in the order they were first published: the directory. */
  active(): Offer[];
  /** An active offer by id. */
  find(id: string): Offer | undefined;
  /** Stores an offer, new or a new version of one (withdrawn or not). */
  publish(offer: Offer): Promise<void>;
  /** Withdraws an active offer; false when no active offer has this id. */
  withdraw(id: string): Promise<boolean>;
}

/** A resource the hub writes must pass the same R4 validation as one a station sends. */
function checked<T extends Resource>(resource: T): T {
  const issues = validateResource(resource).filter((i) => i.severity === 'error' || i.severity === 'fatal');
  if (issues.length > 0)
    throw new Error(
      `${resource.resourceType}/${resource.id} is not valid R4: ${issues.map((i) => i.details?.text ?? i.code).join('; ')}`,
    );
  return resource;
}

/** An empty store over the repository: the hub publishes its first offers (options.offers) at start. */
export function createOfferStore(repo: FhirRepository): OfferStore {
  let directory: Offer[] = [];
  // One write at a time: two publications of one offer never interleave their resources.
  let writing: Promise<unknown> = Promise.resolve();
  const serialized = <T>(work: () => Promise<T>): Promise<T> => {
    const result = writing.then(work);
    writing = result.catch(() => undefined);
    return result;
  };

  const rolesOf = async (offerId: string) =>
    (await repo.searchResources<PractitionerRole>({
      resourceType: 'PractitionerRole',
      filters: [{ code: 'service', operator: Operator.EQUALS, value: `HealthcareService/${offerId}` }],
    })) as PractitionerRole[];

  async function reload(): Promise<void> {
    const services = (await repo.searchResources<HealthcareService>({
      resourceType: 'HealthcareService',
    })) as HealthcareService[];
    const offers: Offer[] = [];
    for (const service of services) {
      if (service.active !== true || !service.id) continue;
      offers.push(offerFrom(service, await rolesOf(service.id)));
    }
    directory = offers;
  }

  async function write(offer: Offer, active: boolean): Promise<void> {
    await repo.updateResource(checked(healthcareServiceOf(offer, active)));
    const current = practitionerRolesOf(offer, active);
    for (const role of current) await repo.updateResource(checked(role));
    const kept = new Set(current.map((r) => r.id));
    for (const role of await rolesOf(offer.id))
      if (!kept.has(role.id) && role.active !== false) await repo.updateResource(checked(inactive(role)));
  }

  return {
    active: () => directory,
    find: (id) => directory.find((o) => o.id === id),
    publish: (offer) =>
      serialized(async () => {
        await write(offer, true);
        await reload();
      }),
    withdraw: (id) =>
      serialized(async () => {
        const offer = directory.find((o) => o.id === id);
        if (!offer) return false;
        await write(offer, false);
        await reload();
        return true;
      }),
  };
}
