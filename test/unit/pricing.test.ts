import { describe, expect, it } from 'vitest';
import { fractionToPercent, orderableQty, percentToFraction, priceBreaksError, priceForMargin, priceForMarkup, shiftDecimal, unitPriceFor } from '../../main/common/calc/pricing';

// A wholesaler's list: ¥450 each, ¥420 from 12 (a case), ¥390 from 48 (four cases).
const breaks = [
  { minQty: 12, unitPrice: 420 },
  { minQty: 48, unitPrice: 390 },
];

describe('price breaks', () => {
  it.each([
    [1, 450],
    [11, 450],
    [12, 420],
    [47, 420],
    [48, 390],
    [500, 390],
  ])('%i units cost %i each', (qty, price) => expect(unitPriceFor(qty, 450, breaks)).toBe(price));
  it('does not depend on the order the breaks are listed in', () => expect(unitPriceFor(50, 450, [...breaks].reverse())).toBe(390));
  it('checks a list of breaks', () => {
    expect(priceBreaksError(breaks)).toBeNull();
    expect(priceBreaksError([{ minQty: 1, unitPrice: 1 }])?.index).toBe(0);
    expect(priceBreaksError([{ minQty: 10, unitPrice: 1 }, { minQty: 10, unitPrice: 1 }])?.index).toBe(1);
    expect(priceBreaksError([{ minQty: 10, unitPrice: -1 }])?.message).toMatch(/negative/);
  });
});

describe('orderable quantities', () => {
  it.each([
    [5, 1, 1, 5],
    [5, 10, 1, 10], // below the minimum order: the minimum
    [13, 1, 12, 24], // case pack of 12: two cases
    [13, 30, 12, 36], // minimum 30 in cases of 12: 36
    [0, 10, 12, 0],
  ])('want %i, MOQ %i, multiple %i → %i', (want, moq, mult, got) => expect(orderableQty(want, moq, mult)).toBe(got));
});

// Selling prices from a landed cost. Worked by hand; every price is rounded UP to the minor unit
// so the margin or markup asked for is met, never missed by a rounding.
describe('selling price for a target margin (on the price): cost / (1 − m)', () => {
  it.each([
    // the Australian Border Force example lands at 1,760.00 AUD: 1760 / 0.7 = 2514.2857… → 2,514.29
    [176000, '0.3', 1, 251429],
    [1000, '0.25', 1, 1334], // 10.00 / 0.75 = 13.333… → 13.34
    [1000, '0.5', 1, 2000], // exact
    [1000, '0', 1, 1000], // no margin: the cost
    [0, '0.3', 1, 0],
    [450, '0.35', 1, 693], // ¥450 / 0.65 = ¥692.307… → ¥693 (JPY has no minor unit)
    [10000, '0.3', 3, 4762], // 100.00 for 3 units: 100 / 3 / 0.7 = 47.619… → 47.62 a unit
    [99, '0.999', 1, 99000], // 0.99 / 0.001 = 990.00
    [12345, '0.125', 1, 14109], // 123.45 / 0.875 = 141.0857… → 141.09
  ])('cost %i at margin %s over %i unit(s) → %i', (cost, m, units, price) => expect(priceForMargin(cost, m, units)).toBe(price));

  it('refuses a margin of 100% or more, a negative one, and text that is not a fraction', () => {
    expect(() => priceForMargin(1000, '1')).toThrow(/below 100%/);
    expect(() => priceForMargin(1000, '1.2')).toThrow(/below 100%/);
    expect(() => priceForMargin(1000, '-0.1')).toThrow(/negative/);
    expect(() => priceForMargin(1000, '30%')).toThrow(/not a decimal fraction/);
    expect(() => priceForMargin(-1, '0.3')).toThrow(/cost/);
    expect(() => priceForMargin(1000, '0.3', 0)).toThrow(/units/);
  });

  it('property: the price meets the margin and one minor unit less would not', () => {
    let seed = 11;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let i = 0; i < 3000; i++) {
      const cost = rand(5_000_000);
      const units = 1 + rand(50);
      const m = `0.${String(rand(10_000)).padStart(4, '0')}`; // 0.0000 … 0.9999
      const mE4 = BigInt(m.slice(2));
      const p = BigInt(priceForMargin(cost, m, units));
      const c = BigInt(cost);
      const u = BigInt(units);
      // (p − c/u) / p ≥ m  ⇔  p·u·(1 − m) ≥ c, in integers scaled by 10^4
      expect(p * u * (10_000n - mE4) >= c * 10_000n).toBe(true);
      if (p > 0n) expect((p - 1n) * u * (10_000n - mE4) < c * 10_000n).toBe(true);
    }
  });
});

describe('selling price for a markup (on the cost): cost × (1 + m)', () => {
  it.each([
    [176000, '0.3', 1, 228800], // 1,760.00 × 1.3 = 2,288.00
    [999, '0.333', 1, 1332], // 9.99 × 1.333 = 13.31667 → 13.32
    [1000, '1.5', 1, 2500], // markups above 100% are ordinary
    [1000, '0', 1, 1000],
    [10000, '0.25', 3, 4167], // 100.00 / 3 × 1.25 = 41.666… → 41.67
  ])('cost %i with markup %s over %i unit(s) → %i', (cost, m, units, price) => expect(priceForMarkup(cost, m, units)).toBe(price));

  it('refuses a negative markup', () => {
    expect(() => priceForMarkup(1000, '-0.01')).toThrow(/negative/);
    expect(() => priceForMarkup(1000, 'x')).toThrow(/not a decimal fraction/);
  });
});

describe('percentages as decimal strings, without floats', () => {
  it.each([
    ['5', -2, '0.05'],
    ['12.5', -2, '0.125'],
    ['100', -2, '1'],
    ['0.05', 2, '5'],
    ['0.125', 2, '12.5'],
    ['1.0989011', 0, '1.0989011'],
    ['250', -3, '0.25'], // 250 g → 0.25 kg
    ['6000000', -9, '0.006'], // 100 × 200 × 300 mm = 6,000,000 mm³ → 0.006 m³
    ['-2.5', -2, '-0.025'],
    ['007.100', 0, '7.1'],
    ['.5', 2, '50'],
    ['0', -2, '0'],
  ])('shiftDecimal(%s, %i) = %s', (text, places, out) => expect(shiftDecimal(text, places)).toBe(out));

  it('is null for text that is not a decimal', () => {
    for (const bad of ['', '.', 'abc', '1,5', '1e3', '--1']) expect(shiftDecimal(bad, 2)).toBeNull();
  });

  it('turns a typed percentage into the fraction the API takes, and back', () => {
    expect(percentToFraction('5')).toBe('0.05');
    expect(percentToFraction(' 7.5 ')).toBe('0.075');
    expect(percentToFraction('')).toBeNull();
    expect(percentToFraction('five')).toBe('five'); // passed on: the API names the field
    expect(fractionToPercent('0.05')).toBe('5');
    expect(fractionToPercent('0.1')).toBe('10');
    expect(fractionToPercent(0.13)).toBe('13');
    expect(fractionToPercent(null)).toBe('');
  });
});
