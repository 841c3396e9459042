// The activity's contract handler: this station's acts by month, for the GCS coordinator.
import type { Handlers } from '../../shared/contract';
import type { createActivityService } from './activity-service';

export const activityHandlers = (activity: ReturnType<typeof createActivityService>): Partial<Handlers> => ({
  'activity.monthly': (query) => activity.monthly(query),
});
