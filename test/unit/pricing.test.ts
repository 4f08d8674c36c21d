import { describe, expect, it } from 'vitest';
import { orderableQty, priceBreaksError, unitPriceFor } from '../../main/common/calc/pricing';

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
