// The station feature's public face: status, disk, database health and decisions, the supervisor. What
// the composition (station.ts) and the other features may import from it; the rest of the folder is
// the feature's own (lint: relais/boundaries).
export { createDatabaseChannels } from './database-handlers';
export { createStationDisk } from './station-disk';
export type { StationDiskOptions } from './station-disk';
export { createStationStatusService } from './station-status-service';
export { superviseStation } from './station-supervisor';
export type { Restart } from './station-supervisor';
export { stationHandlers } from './station-handlers';
export { NO_SIGN_IN_TEXT } from './station-options';
export type { StationOptions } from './station-options';
export { createStationFeature } from './station-feature';
