// Runs one contract call: checks the channel, parses the input, calls the handler, shapes the result.
// Shared by the Electron IPC binding and the browser-mode WebSocket binding.
import { contract, isChannel, type Channel, type Handlers } from '../../shared/contract';
import { err, ok, type Result } from '../../shared/result';
import { parseWithFieldErrors } from '../../shared/validation';
import type { Logger } from '../logger';
import { AppFailure } from './failure';

export type Dispatch = (channel: unknown, payload: unknown) => Promise<Result<unknown>>;

/** SECURITY: decides, before the payload is even read, whether a channel may run now. */
export type Gate = (channel: Channel) => AppFailure | null;

export function createDispatch(handlers: Handlers, logger: Logger, gate: Gate = () => null): Dispatch {
  return async (channel, payload) => {
    if (!isChannel(channel)) {
      return err('unknown_channel', `Unknown channel ${JSON.stringify(String(channel)).slice(0, 80)}`);
    }
    const refused = gate(channel);
    if (refused) return err(refused.code, refused.message, refused.fields);
    const spec = contract.invoke[channel];
    const input = parseWithFieldErrors(spec.input, payload);
    if (!input.success) return err('validation_failed', `Invalid payload for ${channel}`, input.fields);
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      const value = await handler(input.data);
      // Outputs are parsed too: unknown fields are stripped, and a service bug shows up here, not in the page.
      const output = spec.output.safeParse(value);
      if (!output.success) {
        logger.error('contract.output_invalid', { channel, issues: output.error.issues.slice(0, 5) });
        return err('internal', 'The station produced an invalid answer. Please retry; if it persists, call support.');
      }
      return ok(output.data);
    } catch (error) {
      if (error instanceof AppFailure) return err(error.code, error.message, error.fields);
      logger.error('contract.handler_failed', { channel, error: String((error as Error)?.stack ?? error) });
      return err('internal', 'Unexpected error in the station. Please retry; if it persists, call support.');
    }
  };
}

export type { Channel };
