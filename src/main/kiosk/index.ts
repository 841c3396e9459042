// The kiosk feature's public face: the pharmacy cabin's kiosk mode and its gate. What the composition
// (station.ts) and the other features may import from it; the rest of the folder is the feature's own
// (lint: relais/boundaries).
export { createKioskGate } from './kiosk-gate';
export { createKioskService } from './kiosk-service';
export { kioskHandlers } from './kiosk-handlers';
export { createKioskFeature } from './kiosk-feature';
