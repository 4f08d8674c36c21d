import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../main/common/random';
import { allocate, currencyExponent, divRound, formatMoney, groupDigits, parseMoney, parseScaled } from '../../main/common/money';

describe('currency exponents come from ISO 4217 (shared/data/iso/currency-codes.csv)', () => {
  it.each([
    ['JPY', 0],
    ['USD', 2],
    ['CNY', 2],
    ['KWD', 3],
    ['BHD', 3],
    ['KRW', 0],
    ['CLF', 4],
  ])('%s has %i decimals', (code, exp) => expect(currencyExponent(code)).toBe(exp));
  it('refuses an unknown code', () => expect(() => currencyExponent('XXQ')).toThrow(/unknown currency/));
});

describe('parseMoney / formatMoney never go through floats', () => {
  it.each([
    ['12.50', 'USD', 1250],
    ['0.1', 'USD', 10],
    ['-3.07', 'EUR', -307],
    ['1500', 'JPY', 1500],
    ['1.234', 'KWD', 1234],
    ['90071992547409.91', 'USD', 9007199254740991],
  ])('%s %s → %i', (text, cur, minor) => {
    expect(parseMoney(text, cur)).toBe(minor);
    expect(parseMoney(formatMoney(minor, cur), cur)).toBe(minor);
  });
  it('0.1 + 0.2 is exactly 0.30', () => expect(formatMoney(parseMoney('0.1', 'USD') + parseMoney('0.2', 'USD'), 'USD')).toBe('0.30'));
  it('refuses more decimals than the currency has', () => {
    expect(() => parseMoney('1.5', 'JPY')).toThrow(/more than 0 decimal/);
    expect(() => parseMoney('1.005', 'USD')).toThrow(/more than 2 decimal/);
  });
  it.each(['', 'abc', '1,5', '1e3', '--1', '1.'])('refuses %j', (t) => expect(() => parseScaled(t, 2)).toThrow());
  it('refuses amounts beyond the safe integer range', () => expect(() => parseMoney('90071992547409.92', 'USD')).toThrow(/too large/));
  it('formats with exponent and grouping', () => {
    expect(formatMoney(5, 'USD')).toBe('0.05');
    expect(formatMoney(-5, 'KWD')).toBe('-0.005');
    expect(groupDigits(formatMoney(123456789, 'USD'))).toBe('1,234,567.89');
    expect(groupDigits('-1234')).toBe('-1,234');
  });
});

describe('divRound rounds half away from zero', () => {
  it.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [4n, 3n, 1n],
    [-4n, 3n, -1n],
    [7n, 2n, 4n],
    [1n, 3n, 0n],
    [2n, 3n, 1n],
  ])('%i / %i = %i', (n, d, q) => expect(divRound(n, d)).toBe(q));
});

describe('allocate splits by largest remainder', () => {
  it('worked example: 100 over 3 equal lines → 34, 33, 33 (tie goes to the earlier line)', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });
  it('weights 1:2:3 of 10 → 2, 3, 5', () => expect(allocate(10, [1, 2, 3])).toEqual([2, 3, 5]));
  it('all-zero weights split equally', () => expect(allocate(5, [0, 0])).toEqual([3, 2]));
  it('refuses negative totals or weights', () => {
    expect(() => allocate(-1, [1])).toThrow();
    expect(() => allocate(1, [1, -1])).toThrow();
  });
  it('property: parts sum to the total and none is negative (10,000 random cases)', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let k = 0; k < 10_000; k++) {
      const n = 1 + Math.floor(rand() * 8);
      const weights = Array.from({ length: n }, () => Math.floor(rand() * 1000));
      const total = Math.floor(rand() * 1_000_000);
      const parts = allocate(total, weights);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      expect(parts.every((p) => p >= 0 && Number.isInteger(p))).toBe(true);
    }
  });

  it('the plain-number fast path gives exactly what the BigInt path gives (20,000 random cases)', () => {
    const rnd = seededRandom(11);
    for (let k = 0; k < 20_000; k++) {
      const n = 1 + Math.floor(rnd() * 30);
      const scale = 10 ** Math.floor(rnd() * 12);
      const weights = Array.from({ length: n }, () => Math.floor(rnd() * scale));
      const total = Math.floor(rnd() * 10 ** Math.floor(rnd() * 13));
      // number weights take the fast path when products stay below 2^53; bigints never do
      expect(allocate(total, weights)).toEqual(allocate(total, weights.map(BigInt)));
    }
  });

  it('parseScaled: the fast path for plain decimals agrees with digit-string parsing (50,000 random cases)', () => {
    const rnd = seededRandom(5);
    for (let k = 0; k < 50_000; k++) {
      const whole = String(Math.floor(rnd() * 10 ** Math.floor(rnd() * 14)));
      const text = rnd() < 0.5 ? whole : `${whole}.${String(Math.floor(rnd() * 10 ** (1 + Math.floor(rnd() * 8))))}`;
      const scale = Math.floor(rnd() * 11);
      const [w = '', f = ''] = text.split('.');
      if (f.length > scale) expect(() => parseScaled(text, scale)).toThrow(/decimal place/);
      else expect(parseScaled(text, scale)).toBe(BigInt(w + f.padEnd(scale, '0')));
    }
  });
});
