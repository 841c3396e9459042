// A chat line goes as a Communication of the act the call is linked to; until then it waits. One
// step of the push (push-worker.ts).
import type { Resource } from '@medplum/fhirtypes';
import { parseChatEntityId } from '../chat-entity';
import { chatToCommunication } from '../fhir/communication';
import type { PushDeps, PushReport } from '../push-worker';
import type { OutboxRow } from '../sync-repository';
import type { PutResource } from './put-resource';
import type { RowOutcomes } from './row-outcomes';

export function createPushChat(deps: PushDeps, { park, waitForAct }: RowOutcomes, putResource: PutResource) {
  /** A chat line goes as a Communication of the act the call is linked to; until then it waits. */
  async function pushChat(row: OutboxRow, report: PushReport): Promise<'next' | 'stop'> {
    const key = parseChatEntityId(row.entity_id);
    const line = key ? deps.calls?.chatLine(key.callId, key.lineId) : null;
    if (!key || !line) return park(row, 'The record is no longer on this station.', report);
    const encounter = deps.encounters.ofCall(key.callId);
    if (!encounter) return waitForAct(row, 'Waiting for its act: link the call to an act to send this message.');
    return putResource(
      row,
      { resource: chatToCommunication(line, encounter) as Resource & { id: string }, version: 1 },
      report,
    );
  }

  return pushChat;
}
