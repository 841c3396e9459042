// The region's slots as the station reads and writes them on the hub's FHIR endpoint (issue 22,
// point 2): an offer's free slots (its experts' Schedules, each naming the offer's
// HealthcareService, and their free Slots), and the expert's publishing of her own (her Schedule
// for the offer and its Slots). Both are online only: without the hub, a clear error says so.
import { createHash } from 'node:crypto';
import type { Bundle, Resource, Schedule, Slot } from '@medplum/fhirtypes';
import type { FreeSlot } from '../../shared/scheduling/appointment';
import { AppFailure } from '../contract/failure';
import { FhirNetworkError, type FhirAnswer, type FhirClient } from '../sync';

/** What needs the hub, said as a person reads it: "the free slots are read" / "slots are published". */
type OnlineOnly = 'READ' | 'PUBLISH';
const ONLINE_ONLY: Record<OnlineOnly, string> = {
  READ: 'the free slots are read from it',
  PUBLISH: 'slots are published on it',
};
const unavailable = (what: OnlineOnly, why: string) =>
  new AppFailure(
    'hub_unavailable',
    `The regional hub cannot be reached now (${why}): ${ONLINE_ONLY[what]}, online only. Try again once the station is online.`,
  );

/** A FHIR id made of a stable text: the same Schedule or Slot from any run, at most 64 characters. */
const stableId = (prefix: string, ...parts: string[]) =>
  `${prefix}-${createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 40)}`;

export const scheduleIdOf = (expertId: string, offerId: string) => stableId('sch', expertId, offerId);

export interface SlotHubDeps {
  client: FhirClient | null;
  /** This station's hub id and role (an expert publishes her own slots). */
  you: () => { id: string; role: string } | null;
}

export function createSlotHub(deps: SlotHubDeps) {
  async function ask(what: OnlineOnly, call: (client: FhirClient) => Promise<FhirAnswer>): Promise<FhirAnswer> {
    if (!deps.client)
      throw new AppFailure('hub_unavailable', `No regional hub is configured on this station: ${ONLINE_ONLY[what]}.`);
    try {
      const answer = await call(deps.client);
      if (answer.status >= 500 || answer.status === 401 || answer.status === 429)
        throw unavailable(what, `it answered ${answer.status}`);
      return answer;
    } catch (error) {
      if (error instanceof FhirNetworkError) throw unavailable(what, 'no answer');
      throw error;
    }
  }
  async function search<T extends Resource>(type: T['resourceType'], query: Record<string, string>): Promise<T[]> {
    const answer = await ask('READ', (client) => client.search(type, query));
    const bundle = answer.resource as Bundle | null;
    if (answer.status !== 200 || bundle?.resourceType !== 'Bundle')
      throw unavailable('READ', `it answered ${answer.status} to a search`);
    return (bundle.entry ?? []).map((e) => e.resource).filter((r): r is T => r?.resourceType === type);
  }

  return {
    /** The offer's free slots from `from` (to `to`), earliest first, each with its expert. */
    async freeSlots(offerId: string, from: string, to?: string): Promise<FreeSlot[]> {
      const schedules = await search<Schedule>('Schedule', { actor: `HealthcareService/${offerId}`, _count: '100' });
      const found: FreeSlot[] = [];
      for (const schedule of schedules) {
        const expert = schedule.actor
          ?.map((a) => /^Practitioner\/([A-Za-z0-9.-]{1,64})$/.exec(a.reference ?? '')?.[1])
          .find((id) => id !== undefined);
        if (!expert || !schedule.id || schedule.active === false) continue;
        const slots = await search<Slot>('Slot', {
          schedule: `Schedule/${schedule.id}`,
          status: 'free',
          start: `ge${new Date(from).toISOString()}`,
          _count: '500',
        });
        for (const slot of slots)
          if (slot.id && (!to || Date.parse(slot.start) < Date.parse(to)))
            found.push({ id: slot.id, scheduleId: schedule.id, expertId: expert, start: slot.start, end: slot.end });
      }
      return found.sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.id.localeCompare(b.id));
    },

    /**
     * Publishes the expert's slots for an offer: her Schedule (actor: her Practitioner, the offer's
     * HealthcareService), then each Slot, free, at an id made of its times (publishing again
     * changes nothing). A slot already booked stays as it is, and is not listed as free.
     */
    async publish(offerId: string, slots: { start: string; end: string }[]) {
      const you = deps.you();
      if (!you)
        throw new AppFailure(
          'hub_unavailable',
          'The station is not connected to the regional hub: slots are published online only.',
        );
      if (you.role !== 'expert') throw new AppFailure('forbidden', 'Only an expert’s station publishes her slots.');
      const scheduleId = scheduleIdOf(you.id, offerId);
      const schedule: Schedule & { id: string } = {
        resourceType: 'Schedule',
        id: scheduleId,
        active: true,
        actor: [{ reference: `Practitioner/${you.id}` }, { reference: `HealthcareService/${offerId}` }],
      };
      const what = 'PUBLISH';
      const written = await ask(what, (client) => client.put(schedule, null));
      if (written.status >= 300) throw refused(written);
      const published: FreeSlot[] = [];
      for (const s of slots) {
        const start = new Date(s.start).toISOString();
        const end = new Date(s.end).toISOString();
        const slot: Slot & { id: string } = {
          resourceType: 'Slot',
          id: stableId('slot', scheduleId, start, end),
          schedule: { reference: `Schedule/${scheduleId}` },
          status: 'free',
          start,
          end,
        };
        const answer = await ask(what, (client) => client.put(slot, null));
        if (answer.status === 409) continue; // booked meanwhile: it stays booked
        if (answer.status >= 300) throw refused(answer);
        published.push({ id: slot.id, scheduleId, expertId: you.id, start, end });
      }
      return { scheduleId, slots: published };
    },
  };
}

function refused(answer: FhirAnswer): AppFailure {
  const text = answer.resource?.resourceType === 'OperationOutcome' ? answer.resource.issue?.[0]?.details?.text : null;
  return new AppFailure(
    answer.status === 403 ? 'forbidden' : 'validation_failed',
    `The regional hub refused the slots (${answer.status})${text ? `: ${text}` : ''}.`,
  );
}
