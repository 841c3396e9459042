// Pulls the messages of the téléexpertise requests this station takes part in: on the requester's
// station the expert's answers and questions, on the expert's the requester's answers. A search
// by the requests (Communication?based-on=ServiceRequest/..., fifty at a time) rather than by
// _lastUpdated: a station follows a few dozen open requests, and none of their messages can be
// missed whatever the clocks say. Each message is kept once (by its id); one the station cannot
// read is recorded with the reason for a person to see, never half taken.
import type { Bundle } from '@medplum/fhirtypes';
import type { SyncRepository } from './sync-repository';
import type { TeleexpertiseRepository } from '../teleexpertise';
import { communicationToMessage } from './fhir/expertise-message';
import { FhirMappingError } from './fhir/mapping-error';
import { FhirNetworkError, type FhirClient } from './fhir-client';

export interface ExpertisePullDeps {
  client: FhirClient;
  repo: TeleexpertiseRepository;
  sync: Pick<SyncRepository, 'inboundError' | 'clearInboundError'>;
  now: () => Date;
  inTransaction: <T>(work: () => T) => T;
  /** A request got new messages (its act's screen and the inbox show them). */
  onReceived: (requestId: string) => void;
}

const BATCH = 50;
/** An expert follows the requests she wrote about for six months: their exchange is over by then, and the pull stays small. */
const FOLLOW_MS = 183 * 24 * 3600_000;

export function createExpertisePull(deps: ExpertisePullDeps) {
  return {
    /** One pass; returns how many messages arrived, or why it stopped. */
    async runOnce(): Promise<{ received: number; stoppedBy: string | null }> {
      const requests = deps.repo.followedRequests(new Date(deps.now().getTime() - FOLLOW_MS).toISOString());
      let received = 0;
      for (let i = 0; i < requests.length; i += BATCH) {
        const ids = requests.slice(i, i + BATCH);
        let answer;
        try {
          answer = await deps.client.search('Communication', {
            'based-on': ids.map((id) => `ServiceRequest/${id}`).join(','),
            _count: '1000',
          });
        } catch (error) {
          if (!(error instanceof FhirNetworkError)) throw error;
          return { received, stoppedBy: error.message };
        }
        const bundle = answer.resource as Bundle | null;
        if (answer.status !== 200 || bundle?.resourceType !== 'Bundle')
          return {
            received,
            stoppedBy: `The regional server answered ${answer.status} to the search for téléexpertise messages.`,
          };
        const changed = new Set<string>();
        const at = deps.now().toISOString();
        deps.inTransaction(() => {
          for (const entry of bundle.entry ?? []) {
            const id = typeof entry.resource?.id === 'string' ? entry.resource.id : 'unknown';
            try {
              const message = communicationToMessage(entry.resource);
              if (!ids.includes(message.requestId)) continue; // not one of ours: never taken in
              if (deps.repo.addMessage(message, 'server', at)) {
                received++;
                changed.add(message.requestId);
              }
              deps.sync.clearInboundError('expertise_message', id);
            } catch (error) {
              if (!(error instanceof FhirMappingError)) throw error;
              deps.sync.inboundError(
                'expertise_message',
                id,
                entry.resource?.meta?.versionId ?? null,
                error.message,
                at,
              );
            }
          }
        });
        for (const requestId of changed) deps.onReceived(requestId);
      }
      return { received, stoppedBy: null };
    },
  };
}
