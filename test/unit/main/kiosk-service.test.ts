// Kiosk mode's PIN: set by the first entry, required to leave, locked after too many wrong ones,
// kept across restarts, and never kept in clear.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKioskService, MAX_PIN_FAILURES, PIN_LOCK_MS } from '../../../src/main/kiosk/kiosk-service';
import type { KioskState } from '../../../src/shared/kiosk/kiosk';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir('relais-kiosk-');

function kioskOn(dataDir: string, clock = { ms: Date.parse('2026-11-23T10:00:00Z') }) {
  const changes: KioskState[] = [];
  let wipes = 0;
  const service = createKioskService({
    dataDir,
    now: () => new Date(clock.ms),
    site: () => 'Pharmacie du Port',
    onChanged: (s) => changes.push(s),
    onSessionEnded: () => wipes++,
  });
  return { service, changes, clock, wipes: () => wipes };
}

const fieldCode = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return (error as { fields?: { code: string }[] }).fields?.[0]?.code ?? (error as { code: string }).code;
  }
  return 'no error';
};

describe('kiosk service', () => {
  it('sets the PIN on first entry and needs it to leave', () => {
    const { service, changes } = kioskOn(tempDir());
    expect(service.state()).toEqual({ active: false, pinSet: false, lockedUntil: null, site: 'Pharmacie du Port' });
    expect(service.enter('482913')).toMatchObject({ active: true, pinSet: true });
    expect(fieldCode(() => service.leave('111111'))).toBe('kiosk.pin_wrong');
    expect(service.state().active).toBe(true);
    expect(service.leave('482913').active).toBe(false);
    expect(changes[0]?.active).toBe(true);
    expect(changes.at(-1)?.active).toBe(false);
  });

  it('refuses a PIN that is not 6 to 12 digits', () => {
    const { service } = kioskOn(tempDir());
    expect(fieldCode(() => service.enter('1234'))).toBe('kiosk.pin_format');
    expect(fieldCode(() => service.enter('abcdefgh'))).toBe('kiosk.pin_format');
    expect(service.state().pinSet).toBe(false);
  });

  // Issue 16, point 15 (NIST SP 800-63B §5.1.1.2: no repetitive, sequential or common secrets).
  it('refuses a trivial pharmacist PIN with the reason, and sets none', () => {
    const { service } = kioskOn(tempDir());
    expect(fieldCode(() => service.enter('123456'))).toBe('pin.sequence');
    expect(fieldCode(() => service.enter('000000'))).toBe('pin.repeated');
    expect(fieldCode(() => service.enter('147258'))).toBe('pin.common');
    expect(fieldCode(() => service.enter('818181'))).toBe('pin.pattern');
    expect(service.state()).toMatchObject({ active: false, pinSet: false });
    expect(service.enter('482913').pinSet).toBe(true);
  });

  it('stays in kiosk mode across a restart, and keeps only a salted hash of the PIN', () => {
    const dir = tempDir();
    kioskOn(dir).service.enter('482913');
    const file = fs.readFileSync(path.join(dir, 'kiosk-mode.json'), 'utf8');
    expect(file).not.toContain('482913');
    expect(fs.statSync(path.join(dir, 'kiosk-mode.json')).mode & 0o777).toBe(0o600);
    const again = kioskOn(dir).service;
    expect(again.state().active).toBe(true);
    expect(fieldCode(() => again.leave('000000'))).toBe('kiosk.pin_wrong');
    expect(again.leave('482913').active).toBe(false);
  });

  it('locks the keypad after five wrong PINs, even the right one, until the lock ends', () => {
    const { service, clock } = kioskOn(tempDir());
    service.enter('482913');
    for (let i = 1; i < MAX_PIN_FAILURES; i++) expect(fieldCode(() => service.leave('000000'))).toBe('kiosk.pin_wrong');
    expect(fieldCode(() => service.leave('000000'))).toBe('kiosk.locked');
    expect(service.state().lockedUntil).toBe(new Date(clock.ms + PIN_LOCK_MS).toISOString());
    expect(fieldCode(() => service.leave('482913'))).toBe('kiosk.locked');
    clock.ms += PIN_LOCK_MS + 1;
    expect(service.state().lockedUntil).toBeNull();
    expect(service.leave('482913').active).toBe(false);
  });

  it('needs the same PIN to enter again once it is set', () => {
    const { service } = kioskOn(tempDir());
    service.enter('482913');
    service.leave('482913');
    expect(fieldCode(() => service.enter('999999'))).toBe('kiosk.pin_wrong');
    expect(service.enter('482913').active).toBe(true);
  });

  it('sets a damaged state file aside and starts out of kiosk mode', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'kiosk-mode.json'), '{"active": tr');
    const { service } = kioskOn(dir);
    expect(service.state()).toMatchObject({ active: false, pinSet: false });
    expect(fs.readdirSync(dir).some((f) => f.startsWith('kiosk-mode.json.damaged-'))).toBe(true);
  });

  it('tells the shell when a session ends, so it wipes the browser storage', () => {
    const k = kioskOn(tempDir());
    expect(k.service.endSession()).toEqual({ wiped: true });
    expect(k.wipes()).toBe(1);
  });
});
