// The imaging feature's public face: DICOM import from drives and the PACS, the viewer's frames. What
// the composition (station.ts) and the other features may import from it; the rest of the folder is
// the feature's own (lint: relais/boundaries).
export { createStationImaging } from './imaging-handlers';
export type { IdentityOverride } from './imaging-identity';
export type { ImagingRepository, StudyForSync } from './imaging-repository';
export { pacsUrlFromEnv } from './pacs-settings';
export { createImagingFeature } from './imaging-feature';
