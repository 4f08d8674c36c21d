// Forecasting and reorder policies, worked by hand from the definitions cited in
// main/common/calc/forecast.ts and reorder.ts (each expected figure's arithmetic is in the comment
// beside it).
import { describe, expect, it } from 'vitest';
import { classify, croston, forecast, forecastWith, mase, oneStepForecasts, sampleSd, ses, tsb } from '../../main/common/calc/forecast';
import { applyPolicy, eoq, fitToBudget, normalQuantile, roundOrder, type PolicyInput } from '../../main/common/calc/reorder';
import { seededRandom } from '../../main/common/random';

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

  it('with one period of demand, that demand over its position; with none, nothing', () => {
    // R: croston(c(0,0,0,4,0))$mean = 1 (4 at position 4)
    expect(croston([0, 0, 0, 4, 0], 0.1)).toBe(1);
    expect(croston([0, 0, 0], 0.1)).toBeNull();
    expect(croston([], 0.1)).toBeNull();
  });

  // A published series: R's `discoveries` dataset (numbers of great inventions and scientific
  // discoveries each year 1860–1959, from The World Almanac and Book of Facts, 1975), 100 years,
  // nine with none. Expected figures computed by the forecast package itself, version 8.20
  // (Debian r-cran-forecast 8.20-1): croston(discoveries, h = 1, alpha = a)$mean; SBA is that
  // times 1 − a/2 (the version has no `type` argument).
  const discoveries = [
    5, 3, 0, 2, 0, 3, 2, 3, 6, 1, 2, 1, 2, 1, 3, 3, 3, 5, 2, 4, 4, 0, 2, 3, 7, 12, 3, 10, 9, 2, 3, 7, 7, 2, 3, 3, 6, 2, 4, 3, 5, 2, 2, 4, 0, 4, 2, 5, 2, 3, 3, 6, 5, 8, 3, 6, 6, 0, 5, 2, 2, 2, 6,
    3, 4, 4, 2, 2, 4, 7, 5, 3, 3, 0, 2, 2, 2, 1, 3, 4, 2, 2, 1, 1, 1, 2, 1, 4, 4, 3, 2, 1, 4, 1, 1, 1, 0, 0, 2, 0,
  ];
  it.each([
    [0.1, 1.75614885232047],
    [0.2, 1.31005137682738],
    [0.5, 0.809223693943241],
  ])('on a published series, as the forecast package computes it (alpha %s)', (alpha, expected) => {
    expect(discoveries).toHaveLength(100);
    expect(croston(discoveries, alpha)).toBeCloseTo(expected, 12);
    expect(croston(discoveries, alpha, 'sba')).toBeCloseTo(expected * (1 - alpha / 2), 12);
    // and SES on the same series: ses(discoveries, alpha = 0.1, initial = "simple")$mean = 1.55475981766872
    if (alpha === 0.1) expect(ses(discoveries, alpha)).toBeCloseTo(1.55475981766872, 12);
  });
});

describe('one-step forecasts for backtests', () => {
  it('are what each method says from every prefix of the series, computed in one pass', () => {
    const series = [
      [0, 0, 3, 0, 2, 0, 0, 5, 1, 0, 0, 0, 4],
      [5, 3, 0, 2, 0, 3, 2, 3, 6, 1],
      [0, 0, 0, 1, 0, 0, 0, 0, 7, 0, 2],
    ];
    for (const d of series) {
      for (const m of ['mean', 'ses', 'croston', 'sba', 'tsb'] as const) {
        const steps = oneStepForecasts(m, d, 0.2);
        expect(steps[0]).toBeNull();
        for (let t = 1; t < d.length; t++) {
          const direct = forecastWith(m, d.slice(0, t), 0.2);
          if (direct === null) expect(steps[t]).toBeNull();
          else expect(steps[t]).toBeCloseTo(direct, 12);
        }
      }
    }
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
    expect(forecast([0, 0, 0, 0], 'croston', 0.1)).toMatchObject({ perPeriod: null, why: 'no demand in the history' });
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

  it('auto takes the class’s method, and a series without any demand gets no forecast', () => {
    // one demand in six periods: intermittent, and SBA takes that demand over its position, 9 / 4 · 0.95
    expect(forecast([0, 0, 0, 9, 0, 0], 'auto', 0.1)).toMatchObject({ class: 'intermittent', method: 'sba', perPeriod: (9 / 4) * 0.95 });
    expect(forecast([0, 0, 0, 0], 'auto', 0.1)).toMatchObject({ perPeriod: null, why: 'no demand in the history' });
    expect(forecast([0, 0, 0, 0], 'mean', 0.1)).toMatchObject({ perPeriod: null, why: 'no demand in the history' });
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

  it('EOQ: the textbook cases', () => {
    // D 1,000 a year, S 10, c 5, h 20 %: √(2·1000·10 / 1) = √20000 = 141.42…
    expect(eoq(1000, 10, 5, 0.2)).toBeCloseTo(Math.sqrt(20000), 12);
    // Wikipedia, "Economic order quantity", Example: D 10,000 units a year, K 40 an order, P 50 a
    // unit, holding 4 a unit a year plus 2 % interest on P = 5 a unit a year (rate 10 % of 50)
    // → √(2·10000·40 / 5) = 400 units
    expect(eoq(10_000, 40, 50, 0.1)).toBeCloseTo(400, 10);
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

  it('a budget trims the least urgent lines first, in whole packs at or above the minimum', () => {
    // most urgent first; 10.00 a unit, 9.00 from 48 (minor units)
    const price = (qty: number) => (qty >= 48 ? 900 : 1000);
    const lines = [
      { qty: 24, moq: 12, orderMultiple: 12 }, // 240.00
      { qty: 60, moq: 24, orderMultiple: 12 }, // 540.00 at 9.00
      { qty: 30, moq: 10, orderMultiple: 10 }, // 300.00
    ];
    const cost = (l: { qty: number }, qty: number) => qty * price(qty);
    // no cap needed
    expect(fitToBudget(lines, 200_000, cost)).toEqual([24, 60, 30]);
    // 1,000.00: 240 + 540 = 780 leaves 220 → the last line gets 20 (200.00)
    expect(fitToBudget(lines, 100_000, cost)).toEqual([24, 60, 20]);
    // 500.00: 240 leaves 260 → 24 of the second (240.00) leaves 20 → the last cannot reach its minimum of 10
    expect(fitToBudget(lines, 50_000, cost)).toEqual([24, 24, 0]);
    // 100.00: the most urgent line cannot make its minimum of 12 either
    expect(fitToBudget(lines, 10_000, cost)).toEqual([0, 0, 10]);
  });

  it('a budget is never exceeded, and what is kept is orderable (property, 2,000 random orders)', () => {
    const rnd = seededRandom(7);
    const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
    for (let run = 0; run < 2000; run++) {
      const lines = Array.from({ length: int(1, 8) }, () => {
        const orderMultiple = int(1, 12);
        const moq = int(0, 30);
        return { qty: roundOrder(int(0, 200), orderMultiple, moq), moq, orderMultiple, list: int(1, 5000), breakAt: int(2, 100), breakPrice: int(1, 5000) };
      });
      const cost = (l: (typeof lines)[number], qty: number) => qty * (qty >= l.breakAt ? Math.min(l.list, l.breakPrice) : l.list);
      const budget = int(1, 200_000);
      const kept = fitToBudget(lines, budget, cost);
      expect(kept.reduce((a, q, i) => a + cost(lines[i]!, q), 0)).toBeLessThanOrEqual(budget);
      kept.forEach((q, i) => {
        const l = lines[i]!;
        expect(q).toBeLessThanOrEqual(l.qty);
        if (q > 0 && q < l.qty) {
          expect(q % l.orderMultiple).toBe(0);
          expect(q).toBeGreaterThanOrEqual(l.moq);
        }
      });
      // with room for everything, nothing is cut
      expect(fitToBudget(lines, Number.MAX_SAFE_INTEGER, cost)).toEqual(lines.map((l) => l.qty));
    }
  });

  it('one-step forecasts match the methods on random series (property, 500 series)', () => {
    const rnd = seededRandom(11);
    for (let run = 0; run < 500; run++) {
      const d = Array.from({ length: 5 + Math.floor(rnd() * 40) }, () => (rnd() < 0.4 ? Math.floor(rnd() * 20) : 0));
      const alpha = 0.05 + rnd() * 0.9;
      for (const m of ['mean', 'ses', 'croston', 'sba', 'tsb'] as const) {
        const steps = oneStepForecasts(m, d, alpha);
        for (let t = 1; t < d.length; t++) {
          const direct = forecastWith(m, d.slice(0, t), alpha);
          if (direct === null) expect(steps[t]).toBeNull();
          else expect(steps[t]).toBeCloseTo(direct, 9);
        }
      }
    }
  });
});
