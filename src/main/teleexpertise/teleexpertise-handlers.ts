// The station's téléexpertise, composed apart from the rest of the station: the requester's
// requests and their exchange, the expert's inbox read from the region, the pull of the messages
// of the requests this station takes part in, and the contract channels that reach them.
import type { Handlers } from '../../shared/contract';
import type { HubState } from '../../shared/calls/calls';
import type { Db } from '../platform/database/connection';
import type { EncounterRepository } from '../acts';
import type { OutboxRepository } from '../platform/database/outbox-repository';
import type { SyncRepository } from '../sync';
import { createTeleexpertiseRepository } from './teleexpertise-repository';
import type { createEncounterService } from '../acts';
import { createExpertInbox } from './expert-inbox';
import { createTeleexpertiseService } from './teleexpertise-service';
import { createExpertisePull } from '../sync';
import type { FhirClient } from '../sync';
import type { StationEvents } from '../platform/station-events';

type TeleexpertiseChannel = Extract<keyof Handlers, `teleexpertise.${string}`>;

export interface StationTeleexpertiseDeps {
  db: Db;
  outbox: OutboxRepository;
  acts: ReturnType<typeof createEncounterService>;
  encounters: EncounterRepository;
  sync: SyncRepository;
  /** The hub as the station sees it: who this station is (the expert's specialty), the directory. */
  hub: () => HubState;
  /** The region's FHIR client, upload endpoint and the current hub token (read at each request: it rotates). */
  fhir: { client: FhirClient; uploadsUrl: string | null; token: () => string } | null;
  now: () => Date;
  events: StationEvents;
}

export function createStationTeleexpertise(deps: StationTeleexpertiseDeps) {
  const repository = createTeleexpertiseRepository(deps.db);
  const waiting = (entity: string, id: string) => deps.sync.rowsOf(entity, id);
  const changed = (requestId: string) => {
    deps.events.emit('teleexpertise.changed', { requestId });
    // On the requester's station the request is an act: its screen shows the exchange.
    if (deps.encounters.get(requestId)) deps.events.emit('encounters.changed', { id: requestId });
  };
  const heldBack = () => new Set(deps.sync.parkedRows(10_000).map((r) => `${r.entity}/${r.entityId}`));
  const service = createTeleexpertiseService({
    db: deps.db,
    acts: deps.acts,
    encounters: deps.encounters,
    repo: repository,
    outbox: deps.outbox,
    waiting,
    heldBack,
    now: deps.now,
    onChanged: changed,
  });
  const inbox = createExpertInbox({
    client: deps.fhir?.client ?? null,
    identity: () => deps.hub().you,
    repo: repository,
    waiting,
    uploadsUrl: deps.fhir?.uploadsUrl ?? null,
    token: deps.fhir?.token ?? null,
  });
  const pull = deps.fhir
    ? createExpertisePull({
        client: deps.fhir.client,
        repo: repository,
        sync: deps.sync,
        now: deps.now,
        inTransaction: (work) => deps.db.transaction(work)(),
        onReceived: changed,
      })
    : null;
  const offeredSpecialties = () =>
    deps
      .hub()
      .offers.filter((o) => o.acts.includes('teleexpertise'))
      .map((o) => o.specialty);

  const handlers: Pick<Handlers, TeleexpertiseChannel> = {
    'teleexpertise.create': (input) => service.create(input),
    'teleexpertise.get': ({ encounterId }) => service.view(encounterId),
    'teleexpertise.submit': ({ encounterId, version, consentBy }) =>
      service.submit(encounterId, version, consentBy ?? null),
    'teleexpertise.provideInformation': (input) => service.provideInformation(input),
    'teleexpertise.specialties': () => service.specialties(offeredSpecialties()),
    'teleexpertise.inbox': () => inbox.list(),
    'teleexpertise.open': ({ requestId }) => inbox.open(requestId),
    'teleexpertise.file': ({ requestId, fileId }) => inbox.file(requestId, fileId),
    'teleexpertise.reply': async (input) => service.reply(input, await inbox.parties(input.requestId)),
  };

  return {
    repository,
    handlers,
    /** The directory came: its specialties are remembered for requests built offline. */
    directorySeen: () => service.specialties(offeredSpecialties()),
    /** The records' pull, followed in the same pass by the téléexpertise messages'; the first to stop says why. */
    withMessagesPull<R extends { stoppedBy: string | null }>(puller: {
      runOnce(): Promise<R>;
    }): { runOnce(): Promise<R> } {
      if (!pull) return puller;
      return {
        async runOnce() {
          const report = await puller.runOnce();
          if (report.stoppedBy !== null) return report;
          return { ...report, stoppedBy: (await pull.runOnce()).stoppedBy };
        },
      };
    },
  };
}
