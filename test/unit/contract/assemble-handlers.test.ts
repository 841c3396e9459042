// The contract's handlers are assembled in one place (src/main/contract/handlers.ts) from each
// feature's own: a channel no feature answers, or that two features answer, stops the station at
// start with the channel's name, instead of a call refused later in front of a person.
import { describe, expect, it } from 'vitest';
import { assembleHandlers } from '../../../src/main/contract/handlers';
import { CHANNELS, type Handlers } from '../../../src/shared/contract';

// One handler per channel, grouped by the first word of its name (as features group them).
function byPrefix(): Record<string, Partial<Handlers>> {
  const groups: Record<string, Record<string, () => null>> = {};
  for (const channel of CHANNELS) (groups[channel.split('.')[0]!] ??= {})[channel] = () => null;
  return groups as Record<string, Partial<Handlers>>;
}

describe('assembleHandlers', () => {
  it('gives one handler per channel, each the feature’s own', () => {
    const groups = byPrefix();
    const handlers = assembleHandlers(groups);
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
    expect(handlers['kiosk.state']).toBe(groups.kiosk!['kiosk.state']);
  });

  it('refuses a channel no feature answers', () => {
    const groups = byPrefix();
    delete groups.kiosk!['kiosk.leave'];
    expect(() => assembleHandlers(groups)).toThrow(/kiosk\.leave/);
  });

  it('refuses a channel two features answer', () => {
    const groups = byPrefix();
    groups.patients = { ...groups.patients, 'kiosk.state': groups.kiosk!['kiosk.state'] };
    expect(() => assembleHandlers(groups)).toThrow(/kiosk\.state.*kiosk.*patients|kiosk\.state.*patients.*kiosk/);
  });

  it('refuses a handler for a channel the contract does not have', () => {
    const groups = byPrefix();
    (groups.kiosk as Record<string, unknown>)['kiosk.unknown'] = () => null;
    expect(() => assembleHandlers(groups)).toThrow(/kiosk\.unknown/);
  });
});
