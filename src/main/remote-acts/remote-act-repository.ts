// The remote acts kept on the expert's station (migration 0028): one row per requesting station and
// act, holding the latest context received. Callers own transactions.
import { ActContextSchema, type ActContext } from '../../shared/calls/act-context';
import type { RemoteAct, RemoteActExpert } from '../../shared/remote-acts/channels';
import { AppFailure } from '../contract/failure';
import type { Db } from '../platform/database/connection';

interface Row {
  peer_id: string;
  act_id: string;
  peer_name: string;
  context_json: string;
  composed_at: string;
  received_at: string;
  call_ids_json: string;
  experts_json: string;
}

export interface RemoteActRepository {
  get(peerId: string, actId: string): RemoteAct | null;
  /** Writes the act as given, whether new or kept before. */
  put(act: RemoteAct): void;
  /** The latest received first. */
  list(limit: number): RemoteAct[];
}

// What the database holds was parsed before it was written; it is parsed again on reading, so a
// row changed by hand cannot reach a screen as something it is not.
const fromRow = (r: Row): RemoteAct => ({
  peerId: r.peer_id,
  peerName: r.peer_name,
  actId: r.act_id,
  context: ActContextSchema.parse(JSON.parse(r.context_json)),
  receivedAt: r.received_at,
  callIds: JSON.parse(r.call_ids_json) as string[],
  experts: JSON.parse(r.experts_json) as RemoteActExpert[],
});

export function createRemoteActRepository(db: Db): RemoteActRepository {
  const getStmt = db.prepare<[string, string], Row>('SELECT * FROM remote_acts WHERE peer_id = ? AND act_id = ?');
  const listStmt = db.prepare<[number], Row>('SELECT * FROM remote_acts ORDER BY received_at DESC, rowid DESC LIMIT ?');
  // The first reception is kept as it was: her worklist counts the act's wait from it.
  const putStmt = db.prepare(`INSERT INTO remote_acts (peer_id, act_id, peer_name, context_json, composed_at,
      received_at, call_ids_json, experts_json, first_received_at)
    VALUES (@peer_id, @act_id, @peer_name, @context_json, @composed_at, @received_at, @call_ids_json, @experts_json,
      @received_at)
    ON CONFLICT (peer_id, act_id) DO UPDATE SET peer_name = excluded.peer_name, context_json = excluded.context_json,
      composed_at = excluded.composed_at, received_at = excluded.received_at, call_ids_json = excluded.call_ids_json,
      experts_json = excluded.experts_json`);
  const toRow = (a: RemoteAct, context: ActContext): Row => ({
    peer_id: a.peerId,
    act_id: a.actId,
    peer_name: a.peerName,
    context_json: JSON.stringify(context),
    composed_at: context.composedAt,
    received_at: a.receivedAt,
    call_ids_json: JSON.stringify(a.callIds),
    experts_json: JSON.stringify(a.experts),
  });
  return {
    get(peerId, actId) {
      const row = getStmt.get(peerId, actId);
      return row ? fromRow(row) : null;
    },
    put(act) {
      putStmt.run(toRow(act, act.context));
    },
    list: (limit) => listStmt.all(limit).map(fromRow),
  };
}

/** The act of another station kept here; not_found, said so a person understands, otherwise. */
export function keptActOf(acts: Pick<RemoteActRepository, 'get'>, peerId: string, actId: string): RemoteAct {
  const act = acts.get(peerId, actId);
  if (!act)
    throw new AppFailure(
      'not_found',
      'This act of another station is not kept here: its context comes with a call about it.',
    );
  return act;
}
