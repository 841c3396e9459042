// One act as the station holds it (encounters.get), read again whenever it changes: a change
// made elsewhere (the expert's report, a measurement taken in the call, a correction pulled from
// the region) shows at once on every screen that holds the act.
import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';

export type ActRecord = ChannelOutput<'encounters.get'>;

export function useActRecord(id: string): {
  record: ActRecord | null;
  /** Why the act could not be read (null once it is). */
  loadError: AppError | null;
  reload: () => Promise<void>;
} {
  const [record, setRecord] = useState<ActRecord | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const reload = useCallback(
    () =>
      relais.invoke('encounters.get', { id }).then((r) => {
        if (r.ok) setRecord(r.value);
        setLoadError(r.ok ? null : r.error);
      }),
    [id],
  );
  useEffect(() => {
    void reload();
    return relais.on('encounters.changed', (changed) => {
      if (changed.id === id) void reload();
    });
  }, [id, reload]);
  return { record, loadError, reload };
}
