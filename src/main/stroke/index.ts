// The stroke feature's public face: the tele-stroke sheet of an act. What the composition (station.ts)
// and the other features may import from it; the rest of the folder is the feature's own (lint:
// relais/boundaries).
export { createStrokeService } from './stroke-service';
export { strokeHandlers } from './stroke-handlers';
export { createStrokeFeature } from './stroke-feature';
