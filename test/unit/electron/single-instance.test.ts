// One Relais per profile: the second launch quits and focuses the first.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { acquireSingleInstance, type SingleInstanceApp } from '../../../src/main/electron/single-instance';

vi.mock('electron', () => {
  throw new Error('single-instance must not import electron at run time');
});

function fakeApp(lock: boolean) {
  const emitter = new EventEmitter();
  const app = {
    requestSingleInstanceLock: vi.fn(() => lock),
    quit: vi.fn(),
    on: vi.fn((event: string, listener: (...args: unknown[]) => void) => emitter.on(event, listener)),
  };
  return { app, emitter };
}

describe('acquireSingleInstance', () => {
  it('quits at once and returns false when another instance holds the lock', () => {
    const { app } = fakeApp(false);
    const focus = vi.fn();
    expect(acquireSingleInstance(app as unknown as SingleInstanceApp, focus)).toBe(false);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.on).not.toHaveBeenCalled();
    expect(focus).not.toHaveBeenCalled();
  });

  it('keeps running and focuses the window on a second launch', () => {
    const { app, emitter } = fakeApp(true);
    const focus = vi.fn();
    expect(acquireSingleInstance(app as unknown as SingleInstanceApp, focus)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    emitter.emit('second-instance', {}, ['relais', '--evil-flag'], '/tmp');
    expect(focus).toHaveBeenCalledTimes(1);
    expect(focus).toHaveBeenCalledWith();
  });
});
