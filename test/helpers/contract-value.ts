// Calls a station through its contract dispatch and gives the value, or throws with the error:
// for tests that build their own station (a hub, sync timings) rather than openStation's.
import type { Station } from '../../src/main/station';
import type { Channel, ChannelInput, ChannelOutput } from '../../src/shared/contract';

export async function contractValue<C extends Channel>(
  station: Station,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await station.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as ChannelOutput<C>;
}
