import { describe, expect, it } from 'vitest';
import { barcodeError, gs1CheckDigit, hsFormatError, inStoreEan13, IN_STORE_PREFIX, normaliseHs } from '../../main/common/codes';
import { uuidv7 } from '../../main/core/ids';

// Check digits: GS1 General Specifications §7.9 (mod-10, weights 3 and 1 from the right).
describe('barcodes', () => {
  it.each(['4006381333931', '9780306406157', '036000291452', '4901234567894', '96385074'])('%s is valid', (c) => expect(barcodeError(c)).toBeNull());
  it('computes the EAN-13 check digit of 400638133393 as 1', () => expect(gs1CheckDigit('400638133393')).toBe(1));
  it('flags a mistyped digit and says which check digit was expected', () => expect(barcodeError('4006381333932')).toMatch(/should be 1/));
  it.each(['12345', 'ABC4006381333', '40063813339311111'])('refuses %s', (c) => expect(barcodeError(c)).not.toBeNull());
});

// In-store numbers: the prefix, the item number padded to fill 12 digits, the check digit (worked by
// hand: 0400000000015 — odd places 0, even places 4 + 1 = 5, ×3 = 15, 10 − 5 = 5).
describe('in-store EAN-13 numbers', () => {
  it.each([
    ['04', 1, '0400000000015'],
    ['2123', 42, '2123000000424'],
    ['20', 9_999_999_999, '2099999999998'],
  ] as const)('%s, item %i → %s', (prefix, n, code) => {
    expect(inStoreEan13(prefix, n)).toBe(code);
    expect(barcodeError(code)).toBeNull();
  });
  it('refuses an item number that does not fit after the prefix', () => {
    expect(() => inStoreEan13('0412345', 100_000)).toThrow(/does not fit in the 5 digits/);
    expect(() => inStoreEan13('04', 0)).toThrow(RangeError);
  });
  it.each(['04', '20', '29', '0412345', '2999999'])('takes the prefix %s', (p) => expect(IN_STORE_PREFIX.test(p)).toBe(true));
  it.each(['4', '05', '30', '45', '04123456', '2a'])('refuses the prefix %s (not kept for in-store use, or too long)', (p) => expect(IN_STORE_PREFIX.test(p)).toBe(false));
});

describe('HS codes', () => {
  it('accepts 6, 8 and 10 digits', () => {
    for (const c of ['330499', '33049900', '3304990010']) expect(hsFormatError(c)).toBeNull();
  });
  it('refuses 4 or 7 digits', () => {
    expect(hsFormatError('3304')).not.toBeNull();
    expect(hsFormatError('3304999')).not.toBeNull();
  });
  it('normalises dotted input', () => expect(normaliseHs('3304.99 00')).toBe('33049900'));
});

describe('uuid v7', () => {
  it('has version 7, the RFC variant, and sorts by creation', () => {
    const ids = Array.from({ length: 2000 }, () => uuidv7());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('carries the timestamp in its first 48 bits', () => {
    const id = uuidv7(Date.UTC(2030, 0, 1));
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2030, 0, 1));
  });
});
