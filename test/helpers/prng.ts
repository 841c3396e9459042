// Seeded randomness for fuzz tests, from the same PRNG the simulators use.
import { mulberry32 } from '../../devices/random';

export { mulberry32 };

export function randomBytes(random: () => number, length: number): number[] {
  return Array.from({ length }, () => Math.floor(random() * 256));
}
