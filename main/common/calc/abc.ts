// ABC analysis: products ranked by the value of what they sold. Class A holds the products that
// together make the first `aShare` percent of the value (the product that crosses the line
// included), B those up to `bShare`, C the rest — and every product that sold nothing. Ties are
// broken by the key given, so the same data always gives the same classes. Integer arithmetic
// throughout (BigInt for the running sums), so no share is rounded into the wrong class.
import type { AbcClass } from '../api/counts-types';

export interface AbcInput {
  key: string;
  /** value sold in the period, minor units, not negative */
  value: number;
}

export interface AbcOutput {
  key: string;
  value: number;
  class: AbcClass;
  /** running total of the value up to and including this product */
  cumulative: number;
}

export function classifyAbc(items: readonly AbcInput[], aShare: number, bShare: number): AbcOutput[] {
  if (!(aShare > 0 && aShare < bShare && bShare <= 100)) throw new RangeError('shares must satisfy 0 < A < B <= 100');
  const sorted = [...items].sort((x, y) => y.value - x.value || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  const total = sorted.reduce((s, i) => s + BigInt(Math.max(i.value, 0)), 0n);
  let before = 0n;
  return sorted.map((i) => {
    const value = Math.max(i.value, 0);
    // the share of value already taken by the products ranked above, compared as
    // before / total < share / 100 without dividing
    const cls: AbcClass = value === 0 || total === 0n ? 'C' : before * 100n < BigInt(aShare) * total ? 'A' : before * 100n < BigInt(bShare) * total ? 'B' : 'C';
    before += BigInt(value);
    return { key: i.key, value, class: cls, cumulative: Number(before) };
  });
}
