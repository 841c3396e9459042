// The contract's activity channels and events (assembled in src/shared/contract.ts): the activity a
// GCS coordinator follows.
import { channel } from '../channel';
import { ActivityQuerySchema, ActivityReportSchema } from './activity-report';

export const ACTIVITY_CHANNELS = {
  /** This station's acts by month, type and specialty, their minutes and the transport they avoided. */
  'activity.monthly': channel(ActivityQuerySchema, ActivityReportSchema),
} as const;
