// The téléexpertise feature's public face: requests, replies and the expert's inbox. What the
// composition (station.ts) and the other features may import from it; the rest of the folder is the
// feature's own (lint: relais/boundaries).
export { createStationTeleexpertise } from './teleexpertise-handlers';
export type { TeleexpertiseRepository } from './teleexpertise-repository';
export { createTeleexpertiseFeature } from './teleexpertise-feature';
