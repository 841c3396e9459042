// The remote acts' contract handlers: keep a context received over a call, list and read them.
import type { Handlers } from '../../shared/contract';
import type { createRemoteActService } from './remote-act-service';

export const remoteActsHandlers = (service: ReturnType<typeof createRemoteActService>): Partial<Handlers> => ({
  'remoteActs.keep': (input) => service.keep(input),
  'remoteActs.list': ({ limit }) => service.list(limit),
  'remoteActs.get': ({ peerId, actId }) => service.get(peerId, actId),
});
