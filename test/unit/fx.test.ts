// Worked examples from the ECB reference rates of 13 April 2026 (shared/data/fx/eurofxref-hist.zip):
// USD 1.1684, JPY 186.75, CNY 7.9827 per EUR. Crosses computed by hand to 10 decimals, rounded
// half away from zero: CNY per USD = 7.9827 / 1.1684 = 6.83216364258815…, JPY per CNY =
// 186.75 / 7.9827 = 23.39434026077…
import { describe, expect, it } from 'vitest';
import { convert, crossRate, formatRate, invertRate, parseRate } from '../../main/common/calc/fx';

const r = parseRate;

describe('exchange-rate arithmetic', () => {
  it('parses and prints rates exactly', () => {
    expect(formatRate(r('1.1684'))).toBe('1.1684');
    expect(formatRate(r('20082.05'))).toBe('20082.05');
    expect(formatRate(r('0.0000000001'))).toBe('0.0000000001');
    expect(() => r('0')).toThrow(/positive/);
    expect(() => r('-1.2')).toThrow(/positive/);
    expect(() => r('1.00000000001')).toThrow(/decimal places/);
    expect(() => r('1,2')).toThrow();
  });

  it('crosses through EUR: CNY per USD on 2026-04-13 is 6.8321636426', () => {
    expect(formatRate(crossRate(r('1.1684'), r('7.9827')))).toBe('6.8321636426');
  });

  it('crosses through EUR: JPY per CNY on 2026-04-13 is 23.3943402608', () => {
    expect(formatRate(crossRate(r('7.9827'), r('186.75')))).toBe('23.3943402608');
  });

  it('inverts: EUR per USD = 1 / 1.1684 = 0.855871277', () => {
    expect(formatRate(invertRate(r('1.1684')))).toBe('0.855871277');
  });

  it('converts minor units across exponents, rounding once', () => {
    expect(convert(1000, 'JPY', 'CNY', r('0.0476'))).toBe(4760); // ¥1,000 → 47.60 CNY
    expect(convert(12345, 'USD', 'JPY', r('159.83'))).toBe(19731); // $123.45 → ¥19,730.9… → 19,731
    expect(convert(100, 'USD', 'KWD', r('0.3071'))).toBe(307); // $1.00 → 0.307 KWD (0.3071 rounds down)
    expect(convert(-250, 'EUR', 'USD', r('1.1684'))).toBe(-292); // −2.921 → −2.92: half away from zero
    expect(convert(5, 'USD', 'JPY', r('100'))).toBe(5); // $0.05 → ¥5
  });

  it('property: a round trip through a rate and its inverse moves an amount by at most a few minor units', () => {
    let seed = 5;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let i = 0; i < 2000; i++) {
      const rate = r((0.01 + rand() * 200).toFixed(4));
      const amount = Math.floor(rand() * 10_000_000);
      const there = convert(amount, 'USD', 'EUR', rate);
      const back = convert(there, 'EUR', 'USD', invertRate(rate));
      expect(Math.abs(back - amount)).toBeLessThanOrEqual(Math.ceil(Number(formatRate(invertRate(rate)))) + 1);
    }
  });
});
