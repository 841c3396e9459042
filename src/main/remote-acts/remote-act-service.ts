// The expert's station keeps what she needs for her report of an act held by another station: the
// context that station sent over the call, parsed again here (main does not trust the page), kept
// only when it came over a call of this station with that station, the latest one winning.
import type { ActContext } from '../../shared/calls/act-context';
import type { RemoteAct, RemoteActExpert } from '../../shared/remote-acts/channels';
import { AppFailure } from '../contract/failure';
import type { Db } from '../platform/database/connection';
import type { RemoteActRepository } from './remote-act-repository';

/** A call of this station's journal, its other side as the hub named it. */
export type CallRemote = { id: string; name: string; role: string; site: string } | null;

export interface RemoteActServiceDeps {
  db: Db;
  repository: RemoteActRepository;
  remoteOfCall: (callId: string) => CallRemote;
  /** Who takes part here: the signed-in professional, else the station's identity at the hub. */
  expert: () => RemoteActExpert | null;
  now: () => Date;
}

const MAX_CALLS = 100;
const MAX_EXPERTS = 20;
const sameExpert = (a: RemoteActExpert, b: RemoteActExpert) =>
  a.name === b.name && a.rpps === b.rpps && a.hubId === b.hubId;

export function createRemoteActService({ db, repository, remoteOfCall, expert, now }: RemoteActServiceDeps) {
  function keep(input: { callId: string; peerId: string; context: ActContext }): RemoteAct {
    const { callId, peerId, context } = input;
    const remote = remoteOfCall(callId);
    // SECURITY: only the call's other side, as the hub named it in this station's journal, and only a
    // requesting station, may file an act's context here; the page's word on who sent it is checked.
    if (!remote || remote.id !== peerId || remote.role !== 'station')
      throw new AppFailure(
        'forbidden',
        `This act's context did not come over a call of this station with ${peerId}: it was not kept. ` +
          'Nothing to do at the station; if it recurs, the regional IT checks the hub journal for this call.',
      );
    const who = expert();
    if (!who)
      throw new AppFailure('forbidden', 'This station has no identity at the hub yet: reconnect it to keep the act.');
    return db.transaction((): RemoteAct => {
      const before = repository.get(peerId, context.act.id);
      // A context composed before the one kept (a late message of an earlier call) does not replace it.
      const newer = !before || before.context.composedAt <= context.composedAt;
      const callIds = before?.callIds.includes(callId) ? before.callIds : [...(before?.callIds ?? []), callId];
      const experts = before?.experts.some((e) => sameExpert(e, who))
        ? before.experts
        : [...(before?.experts ?? []), who];
      const act: RemoteAct = {
        peerId,
        peerName: remote.name,
        actId: context.act.id,
        context: newer ? context : before.context,
        receivedAt: newer ? now().toISOString() : before.receivedAt,
        callIds: callIds.slice(-MAX_CALLS),
        experts: experts.slice(-MAX_EXPERTS),
      };
      repository.put(act);
      return act;
    })();
  }

  function get(peerId: string, actId: string): RemoteAct {
    const act = repository.get(peerId, actId);
    if (!act) throw new AppFailure('not_found', 'This act of another station is not kept on this station.');
    return act;
  }

  return { keep, get, list: (limit: number) => repository.list(limit) };
}
