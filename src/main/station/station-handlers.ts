// The station's own contract handler: its status for the home screen. The technician's database
// channels are answered by database-handlers.ts.
import type { Handlers } from '../../shared/contract';
import type { createStationStatusService } from './station-status-service';

export const stationHandlers = (status: ReturnType<typeof createStationStatusService>): Partial<Handlers> => ({
  'station.status': () => status.status(),
});
