// Starts a real station (SQLite in a temp folder) and calls it through the contract dispatch.
import type { Channel, ChannelInput, ChannelOutput } from '../../src/shared/contract';
import type { Result } from '../../src/shared/result';
import { silentLogger } from '../../src/main/platform/logger';
import { createStation, type Station, type StationOptions } from '../../src/main/station';

export function openStation(
  dataDir: string,
  now?: () => Date,
  options: Partial<StationOptions> = {},
): Station & {
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  value<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
} {
  const station = createStation({
    dataDir,
    mode: 'browser',
    logger: silentLogger,
    stationName: 'test-cart',
    now,
    ...options,
  });
  const call = <C extends Channel>(channel: C, input: ChannelInput<C>) =>
    station.dispatch(channel, input) as Promise<Result<ChannelOutput<C>>>;
  return {
    ...station,
    call,
    async value(channel, input) {
      const result = await call(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.value;
    },
  };
}
