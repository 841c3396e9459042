// The one place where the contract's handlers are assembled: each feature answers its own channels
// (src/main/<feature>/, e.g. the kiosk's 'kiosk.*'), and the station hands them all to the
// dispatcher. A channel nobody answers, or answered twice, stops the start with its name.
import { CHANNELS, isChannel, type Channel, type Handlers } from '../../shared/contract';

/** Each feature's handlers, by feature name (the name is only for the message of a mistake). */
export type FeatureHandlers = Record<string, Partial<Handlers>>;

export function assembleHandlers(byFeature: FeatureHandlers): Handlers {
  const assembled: Partial<Record<Channel, unknown>> = {};
  const answeredBy = new Map<Channel, string>();
  for (const [feature, handlers] of Object.entries(byFeature)) {
    for (const [channel, handler] of Object.entries(handlers)) {
      if (!isChannel(channel))
        throw new Error(`The ${feature} feature answers "${channel}", which is not a channel of the contract.`);
      const earlier = answeredBy.get(channel);
      if (earlier)
        throw new Error(`The channel "${channel}" is answered twice, by the ${earlier} and the ${feature} features.`);
      answeredBy.set(channel, feature);
      assembled[channel] = handler;
    }
  }
  const missing = CHANNELS.filter((channel) => !answeredBy.has(channel));
  if (missing.length > 0) throw new Error(`No feature answers the channel(s) ${missing.join(', ')}.`);
  return assembled as Handlers;
}
