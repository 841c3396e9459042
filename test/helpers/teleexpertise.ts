// Tokens of a cart and two experts on one hub secret, a small PNG, and waiting for a station to
// reach a state: what the téléexpertise tests share.
import { PNG } from 'pngjs';
import { issueToken } from '../../src/hub/tokens';
import type { Station } from '../../src/main/station';
import type { Channel, ChannelInput } from '../../src/shared/contract';

export const SECRET = 'teleexpertise-secret';
export const exp = Math.floor(Date.now() / 1000) + 600;
export const cartToken = issueToken(SECRET, {
  sub: 'cart-7',
  role: 'station',
  name: 'Chariot 7',
  site: 'EHPAD Les Tilleuls',
  specialty: null,
  exp,
});
export const dermToken = issueToken(SECRET, {
  sub: 'dr-le-goff',
  role: 'expert',
  name: 'Dr Le Goff',
  site: 'CHU de Brest',
  specialty: 'Dermatologie',
  exp,
});
export const cardioToken = issueToken(SECRET, {
  sub: 'dr-caradec',
  role: 'expert',
  name: 'Dr Caradec',
  site: 'CHU de Brest',
  specialty: 'cardiologie',
  exp,
});

/** A small real PNG, one colour, so that two photos differ. */
export function png(red: number): Buffer {
  const image = new PNG({ width: 8, height: 8 });
  for (let i = 0; i < image.data.length; i += 4) image.data.set([red, 80, 120, 255], i);
  return PNG.sync.write(image);
}

export async function eventually<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < 300; i++) {
    last = await read();
    if (done(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
}

export async function failure<C extends Channel>(station: Station, channel: C, input: ChannelInput<C>) {
  const result = await station.dispatch(channel, input);
  if (result.ok) throw new Error(`${channel} should have failed`);
  return result.error;
}
