// The activity feature's public face: the monthly report of this station's acts and the commune table
// it reads. What the composition (station.ts) and the other features may import from it; the rest of
// the folder is the feature's own (lint: relais/boundaries).
export { createActivityRepository } from './activity-repository';
export { createActivityService } from './activity-service';
export { communesFile, createCommunePlaces } from './commune-places';
export { activityHandlers } from './activity-handlers';
export { createActivityFeature } from './activity-feature';
