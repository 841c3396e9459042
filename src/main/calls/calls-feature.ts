// The calls feature as the station composes it: the call journal, the call service over the hub
// link, the hub connection that carries its messages, and their fan-out to the other features.
import type { ServerMessage } from '../../shared/hub-protocol';
import { connectHubClient } from '../platform/hub/hub-client';
import type { StationPlatform } from '../platform/station-platform';
import { createCallRepository } from './call-repository';
import { createCallService, type CallServiceDeps } from './call-service';
import { createDirectoryCache } from './directory-cache';
import { callsHandlers, type ActsOfCalls, type CallsHandlersDeps } from './calls-handlers';

/** The features that take each message from the hub, after the call service has taken it, in this order. */
export interface CallMessageTakers {
  /** The patient's consent: true when the message was its own and goes no further. */
  consent: { callMessage(message: ServerMessage): boolean };
  /** Téléexpertise: the hub's directory of experts was seen. */
  directory: { directorySeen(): void };
  audit: { callMessage(message: ServerMessage): void };
  steering: { callMessage(message: ServerMessage): void };
  /** Scheduling: the hub's directory and errors answer the coordinator's offer.publish and offer.withdraw. */
  offers: { hubMessage(message: ServerMessage): void };
}

export interface CallsFeatureDeps {
  icePolicy: CallServiceDeps['icePolicy'];
  /** Asked at each message: the takers are features built after the calls feature. */
  messageTakers: () => CallMessageTakers;
  /** The acts feature (built after this one): the act a call is placed from, and the act of a call. */
  acts: () => ActsOfCalls & { callChanged(callId: string): void; callAccepted(callId: string): void };
}

export function createCallsFeature(platform: StationPlatform, deps: CallsFeatureDeps) {
  const { hub, logger } = platform;
  const repository = createCallRepository(platform.db);
  const service = createCallService({
    db: platform.db,
    calls: repository,
    outbox: platform.outbox,
    link: hub.link,
    now: platform.now,
    icePolicy: deps.icePolicy,
    directory: createDirectoryCache(platform.db, (event, detail) => logger.warn(event, detail)),
    onState: (state) => platform.events.emit('calls.hubChanged', state),
    onChat: (callId) => deps.acts().callChanged(callId),
    onDirectory: (offers) => deps.messageTakers().offers.hubMessage({ type: 'directory', offers }),
    onMessage: (message) => {
      const takers = deps.messageTakers();
      // The other station's word on the patient's consent is main's, not the page's.
      if (takers.consent.callMessage(message)) return;
      if (message.type === 'directory') takers.directory.directorySeen();
      // The call placed from an act was answered: its act starts.
      if (message.type === 'call.accepted') deps.acts().callAccepted(message.callId);
      takers.audit.callMessage(message);
      takers.steering.callMessage(message);
      takers.offers.hubMessage(message);
      platform.events.emit('calls.message', message);
    },
  });
  hub.onLinkChange(() => service.linkChanged());
  let hubClient: ReturnType<typeof connectHubClient> | null = null;

  return {
    repository,
    service,
    handlers: (outgoingGuards: CallsHandlersDeps['outgoingGuards']) =>
      callsHandlers({
        calls: service,
        acts: deps.acts,
        outgoingGuards,
        onBindFailed: (encounterId, callId, error) =>
          logger.warn('call.bind_failed', { encounterId, callId, error: (error as Error).message }),
      }),
    /** Connects to the hub (with a hub address and a token); the token's rotation reconnects. */
    connectHub(): void {
      const token = hub.token;
      if (!hub.url || !token) return;
      hubClient = connectHubClient({
        url: hub.url,
        token: token.current,
        onRefused: (status) => status === 401 && token.rejected(),
        link: hub.link,
        onMessage: (m) => service.handle(m),
        onLog: (event, detail) => logger.info(event, detail),
      });
      const client = hubClient;
      service.useSender((message) => client.send(message));
      token.onRotated(() => hubClient?.reconnect());
    },
    closeHub: () => hubClient?.close(),
  };
}
