// The calls feature as the station composes it: the call journal, the call service over the hub
// link, and the hub connection that carries its messages.
import type { ServerMessage } from '../../shared/hub-protocol';
import { connectHubClient } from '../platform/hub/hub-client';
import type { StationPlatform } from '../platform/station-platform';
import { createCallRepository } from './call-repository';
import { createCallService, type CallServiceDeps } from './call-service';
import { callsHandlers, type CallsHandlersDeps } from './calls-handlers';

export interface CallsFeatureDeps {
  icePolicy: CallServiceDeps['icePolicy'];
  /** Each message from the hub, after the call service has taken it. */
  onMessage: (message: ServerMessage) => void;
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
    onState: (state) => platform.events.emit('calls.hubChanged', state),
    onMessage: deps.onMessage,
  });
  hub.onLinkChange(() => service.linkChanged());
  let hubClient: ReturnType<typeof connectHubClient> | null = null;

  return {
    repository,
    service,
    handlers: (outgoingGuards: CallsHandlersDeps['outgoingGuards']) =>
      callsHandlers({ calls: service, outgoingGuards }),
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
