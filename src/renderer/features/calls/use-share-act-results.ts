// The cart: each blood pressure, temperature or weight the call's act records (typed, or read from
// a device) goes to the expert as it is recorded; those recorded before the call go when it opens.
import { useEffect } from 'react';
import { LiveVitalsMessageSchema } from '../../../shared/devices/live-vitals';
import { relais } from '../../api';
import { deviceLabel, useDevices } from '../../ui/devices-store';
import { shareResult } from './live-vitals-cart';
import { LIVE_RESULT_CODES, type LiveResultCode } from './live-vitals-store';

async function shareActResults(encounterId: string): Promise<void> {
  const record = await relais.invoke('encounters.get', { id: encounterId });
  if (!record.ok) return;
  const devices = useDevices.getState().devices;
  for (const o of record.value.observations) {
    if (!LIVE_RESULT_CODES.includes(o.vital.code as LiveResultCode)) continue;
    const message = {
      type: 'vitals.result' as const,
      id: o.id,
      vital: o.vital,
      takenAt: o.takenAt,
      device: o.device ? (deviceLabel(devices, o.device) ?? null) : null,
    };
    // What the act holds from before the station's limits may not pass the expert's: checked here first.
    const parsed = LiveVitalsMessageSchema.safeParse(message);
    if (parsed.success && parsed.data.type === 'vitals.result') shareResult(parsed.data);
  }
}

export function useShareActResults(encounterId: string | null): void {
  useEffect(() => {
    if (!encounterId) return;
    void shareActResults(encounterId);
    return relais.on('encounters.changed', (changed) => {
      if (changed.id === encounterId) void shareActResults(encounterId);
    });
  }, [encounterId]);
}
