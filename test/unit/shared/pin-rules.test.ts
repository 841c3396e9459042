// Trivial PINs refused at the cart's lock and the cabin's keypad (issue 16, point 15), checked
// against NIST SP 800-63B §5.1.1.2 ("repetitive or sequential characters", values "commonly
// used") and the DataGenetics PIN analysis (Berry, 2012: the twenty most frequent 4-digit PINs).
import { describe, expect, it } from 'vitest';
import { trivialPin } from '../../../src/shared/identity/pin-rules';

// DataGenetics, "PIN analysis" (2012), table of the 20 most common four-digit PINs.
const DATAGENETICS_TOP_20 = [
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
];

describe('trivial PINs', () => {
  it('refuses every one of the twenty most frequent four-digit PINs (DataGenetics)', () => {
    for (const pin of DATAGENETICS_TOP_20) expect(trivialPin(pin), pin).not.toBeNull();
  });

  it('refuses repeated digits, whatever the length (NIST SP 800-63B: repetitive characters)', () => {
    for (const pin of ['0000', '000000', '77777777', '999999999999']) expect(trivialPin(pin), pin).toBe('repeated');
  });

  it('refuses sequences up or down, by one or by a steady step, and round the dial (NIST: sequential characters)', () => {
    for (const pin of [
      '123456',
      '654321',
      '2345',
      '1357',
      '2468',
      '9630',
      '13579',
      '7890',
      '8901',
      '9012',
      '0987',
      '3210',
      '012345678',
    ]) {
      expect(trivialPin(pin), pin).toBe('sequence');
    }
  });

  it('refuses a short block repeated and digits doubled', () => {
    for (const pin of ['4545', '456456', '818181', '90219021', '778899', '335577'])
      expect(trivialPin(pin), pin).toBe('pattern');
  });

  it('refuses keypad walks people choose (2580 down the middle, rows and the cross)', () => {
    for (const pin of ['2580', '147258', '789456', '159753']) expect(trivialPin(pin), pin).toBe('common');
  });

  it('accepts codes that follow none of these habits', () => {
    for (const pin of ['4826', '7391', '5172', '482913', '730514', '91827364', '3049'])
      expect(trivialPin(pin), pin).toBeNull();
  });
});
