// The station's name on its screens (the Technique page's "Station") is the name and site the
// regional IT gave it in its hub token, never the machine's host name (issue 20, internal names):
// "vm" or "PC-CHARIOT-07" is an internal name on a clinician's screen.
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { stationDisplayName, STATION_NAME_DEFAULT } from '../../../src/main/station/station-display-name';
import { createStationStatusService } from '../../../src/main/station/station-status-service';

describe('stationDisplayName', () => {
  it('is the name and site the hub knows this station by', () => {
    expect(stationDisplayName({ name: 'Chariot EHPAD 3', site: 'EHPAD Les Tilleuls' })).toBe(
      'Chariot EHPAD 3 (EHPAD Les Tilleuls)',
    );
    expect(stationDisplayName({ name: ' ', site: 'Pharmacie du Port' })).toBe('Pharmacie du Port');
  });
  it('is a plain French name, never the host name, without a hub identity', () => {
    expect(stationDisplayName(null)).toBe(STATION_NAME_DEFAULT);
    expect(stationDisplayName(null)).not.toContain(os.hostname());
  });
});

describe('the station status', () => {
  it('names the station as the hub knows it, read at each status (the identity arrives after start)', () => {
    let you: { name: string; site: string } | null = null;
    const status = createStationStatusService({
      stationName: () => stationDisplayName(you),
      mode: 'browser',
      dataDir: '/data',
      dataProtection: { protection: 'os-keychain', keyPath: '', weaknesses: [] },
      signIn: 'none',
      devices: { list: () => [] },
      hub: { state: () => ({ state: 'not_configured', url: null }) } as never,
      outbox: { pendingCount: () => 0, waitingForActCount: () => 0, lastSyncAt: () => null } as never,
      patientCount: () => 0,
      database: () => ({}) as never,
      sync: () => ({}) as never,
      disk: () => ({}) as never,
    });
    expect(status.status().stationName).toBe(STATION_NAME_DEFAULT);
    you = { name: 'Chariot EHPAD 3', site: 'EHPAD Les Tilleuls' };
    expect(status.status().stationName).toBe('Chariot EHPAD 3 (EHPAD Les Tilleuls)');
  });
});
