// Trivial PINs, refused when a PIN is chosen: the cart's unlock code and the cabin's pharmacist
// code. A PIN is a short secret typed in front of others; the few codes everyone tries first
// must not be among them.
//
// Sources:
// - NIST SP 800-63B, Digital Identity Guidelines: Authentication (rev. 3, §5.1.1.2 "Memorized
//   Secret Verifiers"): a chosen secret is compared against values known to be commonly used,
//   expected or compromised, including "repetitive or sequential characters (e.g. 'aaaaaa',
//   '1234abcd')", and refused with the reason.
// - N. Berry, "PIN analysis", DataGenetics, 2012: the twenty most frequent of 3.4 million
//   four-digit PINs (26.8 % of them all), and the keypad walks people choose.

export type TrivialPin = 'repeated' | 'sequence' | 'pattern' | 'common';

/** DataGenetics' twenty most frequent four-digit PINs, and well-known keypad walks and longer habits. */
const COMMON_PINS = new Set([
  '1234',
  '1111',
  '0000',
  '1212',
  '7777',
  '1004',
  '2000',
  '4444',
  '2222',
  '6969',
  '9999',
  '3333',
  '5555',
  '6666',
  '1122',
  '1313',
  '8888',
  '4321',
  '2001',
  '1010',
  // Keypad walks: down the middle column, rows, columns and the cross of a phone keypad.
  '2580',
  '0852',
  '147258',
  '258369',
  '147258369',
  '789456',
  '456123',
  '159753',
  '357159',
  '7410',
  '1470',
  '123456',
  '654321',
  '123123',
  '121212',
  '112233',
  '696969',
  '12345678',
  '87654321',
  '11223344',
]);

/** Every digit the same: 0000, 777777. */
function repeated(pin: string): boolean {
  return /^(\d)\1+$/.test(pin);
}

/** Digits going up or down by one steady step (1357, 9630, 123456), or by one round the dial (7890, 8901). */
function sequence(pin: string): boolean {
  const digits = [...pin].map(Number);
  const steps = digits.slice(1).map((d, i) => d - digits[i]!);
  if (steps.every((s) => s === steps[0] && s !== 0)) return true;
  const round = steps.map((s) => (s + 10) % 10);
  return round.every((s) => s === round[0] && (s === 1 || s === 9));
}

/** A short block repeated (1212, 123123, 4545), or every digit doubled (1122, 778899). */
function pattern(pin: string): boolean {
  for (let period = 2; period <= pin.length / 2; period++) {
    if ([...pin].every((d, i) => i < period || d === pin[i - period])) return true;
  }
  return pin.length % 2 === 0 && [...pin].every((d, i) => i % 2 === 0 || d === pin[i - 1]);
}

/** Why a PIN of digits is too easy to guess, or null when it is not. The format (length) is checked apart. */
export function trivialPin(pin: string): TrivialPin | null {
  if (repeated(pin)) return 'repeated';
  if (sequence(pin)) return 'sequence';
  if (COMMON_PINS.has(pin)) return 'common';
  if (pattern(pin)) return 'pattern';
  return null;
}
