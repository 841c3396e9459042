// One act as the station holds it (encounters.get), read again whenever it changes: a change
// made elsewhere (the expert's report, a measurement taken in the call, a correction pulled from
// the region) shows at once on every screen that holds the act.
import type { ChannelOutput } from '../../../shared/contract';
import type { AppError } from '../../../shared/result';
import { useActReading } from './use-act-reading';

export type ActRecord = ChannelOutput<'encounters.get'>;

export function useActRecord(id: string): {
  record: ActRecord | null;
  /** Why the act could not be read (null once it is). */
  loadError: AppError | null;
  reload: () => Promise<void>;
} {
  const { value, error, reload } = useActReading('encounters.get', id);
  return { record: value, loadError: error, reload };
}
