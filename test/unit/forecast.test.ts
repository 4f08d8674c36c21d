// Forecasting and reorder policies, worked by hand from the definitions cited in
// main/common/calc/forecast.ts and reorder.ts (each expected figure's arithmetic is in the comment
// beside it).
import { describe, expect, it } from 'vitest';
import { classify, croston, forecast, mase, sampleSd, ses, tsb } from '../../main/common/calc/forecast';
import { applyPolicy, eoq, normalQuantile, roundOrder, type PolicyInput } from '../../main/common/calc/reorder';

describe('Croston and SBA (the forecast package’s croston())', () => {
  it('smooth the demands and the intervals from their first values, the first interval being the first demand’s position', () => {
    // [0,0,3,0,2,0]: demands 3, 2 at positions 3, 5 → intervals 3, 2
    // sizes 3 → 3 + 0.1·(2 − 3) = 2.9; intervals 3 → 3 + 0.1·(2 − 3) = 2.9; 2.9 / 2.9 = 1
    expect(croston([0, 0, 3, 0, 2, 0], 0.1)).toBeCloseTo(1, 12);
    expect(croston([0, 0, 3, 0, 2, 0], 0.1, 'sba')).toBeCloseTo(0.95, 12); // × (1 − 0.1/2)
    // [1,0,0,4,0,2,0,0,0,3], α 0.2: sizes 1,4,2,3 → 1.6 → 1.68 → 1.944; intervals 1,3,2,4 → 1.4 → 1.52 → 2.016
    expect(croston([1, 0, 0, 4, 0, 2, 0, 0, 0, 3], 0.2)).toBeCloseTo(1.944 / 2.016, 12);
    expect(croston([1, 0, 0, 4, 0, 2, 0, 0, 0, 3], 0.2, 'sba')).toBeCloseTo((1.944 / 2.016) * 0.9, 12);
  });

  it('need two periods with demand', () => {
    expect(croston([0, 0, 5, 0], 0.1)).toBeNull();
    expect(croston([], 0.1)).toBeNull();
  });
});

describe('SES, TSB and the mean', () => {
  it('SES starts at the first value', () => {
    // 10 → 10 + 0.5·(20 − 10) = 15 → 15 + 0.5·(0 − 15) = 7.5
    expect(ses([10, 20, 0], 0.5)).toBe(7.5);
  });

  it('TSB smooths the chance of a demand every period and its size when one comes', () => {
    // [0,4,0,0], α = β = 0.5: p0 = 1/4, z0 = 4
    // 0: p = 0.25 + 0.5·(0 − 0.25) = 0.125; 4: p = 0.125 + 0.5·0.875 = 0.5625, z = 4; 0: p = 0.28125; 0: p = 0.140625
    expect(tsb([0, 4, 0, 0], 0.5)).toBeCloseTo(0.140625 * 4, 12);
    expect(tsb([0, 0], 0.1)).toBeNull();
  });

  it('the mean, and a series with no history says so', () => {
    expect(forecast([2, 4, 0, 6], 'mean', 0.1)).toMatchObject({ method: 'mean', perPeriod: 3, why: null });
    expect(forecast([], 'auto', 0.1)).toMatchObject({ perPeriod: null, why: 'no demand history' });
    expect(forecast([0, 3, 0, 0], 'croston', 0.1)).toMatchObject({ perPeriod: null, why: 'fewer than two periods with demand' });
  });
});

describe('classification (ADI 1.32, CV² 0.49)', () => {
  it('sorts series into the four classes and auto picks SES, SES, SBA, TSB', () => {
    // smooth: demand every period (ADI 1), sizes 10, 11, 9, 10 → CV² = (0.8165/10)² ≈ 0.0067
    expect(classify([10, 11, 9, 10])).toMatchObject({ adi: 1, class: 'smooth' });
    // erratic: every period, sizes 1, 10, 1, 10 → sd 5.196, mean 5.5, CV² ≈ 0.89
    expect(classify([1, 10, 1, 10]).class).toBe('erratic');
    // intermittent: 2 of 6 periods (ADI 3), sizes 5, 5 → CV² 0
    expect(classify([0, 5, 0, 0, 5, 0])).toMatchObject({ adi: 3, cv2: 0, class: 'intermittent' });
    // lumpy: ADI 3, sizes 1 and 20 → CV² = (13.435/10.5)² ≈ 1.64
    expect(classify([0, 1, 0, 0, 20, 0]).class).toBe('lumpy');
    expect(forecast([10, 11, 9, 10], 'auto', 0.1).method).toBe('ses');
    expect(forecast([0, 5, 0, 0, 5, 0], 'auto', 0.1).method).toBe('sba');
    expect(forecast([0, 1, 0, 0, 20, 0], 'auto', 0.1).method).toBe('tsb');
  });

  it('at the cut-offs exactly, a series counts as intermittent / variable', () => {
    // 33 periods with demand in 44 → ADI 1.333… ≥ 1.32; 25 in 33 → 1.32 exactly
    expect(classify([...Array(25).fill(2), ...Array(8).fill(0)]).class).toBe('intermittent');
    expect(classify([...Array(26).fill(2), ...Array(7).fill(0)]).class).toBe('smooth');
  });

  it('auto falls back to the mean when the class’s method cannot run', () => {
    // one demand in six periods: intermittent, but SBA needs two → the mean, 9 / 6
    expect(forecast([0, 0, 0, 9, 0, 0], 'auto', 0.1)).toMatchObject({ class: 'intermittent', method: 'mean', perPeriod: 1.5 });
    expect(forecast([0, 0, 0, 0], 'auto', 0.1)).toMatchObject({ method: 'mean', perPeriod: 0 });
  });
});

describe('backtest', () => {
  it('MASE scales one-step errors by the naive forecast’s in-sample error', () => {
    // [1,2,3,4,5,6], the mean from 4 periods on: forecasts 2.5 (for 5) and 3 (for 6) → errors 2.5, 3 → 2.75;
    // naive errors all 1 → MASE 2.75
    expect(mase('mean', [1, 2, 3, 4, 5, 6], 0.1)).toBeCloseTo(2.75, 12);
    expect(mase('mean', [3, 3, 3, 3, 3, 3], 0.1)).toBeNull();
    expect(mase('mean', [1, 2], 0.1)).toBeNull();
  });
});

describe('reorder policies', () => {
  it('z for a service level (R’s qnorm)', () => {
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514722, 13);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 13);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326347874040841, 13);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });

  it('EOQ: the textbook case', () => {
    // D 1,000 a year, S 10, c 5, h 20 %: √(2·1000·10 / 1) = √20000 = 141.42…
    expect(eoq(1000, 10, 5, 0.2)).toBeCloseTo(Math.sqrt(20000), 12);
    expect(eoq(1000, 10, 0, 0.2)).toBeNull();
  });

  it('order quantities go up to the multiple, then up to the minimum', () => {
    expect(roundOrder(13, 12, 0)).toBe(24);
    expect(roundOrder(24, 12, 0)).toBe(24);
    expect(roundOrder(5, 1, 20)).toBe(20);
    expect(roundOrder(0, 12, 20)).toBe(0);
  });

  const base: PolicyInput = {
    demand: 10,
    demandSd: 3,
    periodDays: 7,
    leadTimeDays: 14,
    leadTimeSdDays: 7,
    serviceLevel: 0.95,
    onHand: 20,
    onOrder: 5,
    reserved: 3,
    policy: 'rop',
    orderCost: 25,
    unitCost: 4,
    holdingRate: 0.25,
    min: null,
    max: null,
    reorderLevel: null,
    reorderQty: null,
    moq: 0,
    orderMultiple: 1,
  };

  it('reorder point: demand over the lead time plus safety stock from both variabilities', () => {
    // L = 2 periods, σL = 1: SS = 1.6449 · √(9·2 + 100·1) = 1.6449 · √118 = 17.868; ROP = 20 + 17.868 = 37.868
    // projected 20 + 5 − 3 = 22 ≤ ROP → back above: ⌊37.868 − 22⌋ + 1 = 16; EOQ = √(2·521.43·25/1) = 161.5 → 162
    const r = applyPolicy(base);
    expect(r.safetyStock).toBeCloseTo(normalQuantile(0.95) * Math.sqrt(118), 10);
    expect(r.reorderPoint).toBeCloseTo(20 + normalQuantile(0.95) * Math.sqrt(118), 10);
    expect(r.projected).toBe(22);
    expect(r.eoq).toBeCloseTo(Math.sqrt((2 * ((10 * 365) / 7) * 25) / (4 * 0.25)), 10);
    expect(r.suggestedQty).toBe(162);
    expect(r.daysOfCover).toBeCloseTo(22 / (10 / 7), 10);
    expect(r.reason).toBe('projected 22 ≤ reorder point 37.9');
    expect(applyPolicy({ ...base, orderCost: null }).suggestedQty).toBe(16);
    expect(applyPolicy({ ...base, onHand: 40 }).suggestedQty).toBe(0);
  });

  it('min/max orders up to max; reorder level orders the larger of the quantity and the gap', () => {
    expect(applyPolicy({ ...base, policy: 'minmax', min: 25, max: 60 }).suggestedQty).toBe(38); // 60 − 22
    expect(applyPolicy({ ...base, policy: 'minmax', min: 20, max: 60 }).suggestedQty).toBe(0);
    expect(applyPolicy({ ...base, policy: 'level', reorderLevel: 30, reorderQty: 5 }).suggestedQty).toBe(8); // max(5, 30 − 22)
    expect(applyPolicy({ ...base, policy: 'level', reorderLevel: 30, reorderQty: 50, orderMultiple: 12, moq: 0 }).suggestedQty).toBe(60);
  });

  it('sample standard deviation', () => {
    expect(sampleSd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(sampleSd([3])).toBe(0);
  });
});
