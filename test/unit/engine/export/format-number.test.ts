import { describe, expect, it } from 'vitest';
import { formatG } from '../../../../src-main/engine/export/format-number';

describe('formatG (C printf %g, as MEME Suite prints scores and p-values)', () => {
  it.each([
    [15.92, 6, '15.92'],
    [11.615384615, 6, '11.6154'],
    [-3.5, 6, '-3.5'],
    [1.52587890625e-5, 3, '1.53e-05'],
    [0.000244140625, 3, '0.000244'],
    [0.0001, 3, '0.0001'],
    [1, 3, '1'],
    [0.5, 3, '0.5'],
    [1234567, 6, '1.23457e+06'],
    [0, 3, '0'],
    [9.9996e-5, 3, '0.0001'],
  ])('formats %d with precision %d as %s', (x, p, expected) => {
    expect(formatG(x, p)).toBe(expected);
  });
});
