// The contract's stroke channels and events (assembled in src/shared/contract.ts): the tele-stroke
// sheet of an act.
import { z } from 'zod';
import { channel } from '../channel';
import { StrokeChangeSchema, StrokeSheetSchema } from './sheet';

export const STROKE_CHANNELS = {
  'stroke.sheet': channel(z.strictObject({ encounterId: z.uuid() }), StrokeSheetSchema),
  'stroke.change': channel(
    z.strictObject({ encounterId: z.uuid(), change: StrokeChangeSchema, by: z.string().trim().min(1).max(200) }),
    StrokeSheetSchema,
  ),
} as const;

export const STROKE_EVENTS = {
  /** An act's stroke sheet changed (here, or by the neurologist over the call). */
  'stroke.changed': z.object({ encounterId: z.uuid() }),
} as const;
