// The IT support contact reaches the screens through the station's status (the channel the home
// and the Technique page read), checked by the contract's schema; a refused value is said at start.
import { describe, expect, it } from 'vitest';
import { supportContactFromEnv } from '../../src/main/station/support-contact';
import { StationStatusSchema } from '../../src/shared/station/station';
import { useCleanups } from '../helpers/cleanups';
import { openStation } from '../helpers/station';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const cleanup = useCleanups();

describe('the station status and the IT support contact', () => {
  it('carries the configured contact to the screens', async () => {
    const station = openStation(tempDir(), undefined, {
      supportContact: supportContactFromEnv({ RELAIS_SUPPORT_CONTACT: 'Support informatique du GHT, poste 4321' }),
    });
    cleanup(() => station.close());
    const status = await station.value('station.status', {});
    expect(StationStatusSchema.parse(status).supportContact).toBe('Support informatique du GHT, poste 4321');
  });

  it('carries null without the setting, and says at start why a bad value was set aside', async () => {
    const warnings: { event: string; fields?: Record<string, unknown> }[] = [];
    const logger = {
      info() {},
      error() {},
      warn: (event: string, fields?: Record<string, unknown>) => warnings.push({ event, fields }),
    };
    const station = openStation(tempDir(), undefined, {
      logger,
      supportContact: supportContactFromEnv({ RELAIS_SUPPORT_CONTACT: 'Support\nposte 4321' }),
    });
    cleanup(() => station.close());
    expect((await station.value('station.status', {})).supportContact).toBeNull();
    const said = warnings.find((w) => w.event === 'settings.support_contact_refused');
    expect(String(said?.fields?.text)).toContain('RELAIS_SUPPORT_CONTACT');

    const plain = openStation(tempDir());
    cleanup(() => plain.close());
    expect((await plain.value('station.status', {})).supportContact).toBeNull();
  });
});
