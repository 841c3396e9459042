// The contract's station channels and events (assembled in src/shared/contract.ts): the station's
// status for the home screen, and the technician's database channels (database.ts).
import { channel, noInput } from '../channel';
import { StationStatusSchema } from './station';
import { DATABASE_CHANNELS } from './database';

export const STATION_CHANNELS = {
  'station.status': channel(noInput, StationStatusSchema),
  ...DATABASE_CHANNELS,
} as const;

export const STATION_EVENTS = {
  'station.statusChanged': StationStatusSchema,
} as const;
