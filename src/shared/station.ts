// What the home screen shows of the station: devices, hub link, records waiting to be synced.
import { z } from 'zod';

export const DeviceStatusSchema = z.object({
  id: z.string(),
  kind: z.enum(['camera', 'oximeter', 'stethoscope', 'dermatoscope', 'blood_pressure', 'thermometer', 'scale', 'other']),
  label: z.string(),
  state: z.enum(['connected', 'reconnecting', 'gone']),
});

export const StationStatusSchema = z.object({
  stationName: z.string(),
  mode: z.enum(['electron', 'browser']),
  dataDir: z.string(),
  devices: z.array(DeviceStatusSchema),
  hub: z.object({
    state: z.enum(['not_configured', 'connecting', 'online', 'offline']),
    url: z.string().nullable(),
  }),
  sync: z.object({
    pending: z.number().int().nonnegative(),
    lastSyncAt: z.string().nullable(),
  }),
  patientCount: z.number().int().nonnegative(),
});
export type StationStatus = z.infer<typeof StationStatusSchema>;
