// The stroke sheet's contract handlers: an act's sheet, and a change to it with who made it.
import type { Handlers } from '../../shared/contract';
import type { createStrokeService } from './stroke-service';

export const strokeHandlers = (stroke: ReturnType<typeof createStrokeService>): Partial<Handlers> => ({
  'stroke.sheet': ({ encounterId }) => stroke.sheet(encounterId),
  'stroke.change': ({ encounterId, change, by }) => stroke.change(encounterId, change, by),
});
