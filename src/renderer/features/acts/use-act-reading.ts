// One reading of an act by its id (the act itself, its prescriptions, its escalation), read again
// whenever the act changes: a change made elsewhere (the expert's report or prescription, a step of
// an urgent alert, a correction pulled from the region) shows at once on every screen that holds it.
import { useCallback, useEffect, useState } from 'react';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';

/** The channels that read one part of an act, given the act's id. */
export type ActReading = 'encounters.get' | 'encounters.prescriptions' | 'encounters.escalation';

export function useActReading<C extends ActReading>(
  channel: C,
  id: string,
): {
  /** What was read, null until the first reading succeeds. */
  value: ChannelOutput<C> | null;
  /** Why it could not be read (null once it is). */
  error: AppError | null;
  reload: () => Promise<void>;
} {
  const [value, setValue] = useState<ChannelOutput<C> | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const reload = useCallback(
    () =>
      // Each of these channels takes the act's id alone; TypeScript cannot see it through the generic.
      relais.invoke(channel, { id } as ChannelInput<C>).then((r) => {
        if (r.ok) setValue(r.value);
        setError(r.ok ? null : r.error);
      }),
    [channel, id],
  );
  useEffect(() => {
    void reload();
    return relais.on('encounters.changed', (changed) => {
      if (changed.id === id) void reload();
    });
  }, [id, reload]);
  return { value, error, reload };
}
