// Barcode symbols (main/common/barcodes.ts). The tables are checked against the rules that define
// them — EAN-13 (GS1 General Specifications §5.2.1.2): every character 7 modules in two bars and
// two spaces, set A of odd parity, set B of even, set C the complement of set A; the first digit 0
// puts all six left digits in set A and every other first digit exactly three in set B. Code 128
// (ISO/IEC 15417): every symbol character 11 modules in three bars and three spaces with an even
// number of bar modules, all different; the stop pattern 13 modules. A typo in a table breaks one
// of these. The check symbol of "PJJ123C" worked by hand: 104 + 48·1 + 42·2 + 42·3 + 17·4 + 18·5 +
// 19·6 + 35·7 = 879, and 879 mod 103 = 55.
import { describe, expect, it } from 'vitest';
import { code128Check, code128Encodable, code128Modules, ean13Modules, tables } from '../../main/common/barcodes';

const bars = (modules: string) => modules.match(/1+/g)?.length ?? 0;
const ones = (modules: string) => [...modules].filter((m) => m === '1').length;

describe('EAN-13', () => {
  it('has tables that follow the symbology', () => {
    for (const [set, parity] of [[tables.SET_A, 1], [tables.SET_B, 0], [tables.SET_C, null]] as const) {
      expect(new Set(set).size).toBe(10);
      for (const p of set) {
        expect(p).toMatch(/^[01]{7}$/);
        expect(bars(p)).toBe(2);
        if (parity !== null) expect(ones(p) % 2).toBe(parity);
      }
    }
    tables.SET_A.forEach((a, i) => expect(tables.SET_C[i]).toBe([...a].map((m) => (m === '1' ? '0' : '1')).join('')));
    expect(tables.FIRST_DIGIT[0]).toBe('000000');
    for (const p of tables.FIRST_DIGIT.slice(1)) expect([p[0], ones(p)]).toEqual(['0', 3]);
    expect(new Set(tables.FIRST_DIGIT).size).toBe(10);
  });

  it('draws 4006381333931: guards, the left half by its first digit, the right half in set C', () => {
    const m = ean13Modules('4006381333931');
    expect(m).toHaveLength(95);
    expect([m.slice(0, 3), m.slice(45, 50), m.slice(92)]).toEqual(['101', '01010', '101']);
    // first digit 4: sets A B A A B B for 0 0 6 3 8 1
    expect(m.slice(3, 45)).toBe(tables.SET_A[0]! + tables.SET_B[0]! + tables.SET_A[6]! + tables.SET_A[3]! + tables.SET_B[8]! + tables.SET_B[1]!);
    expect(m.slice(50, 92)).toBe([3, 3, 3, 9, 3, 1].map((d) => tables.SET_C[d]).join(''));
    expect(() => ean13Modules('40063813339')).toThrow(RangeError);
  });
});

describe('Code 128', () => {
  it('has a table that follows the symbology', () => {
    expect(tables.CODE128).toHaveLength(107);
    expect(new Set(tables.CODE128).size).toBe(107);
    for (const w of tables.CODE128.slice(0, 106)) {
      const n = [...w].map(Number);
      expect(n).toHaveLength(6);
      expect(n.reduce((a, b) => a + b)).toBe(11);
      expect((n[0]! + n[2]! + n[4]!) % 2).toBe(0);
    }
    expect([...tables.CODE128[106]!].map(Number).reduce((a, b) => a + b)).toBe(13);
  });

  it('writes PJJ123C with its check symbol, start and stop', () => {
    expect(code128Check('PJJ123C')).toBe(55);
    const m = code128Modules('PJJ123C');
    // start, 7 characters and the check symbol of 11 modules each, then the 13-module stop
    expect(m).toHaveLength(9 * 11 + 13);
    expect(m.startsWith('11010010000')).toBe(true); // start B: 2 1 1 2 1 4
    expect(m.endsWith('1100011101011')).toBe(true); // stop: 2 3 3 1 1 1 2
  });

  it('refuses what set B cannot write', () => {
    expect(code128Encodable('SKU-01')).toBe(true);
    expect(code128Encodable('抹茶-01')).toBe(false);
    expect(() => code128Modules('抹茶')).toThrow(RangeError);
  });
});
