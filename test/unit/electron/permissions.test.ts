// The web permission policy: the pure decision and its wiring on a fake session.
import { EventEmitter } from 'node:events';
import type { Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { decidePermission, installPermissionPolicy } from '../../../src/main/electron/permissions';

vi.mock('electron', () => {
  throw new Error('permissions must not import electron at run time');
});

const APP = 'app://relais/index.html';

describe('decidePermission', () => {
  it('grants camera and microphone to the app page', () => {
    expect(decidePermission('media', APP, { mediaTypes: ['video', 'audio'] })).toBe(true);
    expect(decidePermission('media', APP, { mediaTypes: ['video'] })).toBe(true);
    expect(decidePermission('media', APP, { mediaTypes: ['audio'], isMainFrame: true })).toBe(true);
    expect(decidePermission('media', 'app://relais', { mediaTypes: ['audio'] })).toBe(true);
  });

  it('refuses media from any other origin', () => {
    for (const url of [
      'https://evil.example/',
      'file:///x.html',
      'app://evil/',
      'http://127.0.0.1:5173/',
      'app://relais:1/',
    ]) {
      expect(decidePermission('media', url, { mediaTypes: ['video', 'audio'] })).toBe(false);
    }
  });

  it('refuses media from an app iframe, with unknown or no media type', () => {
    expect(decidePermission('media', APP, { mediaTypes: ['video'], isMainFrame: false })).toBe(false);
    expect(decidePermission('media', APP, { mediaTypes: ['unknown'] })).toBe(false);
    expect(decidePermission('media', APP, { mediaTypes: ['video', 'screen'] })).toBe(false);
    expect(decidePermission('media', APP, { mediaTypes: [] })).toBe(false);
    expect(decidePermission('media', APP)).toBe(false);
  });

  it('grants sanitised clipboard write to the app only', () => {
    expect(decidePermission('clipboard-sanitized-write', APP)).toBe(true);
    expect(decidePermission('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(decidePermission('clipboard-read', APP)).toBe(false);
  });

  it.each([
    'geolocation',
    'notifications',
    'hid',
    'serial',
    'usb',
    'midi',
    'midiSysex',
    'openExternal',
    'display-capture',
    'fullscreen',
    'pointerLock',
    'idle-detection',
    'window-management',
    'unknown',
    'something-new',
  ])('denies %s even to the app', (permission) => {
    expect(decidePermission(permission, APP, { mediaTypes: ['video'] })).toBe(false);
    expect(decidePermission(permission, 'https://evil.example/')).toBe(false);
  });
});

describe('installPermissionPolicy', () => {
  type RequestHandler = (c: unknown, p: string, cb: (granted: boolean) => void, d: object) => void;
  type CheckHandler = (c: unknown, p: string, origin: string, d: object) => boolean;

  function install() {
    const session = Object.assign(new EventEmitter(), {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    });
    installPermissionPolicy(session as unknown as Session);
    return {
      session,
      request: session.setPermissionRequestHandler.mock.calls[0]![0] as RequestHandler,
      check: session.setPermissionCheckHandler.mock.calls[0]![0] as CheckHandler,
      device: session.setDevicePermissionHandler.mock.calls[0]![0] as (d: object) => boolean,
    };
  }

  it('request handler: camera for the app page, nothing for others', () => {
    const { request } = install();
    const answer = (permission: string, details: object) => {
      const cb = vi.fn();
      request({}, permission, cb, details);
      expect(cb).toHaveBeenCalledTimes(1);
      return cb.mock.calls[0]![0];
    };
    expect(answer('media', { requestingUrl: APP, isMainFrame: true, mediaTypes: ['video', 'audio'] })).toBe(true);
    expect(answer('media', { requestingUrl: 'https://evil.example/', isMainFrame: true, mediaTypes: ['video'] })).toBe(
      false,
    );
    expect(answer('media', { requestingUrl: APP, isMainFrame: false, mediaTypes: ['video'] })).toBe(false);
    expect(answer('geolocation', { requestingUrl: APP, isMainFrame: true })).toBe(false);
    expect(answer('notifications', { requestingUrl: APP, isMainFrame: true })).toBe(false);
    expect(answer('display-capture', { requestingUrl: APP, isMainFrame: true, mediaTypes: ['video'] })).toBe(false);
  });

  it('check handler follows the same rule', () => {
    const { check } = install();
    expect(check(null, 'media', 'app://relais', { isMainFrame: true, mediaType: 'video' })).toBe(true);
    expect(check(null, 'media', 'app://relais', { isMainFrame: true, mediaType: 'unknown' })).toBe(false);
    expect(check(null, 'media', 'https://evil.example', { isMainFrame: true, mediaType: 'video' })).toBe(false);
    expect(check(null, 'hid', 'app://relais', { isMainFrame: true })).toBe(false);
    expect(check(null, 'serial', 'app://relais', { isMainFrame: true })).toBe(false);
    expect(check(null, 'usb', 'app://relais', { isMainFrame: true })).toBe(false);
  });

  it('device permission handler denies every device, even to the app', () => {
    const { device } = install();
    expect(device({ deviceType: 'serial', origin: 'app://relais', device: {} })).toBe(false);
    expect(device({ deviceType: 'hid', origin: 'app://relais', device: {} })).toBe(false);
    expect(device({ deviceType: 'usb', origin: 'app://relais', device: {} })).toBe(false);
  });

  it('cancels the HID, serial and USB pickers', () => {
    const { session } = install();
    const hid = { event: { preventDefault: vi.fn() }, cb: vi.fn() };
    session.emit('select-hid-device', hid.event, { deviceList: [{ deviceId: 'x' }] }, hid.cb);
    expect(hid.event.preventDefault).toHaveBeenCalled();
    expect(hid.cb).toHaveBeenCalledWith();

    const serial = { event: { preventDefault: vi.fn() }, cb: vi.fn() };
    session.emit('select-serial-port', serial.event, [{ portId: 'COM3' }], {}, serial.cb);
    expect(serial.event.preventDefault).toHaveBeenCalled();
    expect(serial.cb).toHaveBeenCalledWith('');

    const usb = { event: { preventDefault: vi.fn() }, cb: vi.fn() };
    session.emit('select-usb-device', usb.event, { deviceList: [{ deviceId: 'y' }] }, usb.cb);
    expect(usb.event.preventDefault).toHaveBeenCalled();
    expect(usb.cb).toHaveBeenCalledWith();
  });
});
