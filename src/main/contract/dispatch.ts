// Runs one contract call: checks the channel, parses the input, calls the handler, shapes the result.
// Shared by the Electron IPC binding and the browser-mode WebSocket binding.
import { contract, isChannel, type Channel, type Handlers } from '../../shared/contract';
import { err, ok, type Result } from '../../shared/result';
import { parseWithFieldErrors } from '../../shared/validation';
import type { Logger } from '../platform/logger';
import { AppFailure } from './failure';

/** Where a call came from (the binding; the peer's address over WebSocket), for the audit trail. */
export interface CallOrigin {
  binding: 'ipc' | 'websocket' | 'station';
  remote?: string;
}

/** SECURITY: decides, before the payload is even read, whether a channel may run now. */
export type Gate = (channel: Channel) => AppFailure | null;

/** One gate made of several, asked in order: the first refusal is the answer. */
export const allGates =
  (...gates: Gate[]): Gate =>
  (channel) => {
    for (const gate of gates) {
      const refused = gate(channel);
      if (refused) return refused;
    }
    return null;
  };

/** Told of every parsed call once answered (outcome "success" or the error code); throwing refuses the answer. */
export type CallAudit = (call: {
  channel: Channel;
  input: unknown;
  output: unknown;
  outcome: string;
  origin: CallOrigin;
}) => void;

export type Dispatch = (channel: unknown, payload: unknown, origin?: CallOrigin) => Promise<Result<unknown>>;

/** Turns an error a handler did not raise on purpose into what a person reads (a full disk, a damaged or held database); null: none. */
export type FailureOf = (error: unknown) => AppFailure | null;

export function createDispatch(
  handlers: Handlers,
  logger: Logger,
  options: { gate?: Gate; audit?: CallAudit; failureOf?: FailureOf } = {},
): Dispatch {
  const { gate = () => null, audit, failureOf = () => null } = options;
  return async (channel, payload, origin = { binding: 'station' }) => {
    if (!isChannel(channel)) {
      return err('unknown_channel', `Unknown channel ${JSON.stringify(String(channel)).slice(0, 80)}`);
    }
    const audited = (result: Result<unknown>, input: unknown): Result<unknown> => {
      if (!audit) return result;
      try {
        audit({
          channel,
          input,
          output: result.ok ? result.value : null,
          outcome: result.ok ? 'success' : result.error.code,
          origin,
        });
      } catch (error) {
        // SECURITY: no record is shown without its audit row (the audit decides which calls it refuses).
        logger.error('contract.audit_failed', { channel, error: String((error as Error)?.message ?? error) });
        return err(
          'audit_unavailable',
          'The station could not write its audit trail, so the record is not shown. Please retry; if it persists, call support.',
        );
      }
      return result;
    };
    // A call the sign-in gate refuses is audited too (its payload unread): an attempt to open
    // records without being signed in, or on a locked cart, is worth knowing of.
    const refused = gate(channel);
    if (refused) return audited(err(refused.code, refused.message, refused.fields), null);
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
        return audited(
          err('internal', 'The station produced an invalid answer. Please retry; if it persists, call support.'),
          input.data,
        );
      }
      return audited(ok(output.data), input.data);
    } catch (error) {
      const failure = error instanceof AppFailure ? error : failureOf(error);
      if (failure) return audited(err(failure.code, failure.message, failure.fields), input.data);
      logger.error('contract.handler_failed', { channel, error: String((error as Error)?.stack ?? error) });
      return audited(
        err('internal', 'Unexpected error in the station. Please retry; if it persists, call support.'),
        input.data,
      );
    }
  };
}

export type { Channel };
