// With an identity provider configured, the station opens no record until a professional has
// signed in (real provider on loopback), chosen her unlock PIN, and while the cart is unlocked;
// the lock and the PIN work through the contract, as the page uses them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/temp-dir';
import { openStation } from '../helpers/station';
import { CLIENT, signInInBrowser, startTestProvider, type TestProvider } from '../helpers/oidc-provider';

const tempDir = useTempDir('relais-gate-');
let provider: TestProvider;
beforeEach(async () => {
  provider = await startTestProvider();
});
afterEach(async () => provider.close());

const codeOf = (result: { ok: boolean; error?: { code: string; fields?: { code: string }[] } }) => (result.ok ? 'ok' : (result.error!.fields?.[0]?.code ?? result.error!.code));

describe('the sign-in gate', () => {
  it('refuses records until sign-in and PIN, refuses them again while locked, and opens with the PIN', async () => {
    const station = openStation(tempDir(), undefined, { oidc: { discoveryUrl: provider.issuer, clientId: CLIENT.id, clientSecret: CLIENT.secret, scope: 'openid profile' } });
    try {
      const search = () => station.call('patients.search', { limit: 5 });
      expect(codeOf(await search())).toBe('forbidden');
      expect(codeOf(await station.call('station.status', {}))).toBe('ok');
      expect(codeOf(await station.call('identity.setPin', { pin: '2468' }))).toBe('forbidden'); // nobody signed in

      const { authorizationUrl } = await station.value('identity.login', {});
      await signInInBrowser(authorizationUrl);
      await expect.poll(async () => (await station.value('identity.state', {})).user?.name).toBe('Anne KERLEAU');
      expect(codeOf(await search())).toBe('forbidden'); // no PIN chosen yet
      expect(codeOf(await station.call('identity.setPin', { pin: '24' }))).toBe('identity.pin_format');
      await station.value('identity.setPin', { pin: '2468' });
      expect(codeOf(await search())).toBe('ok');

      expect((await station.value('identity.lock', {})).locked).toBe(true);
      expect(codeOf(await search())).toBe('forbidden');
      expect(codeOf(await station.call('identity.unlock', { pin: '1357' }))).toBe('identity.wrong_pin');
      expect(codeOf(await search())).toBe('forbidden');
      expect((await station.value('identity.unlock', { pin: '2468' })).locked).toBe(false);
      expect(codeOf(await search())).toBe('ok');
      // The audit trail names her, and keeps the attempts the gate refused.
      const trail = await station.value('audit.recent', { limit: 50 });
      expect(trail.some((e) => e.event === 'patients.search' && e.outcome === 'forbidden')).toBe(true);
      expect(trail.find((e) => e.event === 'patients.search' && e.outcome === 'success')?.who).toBe('Anne KERLEAU (IdNatPS 810001234567)');

      await station.value('identity.logout', {});
      expect(codeOf(await search())).toBe('forbidden');
    } finally {
      await station.close();
    }
  });

  it('keeps a station without a provider open, as before', async () => {
    const station = openStation(tempDir());
    try {
      expect(codeOf(await station.call('patients.search', { limit: 5 }))).toBe('ok');
      expect((await station.value('identity.state', {})).configured).toBe(false);
    } finally {
      await station.close();
    }
  });
});
