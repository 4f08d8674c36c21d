// ABC classes on data worked by hand.
import { describe, expect, it } from 'vitest';
import { classifyAbc } from '../../main/common/calc/abc';

describe('classifyAbc', () => {
  it('classes by the share of value taken by the products above, the one crossing a line included', () => {
    // total 1000: a 500 (0 → 50 %), b 250 (50 → 75 %), c 100 (75 → 85 %), d 80 (85 → 93 %),
    // e 50 (93 → 98 %), f 20 (98 → 100 %), g 0
    const items = [
      { key: 'g', value: 0 },
      { key: 'c', value: 100 },
      { key: 'a', value: 500 },
      { key: 'e', value: 50 },
      { key: 'b', value: 250 },
      { key: 'f', value: 20 },
      { key: 'd', value: 80 },
    ];
    expect(classifyAbc(items, 80, 95).map((r) => `${r.key}${r.class}${r.cumulative}`)).toEqual(['aA500', 'bA750', 'cA850', 'dB930', 'eB980', 'fC1000', 'gC1000']);
    // a line met exactly: c starts at 75 %, which is not below 75 %
    expect(classifyAbc(items, 75, 93).map((r) => r.class).join('')).toBe('AABBCCC');
  });

  it('breaks ties by key, and puts everything in C when nothing sold', () => {
    expect(classifyAbc([{ key: 'y', value: 10 }, { key: 'x', value: 10 }], 50, 90).map((r) => r.key + r.class)).toEqual(['xA', 'yB']);
    expect(classifyAbc([{ key: 'x', value: 0 }, { key: 'y', value: 0 }], 80, 95).map((r) => r.class)).toEqual(['C', 'C']);
    expect(() => classifyAbc([], 95, 80)).toThrow(RangeError);
  });

  it('keeps exact shares on values beyond 2^53 in total', () => {
    const big = 2 ** 52;
    // three equal values: the third starts at exactly 2/3, so with A at 66 % it is B, at 67 % A
    const items = ['a', 'b', 'c'].map((key) => ({ key, value: big }));
    expect(classifyAbc(items, 66, 95).map((r) => r.class).join('')).toBe('AAB');
    expect(classifyAbc(items, 67, 95).map((r) => r.class).join('')).toBe('AAA');
  });
});
