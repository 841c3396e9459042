// The seam between one hub and the region's other hubs. A hub alone is a cluster of one
// (`createSoloCluster`: nobody elsewhere, nothing forwarded); with RELAIS_HUB_REDIS_URL the hubs
// share presence and route signaling through Redis pub/sub (redis-cluster.ts). server.ts talks to
// this interface only, so that it reads the same either way.
//
// What is shared: who is connected to which hub (presence) and the messages of calls between
// peers on different hubs. What stays on each hub: its FHIR store, its uploads, the offers'
// waiting queues and the coordinator's directory (src/hub/README.md).
import type { Peer, ServerMessage } from '../../shared/hub-protocol';
import type { CallRouter } from '../call-router';

/** What a cluster needs of the hub it belongs to. */
export interface LocalHub {
  /** A peer connected to this hub, as presence lists it (never the coordinator). */
  peer(peerId: string): Peer | undefined;
  /** Everyone presence lists on this hub. */
  peers(): Peer[];
  /** Sends to a peer connected to this hub. */
  deliver(peerId: string, message: ServerMessage): void;
  /** This hub's own call router: the calls it owns. */
  router: CallRouter;
  /** A peer elsewhere came, changed or left: presence tells this hub's peers. */
  presenceChanged(peerId: string): void;
  /** The peer connected again to another hub: its connection here is closed (the newer one stays). */
  replaced(peerId: string): void;
}

export interface HubCluster {
  /** Joins the region (returns once joined, or once it is known that Redis does not answer: the hub then serves alone). */
  start(local: LocalHub): Promise<void>;
  /** A peer connected to another hub, as presence lists it. */
  remotePeer(peerId: string): Peer | undefined;
  /** Sends to a peer connected to another hub; false when no other hub holds it. */
  send(peerId: string, message: ServerMessage): boolean;
  /** The peer (connected here) is in a call that another hub owns. */
  inRemoteCall(peerId: string): boolean;
  /** The router this hub's connections use: what concerns a call owned elsewhere goes to its hub. */
  route(router: CallRouter): CallRouter;
  /** A peer of this hub connected, changed its availability or left. */
  changed(peerId: string): void;
  close(): Promise<void>;
}

/** A hub alone: nobody elsewhere, every call its own. */
export function createSoloCluster(): HubCluster {
  return {
    start: async () => {},
    remotePeer: () => undefined,
    send: () => false,
    inRemoteCall: () => false,
    route: (router) => router,
    changed: () => {},
    close: async () => {},
  };
}
