// How a feature declares a channel of the contract: the schema of its input and of its output.
// Each feature lists its channels in src/shared/<feature>/channels.ts; contract.ts assembles them.
import { z } from 'zod';

export const channel = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

/** The input of a channel that takes none. */
export const noInput = z.strictObject({});
