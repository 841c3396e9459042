// The station's link to the hub, as the home screen shows it: online, offline when the hub
// goes away, online again by itself when it comes back on the same address.
import { describe, expect, it } from 'vitest';
import { startHub } from '../../src/hub/server';
import { issueToken } from '../../src/hub/tokens';
import { openStation } from '../helpers/station';
import { useTempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait';
import { createStation } from '../../src/main/station';
import { silentLogger } from '../../src/main/platform/logger';

const tempDir = useTempDir();
const SECRET = 'hub-secret';
const token = issueToken(SECRET, {
  sub: 'cart-7',
  role: 'station',
  name: 'Chariot 7',
  site: 'EHPAD',
  specialty: null,
  exp: Math.floor(Date.now() / 1000) + 600,
});

describe('station hub link', () => {
  it('is online, then offline when the hub stops, then online again', async () => {
    let hub = await startHub({ secret: SECRET, turnSecret: 'x', turnUrls: [], offers: [] });
    const station = createStation({
      dataDir: tempDir(),
      mode: 'browser',
      logger: silentLogger,
      hubUrl: hub.url,
      hubToken: token,
    });
    const hubState = async () => {
      const result = await station.dispatch('station.status', {});
      return result.ok ? (result.value as { hub: { state: string } }).hub.state : 'error';
    };
    let state = '';
    const poll = (want: string) => waitFor(() => state === want, `hub link ${want}`, 8_000);
    const timer = setInterval(async () => (state = await hubState()), 20);
    try {
      await poll('online');
      const port = hub.port;
      await hub.close();
      await poll('offline');
      hub = await startHub({ secret: SECRET, turnSecret: 'x', turnUrls: [], offers: [], port });
      await poll('online');
    } finally {
      clearInterval(timer);
      await station.close();
      await hub.close();
    }
  });

  it('says the hub is not configured when the station has none', async () => {
    const station = openStation(tempDir());
    const status = await station.value('station.status', {});
    expect(status.hub).toEqual({ state: 'not_configured', url: null });
    await station.close();
  });
});
