import { describe, expect, it } from 'vitest';
import { avgCostMinor, EMPTY_COST, inflow, inflowAtAverage, outflow, outflowAtValue, replayOutflow, revalue } from '../../main/common/calc/valuation';

// Moving (weighted) average cost: each receipt re-derives the average as total value / total
// quantity; issues are costed at the current average and do not change it. Worked example from
// the foundation issue: 4 @ 100.00 then 8 @ 200.00 → (400 + 1600) / 12 = 166.67.
describe('moving-average valuation', () => {
  const afterTwoReceipts = () => inflow(inflow(EMPTY_COST, 4, 4 * 10000).state, 8, 8 * 20000).state;

  it('4 @ 100 then 8 @ 200 gives an average of 166.67', () => {
    const s = afterTwoReceipts();
    expect(s.qty).toBe(12);
    expect(s.value).toBe(200000);
    expect(avgCostMinor(s)).toBe(16667);
  });

  it('an outward movement does not change the average', () => {
    const before = afterTwoReceipts();
    const step = outflow(before, 5);
    expect(step.state.avgCostE4).toBe(before.avgCostE4);
    expect(step.state.qty).toBe(7);
    expect(step.value).toBe(-83333); // 5 × 166.6667 = 833.33
    expect(step.state.value).toBe(200000 - 83333);
  });

  it('the last unit out takes the remaining value, leaving no stray minor unit', () => {
    let s = inflow(EMPTY_COST, 3, 100).state; // 33.33… each
    const values: number[] = [];
    for (let i = 0; i < 3; i++) {
      const step = outflow(s, 1);
      values.push(step.value);
      s = step.state;
    }
    expect(values.reduce((a, b) => a + b, 0)).toBe(-100);
    expect(s).toMatchObject({ qty: 0, value: 0 });
  });

  it('an inflow at average keeps the average', () => {
    const s = afterTwoReceipts();
    const step = inflowAtAverage(s, 3);
    expect(step.state.avgCostE4).toBe(s.avgCostE4);
    expect(step.value).toBe(50000);
  });

  it('a free receipt lowers the average', () => {
    const s = inflow(inflow(EMPTY_COST, 10, 1000).state, 10, 0).state;
    expect(avgCostMinor(s)).toBe(50);
  });

  it('refuses zero or fractional quantities', () => {
    expect(() => inflow(EMPTY_COST, 0, 0)).toThrow();
    expect(() => outflow(EMPTY_COST, 1.5)).toThrow();
    expect(() => inflow(EMPTY_COST, 1, -1)).toThrow();
  });

  it('property: value always equals the sum of movement values (random walk of 5,000 steps)', () => {
    let seed = 11;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    let s = EMPTY_COST;
    let sum = 0;
    for (let i = 0; i < 5000; i++) {
      const step = s.qty > 0 && rand() < 0.5 ? outflow(s, 1 + Math.floor(rand() * s.qty)) : inflow(s, 1 + Math.floor(rand() * 50), Math.floor(rand() * 100000));
      sum += step.value;
      s = step.state;
      expect(s.value).toBe(sum);
      if (s.qty === 0) expect(s.value).toBe(0);
      expect(s.value).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('taking a receipt back at what it cost', () => {
  it('restores the average a mistaken receipt disturbed: 4 @ 4.20, +100 @ 1.00, back out at 100.00 → 4 @ 4.20', () => {
    const before = inflow(EMPTY_COST, 4, 1680).state;
    const disturbed = inflow(before, 100, 10000).state;
    expect(avgCostMinor(disturbed)).toBe(112);
    const undone = outflowAtValue(disturbed, 100, 10000);
    expect(undone.value).toBe(-10000);
    expect(undone.state).toEqual({ qty: 4, value: 1680, avgCostE4: 4200000 });
    expect(replayOutflow(disturbed, 100, -10000)).toEqual(undone.state);
  });

  it('falls back to the average when the value is no longer held or the balance empties', () => {
    const s = inflow(EMPTY_COST, 10, 500).state;
    expect(outflowAtValue(s, 5, 900)).toEqual(outflow(s, 5));
    expect(outflowAtValue(s, 10, 100)).toEqual(outflow(s, 10));
  });

  it('replays an ordinary issue exactly as it was posted', () => {
    const s = inflow(inflow(EMPTY_COST, 4, 40000).state, 8, 160000).state;
    const step = outflow(s, 5);
    expect(replayOutflow(s, 5, step.value)).toEqual(step.state);
  });
});

describe('revaluation (landed cost capitalised onto the units on hand)', () => {
  // 5 units worth 751.00 take 173.05 more: 924.05, an average of 184.81 exactly.
  it('changes value and average, not quantity', () => {
    const s = { qty: 5, value: 75100, avgCostE4: 150200000 };
    expect(revalue(s, 17305)).toEqual({ state: { qty: 5, value: 92405, avgCostE4: 184810000 }, value: 17305 });
    expect(revalue(revalue(s, 17305).state, -17305).state).toEqual({ qty: 5, value: 75100, avgCostE4: 150200000 });
  });

  it('needs units on hand and never takes the value below zero', () => {
    expect(() => revalue(EMPTY_COST, 100)).toThrow(/nothing on hand/);
    expect(() => revalue({ qty: 2, value: 100, avgCostE4: 500000 }, -101)).toThrow(/below zero/);
  });
});
