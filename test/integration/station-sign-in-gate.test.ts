// With an identity provider configured, the station opens no record until a professional has
// signed in (real provider on loopback), chosen her unlock PIN, and while the cart is unlocked;
// the lock, the PIN and the badge work through the contract, as the page uses them.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/temp-dir';
import { openStation } from '../helpers/station';
import {
  CLIENT,
  COLLEAGUE,
  PROFESSIONAL,
  signInInBrowser,
  startTestProvider,
  type TestProvider,
} from '../helpers/oidc-provider';

const tempDir = useTempDir('relais-gate-');
let provider: TestProvider;
beforeEach(async () => {
  provider = await startTestProvider();
});
afterEach(async () => provider.close());

/** A station whose records need a sign-in at this provider. */
const gatedStation = (dataDir: string, at: TestProvider) =>
  openStation(dataDir, undefined, {
    oidc: { discoveryUrl: at.issuer, clientId: CLIENT.id, clientSecret: CLIENT.secret, scope: 'openid profile' },
  });

/** Signs a professional in at the station, as the page and the browser do, until the station names her. */
async function signIn(
  station: ReturnType<typeof openStation>,
  login = PROFESSIONAL.login,
  authorizationUrl?: string,
): Promise<void> {
  await signInInBrowser(authorizationUrl ?? (await station.value('identity.login', {})).authorizationUrl, login);
  const name = login === COLLEAGUE.login ? 'Yann MORVAN' : 'Anne KERLEAU';
  await expect.poll(async () => (await station.value('identity.state', {})).user?.name).toBe(name);
}

/** She signs in, chooses her PIN and locks the cart, as at the end of an act. */
async function signInAndLock(station: ReturnType<typeof openStation>, pin: string): Promise<void> {
  await signIn(station);
  await station.value('identity.setPin', { pin });
  await station.value('identity.lock', {});
}

const codeOf = (result: { ok: boolean; error?: { code: string; fields?: { code: string }[] } }) =>
  result.ok ? 'ok' : (result.error!.fields?.[0]?.code ?? result.error!.code);

describe('the sign-in gate', () => {
  it('refuses records until sign-in and PIN, refuses them again while locked, and opens with the PIN', async () => {
    const station = gatedStation(tempDir(), provider);
    try {
      const search = () => station.call('patients.search', { limit: 5 });
      expect(codeOf(await search())).toBe('forbidden');
      expect((await station.value('station.status', {})).signIn).toBe('required');
      expect(codeOf(await station.call('identity.setPin', { pin: '4826' }))).toBe('forbidden'); // nobody signed in

      const { authorizationUrl } = await station.value('identity.login', {});
      await signInInBrowser(authorizationUrl);
      await expect.poll(async () => (await station.value('identity.state', {})).user?.name).toBe('Anne KERLEAU');
      expect(codeOf(await search())).toBe('forbidden'); // no PIN chosen yet
      expect(codeOf(await station.call('identity.setPin', { pin: '24' }))).toBe('identity.pin_format');
      await station.value('identity.setPin', { pin: '4826' });
      expect(codeOf(await search())).toBe('ok');

      expect((await station.value('identity.lock', {})).locked).toBe(true);
      expect(codeOf(await search())).toBe('forbidden');
      expect(codeOf(await station.call('identity.unlock', { pin: '7391' }))).toBe('identity.wrong_pin');
      expect(codeOf(await search())).toBe('forbidden');
      expect((await station.value('identity.unlock', { pin: '4826' })).locked).toBe(false);
      expect(codeOf(await search())).toBe('ok');
      // The audit trail names her, and keeps the attempts the gate refused.
      const trail = await station.value('audit.recent', { limit: 50 });
      expect(trail.some((e) => e.event === 'patients.search' && e.outcome === 'forbidden')).toBe(true);
      expect(trail.find((e) => e.event === 'patients.search' && e.outcome === 'success')?.who).toBe(
        'Anne KERLEAU (IdNatPS 810001234567)',
      );

      await station.value('identity.logout', {});
      expect(codeOf(await search())).toBe('forbidden');
    } finally {
      await station.close();
    }
  });

  it('opens the cart with her enrolled badge only, counts wrong badges with wrong PINs, and never signs anyone in', async () => {
    const dataDir = tempDir();
    const station = gatedStation(dataDir, provider);
    const BADGE = 'B4DGE-04A3B2C1D9';
    try {
      const search = () => station.call('patients.search', { limit: 5 });
      // A badge does not replace the sign-in.
      expect(codeOf(await station.call('identity.unlockBadge', { uid: BADGE }))).toBe('forbidden');
      expect(codeOf(await station.call('identity.enrolBadge', { uid: BADGE }))).toBe('forbidden');
      expect(codeOf(await station.call('identity.unlockBadge', { uid: 'bad id\n' }))).toBe('field.invalid_format');

      await signIn(station);
      expect(codeOf(await station.call('identity.enrolBadge', { uid: BADGE }))).toBe('forbidden'); // no PIN yet
      await station.value('identity.setPin', { pin: '4826' });
      expect((await station.value('identity.enrolBadge', { uid: BADGE })).badgeEnrolled).toBe(true);

      await station.value('identity.lock', {});
      // Nobody enrols a badge at a locked cart (it would open it).
      expect(codeOf(await station.call('identity.enrolBadge', { uid: 'INTRUDER-BADGE' }))).toBe('forbidden');
      expect(codeOf(await station.call('identity.unlockBadge', { uid: 'INTRUDER-BADGE' }))).toBe(
        'identity.wrong_badge',
      );
      expect(codeOf(await search())).toBe('forbidden');
      expect((await station.value('identity.unlockBadge', { uid: BADGE })).locked).toBe(false);
      expect(codeOf(await search())).toBe('ok');

      // The trail names her for each attempt, and never holds the badge's identifier.
      const trail = await station.value('audit.recent', { limit: 50 });
      const badgeRows = trail.filter((e) => e.event === 'identity.unlockBadge').map((e) => [e.outcome, e.who]);
      expect(badgeRows).toEqual(
        expect.arrayContaining([
          ['validation_failed', 'Anne KERLEAU (IdNatPS 810001234567)'],
          ['success', 'Anne KERLEAU (IdNatPS 810001234567)'],
        ]),
      );
      expect(trail.some((e) => e.event === 'identity.enrolBadge' && e.outcome === 'success')).toBe(true);
      expect(JSON.stringify(trail)).not.toContain('04A3B2C1D9');

      // Five failures, PIN and badge mixed, end the session; the badge is forgotten with it.
      await station.value('identity.lock', {});
      const attempts = [
        () => station.call('identity.unlock', { pin: '1111' }),
        () => station.call('identity.unlockBadge', { uid: 'WRONG-BADGE-1' }),
        () => station.call('identity.unlock', { pin: '2222' }),
        () => station.call('identity.unlockBadge', { uid: 'WRONG-BADGE-2' }),
      ];
      for (const attempt of attempts) {
        const result = await attempt();
        expect(codeOf(result)).toMatch(/^identity\.wrong_(pin|badge)$/);
      }
      expect(codeOf(await station.call('identity.unlockBadge', { uid: 'WRONG-BADGE-3' }))).toBe('forbidden');
      await expect.poll(async () => (await station.value('identity.state', {})).user).toBeNull();
      expect((await station.value('identity.state', {})).badgeEnrolled).toBe(false);
      expect(codeOf(await station.call('identity.unlockBadge', { uid: BADGE }))).toBe('forbidden');
    } finally {
      await station.close();
    }
    // SECURITY: in memory only: no file of the station holds the badge's identifier.
    const files = fs.readdirSync(dataDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    expect(files.length).toBeGreaterThan(0);
    for (const file of files)
      expect(fs.readFileSync(path.join(file.parentPath, file.name)).includes('04A3B2C1D9'), file.name).toBe(false);
  });

  // Issue 16, point 1: the lock opened without the PIN (setPin was open at a locked cart and
  // replaced the PIN; a sign-in started at a locked cart reset the lock with her still signed in).
  it('opens a locked cart with her PIN only: no new PIN is chosen there, and a change needs the current one', async () => {
    const station = gatedStation(tempDir(), provider);
    try {
      const search = () => station.call('patients.search', { limit: 5 });
      await signInAndLock(station, '4826');

      expect(codeOf(await station.call('identity.setPin', { pin: '5172' }))).toBe('forbidden');
      expect(codeOf(await search())).toBe('forbidden');
      expect(codeOf(await station.call('identity.unlock', { pin: '5172' }))).toBe('identity.wrong_pin');
      expect(codeOf(await search())).toBe('forbidden');
      expect((await station.value('identity.unlock', { pin: '4826' })).locked).toBe(false);

      // Open: a new PIN needs the current one, and a wrong one counts toward the limit.
      expect(codeOf(await station.call('identity.setPin', { pin: '5172' }))).toBe('identity.current_pin_required');
      expect(codeOf(await station.call('identity.setPin', { pin: '5172', currentPin: '7391' }))).toBe(
        'identity.wrong_pin',
      );
      await station.value('identity.setPin', { pin: '5172', currentPin: '4826' });
      await station.value('identity.lock', {});
      expect(codeOf(await station.call('identity.unlock', { pin: '4826' }))).toBe('identity.wrong_pin');
      expect((await station.value('identity.unlock', { pin: '5172' })).locked).toBe(false);
      expect(codeOf(await search())).toBe('ok');
    } finally {
      await station.close();
    }
  });

  it('a sign-in started at a locked cart ends her session first; the cart stays closed until the next professional has signed in and chosen her PIN', async () => {
    const station = gatedStation(tempDir(), provider);
    try {
      const search = () => station.call('patients.search', { limit: 5 });
      await signInAndLock(station, '4826');

      const { authorizationUrl } = await station.value('identity.login', {});
      const between = await station.value('identity.state', {});
      expect(between).toMatchObject({ user: null, locked: true, unlockPinSet: false });
      expect(codeOf(await search())).toBe('forbidden');
      expect(codeOf(await station.call('identity.setPin', { pin: '5172' }))).toBe('forbidden');
      expect(codeOf(await station.call('identity.unlock', { pin: '4826' }))).not.toBe('ok'); // her PIN went with her session

      await signIn(station, COLLEAGUE.login, authorizationUrl);
      expect(codeOf(await search())).toBe('forbidden'); // his own PIN first
      await station.value('identity.setPin', { pin: '5172' });
      expect(codeOf(await search())).toBe('ok');
      const trail = await station.value('audit.recent', { limit: 50 });
      expect(trail.find((e) => e.event === 'patients.search' && e.outcome === 'success')?.who).toBe(
        'Yann MORVAN (IdNatPS 810009876543)',
      );
      expect(trail.find((e) => e.event === 'identity.session_ended')).toMatchObject({
        person: 'Anne KERLEAU (IdNatPS 810001234567)',
        detail: 'reason new_sign_in',
      });
    } finally {
      await station.close();
    }
  });

  // Issue 16, point 15: trivial PINs are refused, with the reason.
  it('refuses a trivial unlock PIN with the reason, at the first choice and at a change', async () => {
    const station = gatedStation(tempDir(), provider);
    try {
      await signIn(station);
      expect(codeOf(await station.call('identity.setPin', { pin: '123456' }))).toBe('pin.sequence');
      expect(codeOf(await station.call('identity.setPin', { pin: '0000' }))).toBe('pin.repeated');
      expect(codeOf(await station.call('identity.setPin', { pin: '1212' }))).toBe('pin.common');
      expect(codeOf(await station.call('identity.setPin', { pin: '4545' }))).toBe('pin.pattern');
      expect((await station.value('identity.state', {})).unlockPinSet).toBe(false);
      await station.value('identity.setPin', { pin: '4826' });
      expect(codeOf(await station.call('identity.setPin', { pin: '2580', currentPin: '4826' }))).toBe('pin.common');
      await station.value('identity.lock', {});
      expect((await station.value('identity.unlock', { pin: '4826' })).locked).toBe(false);
    } finally {
      await station.close();
    }
  });

  it('keeps a station without a provider open (the site chose it), and says so on the status and in the log', async () => {
    const warnings: string[] = [];
    const logger = { info() {}, error() {}, warn: (event: string) => void warnings.push(event) };
    const station = openStation(tempDir(), undefined, { logger });
    try {
      expect(codeOf(await station.call('patients.search', { limit: 5 }))).toBe('ok');
      expect((await station.value('identity.state', {})).configured).toBe(false);
      expect((await station.value('station.status', {})).signIn).toBe('none');
      expect(warnings).toContain('sign_in.none');
    } finally {
      await station.close();
    }
  });
});

describe('the sign-in gate with a provider that gives no refresh token', () => {
  let shortProvider: TestProvider;
  beforeEach(async () => {
    // An access of 65 s: the station tries to renew it 60 s before it expires, that is at once.
    shortProvider = await startTestProvider({ accessTokenTtl: 65, refreshTokens: false });
  });
  afterEach(async () => shortProvider.close());

  it('ends her session when the renewal fails, and the lock never opens on the way', async () => {
    const station = gatedStation(tempDir(), shortProvider);
    try {
      await signInAndLock(station, '4826');
      await expect
        .poll(async () => (await station.value('identity.state', {})).user, { timeout: 15_000, interval: 250 })
        .toBeNull();
      expect(codeOf(await station.call('identity.setPin', { pin: '5172' }))).toBe('forbidden');
      expect(codeOf(await station.call('patients.search', { limit: 5 }))).toBe('forbidden');
      expect((await station.value('identity.state', {})).lastError).toMatch(/renew/i);
    } finally {
      await station.close();
    }
  }, 30_000);

  it('lets the pharmacist leave the cabin with her kiosk PIN even after her sign-in has ended', async () => {
    const station = gatedStation(tempDir(), shortProvider);
    try {
      await signIn(station);
      await station.value('identity.setPin', { pin: '4826' });
      expect((await station.value('kiosk.enter', { pin: '482913' })).active).toBe(true);
      // Her sign-in cannot be renewed (no refresh token): it ends while the cabin is on.
      await expect
        .poll(async () => (await station.value('identity.state', {})).user, { timeout: 15_000, interval: 250 })
        .toBeNull();
      expect(codeOf(await station.call('patients.create', { identity: {} as never }))).toBe('forbidden');
      expect(codeOf(await station.call('kiosk.leave', { pin: '111111' }))).toBe('kiosk.pin_wrong');
      expect((await station.value('kiosk.leave', { pin: '482913' })).active).toBe(false);
    } finally {
      await station.close();
    }
  }, 30_000);
});
