// `npm run -s cli -- reorder FILE.json | -`: the forecasting and reorder engines as a command, JSON
// in and out. The example item is the one in the reorder issue; its figures are worked by hand
// below from the definitions in main/common/calc/forecast.ts and reorder.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index';
import { normalQuantile } from '../../main/common/calc/reorder';

const ITEM = {
  id: 'SKU-1',
  demand: [0, 0, 3, 0, 2, 0],
  periodDays: 7,
  method: 'auto',
  alpha: 0.1,
  demandMeanPerPeriod: null,
  demandSdPerPeriod: null,
  leadTimeDays: 21,
  leadTimeSdDays: 0,
  serviceLevel: 0.95,
  onHand: 4,
  onOrder: 0,
  reserved: 0,
  policy: 'rop',
  orderCost: '25.00',
  unitCost: '4.00',
  holdingRate: 0.25,
  min: null,
  max: null,
  reorderLevel: null,
  reorderQty: null,
  moq: 0,
  orderMultiple: 1,
};

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossdock-reorder-cli-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, { readStdin: async () => stdin });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('reorder', () => {
  it('classifies, forecasts and suggests, from a file or stdin', async () => {
    const file = path.join(dir, 'in.json');
    fs.writeFileSync(file, JSON.stringify({ items: [ITEM] }));
    const r = await cli(['reorder', file]);
    expect(r.code).toBe(0);
    const [out] = JSON.parse(r.out).items;
    // 2 demands in 6 periods: ADI 3; sizes 3, 2: CV² = (0.7071 / 2.5)² = 0.08 → intermittent → SBA
    // Croston 2.9 / 2.9 = 1 → SBA 0.95 a week; σd = sample sd of [0,0,3,0,2,0] = √(9.333/5) = 1.3663
    // L = 3 weeks: SS = 1.6449 · √(1.8667 · 3) = 3.8924; ROP = 0.95 · 3 + SS = 6.7424
    // EOQ = √(2 · 0.95·365/7 · 25 / (4 · 0.25)) = √2476.79 = 49.77; projected 4 ≤ ROP → max(49.77, 3) → 50
    expect(out).toMatchObject({ id: 'SKU-1', method: 'sba', class: 'intermittent', projected: 4, suggestedQty: 50 });
    expect(out.forecastPerPeriod).toBeCloseTo(0.95, 12);
    expect(out.demandSdPerPeriod).toBeCloseTo(Math.sqrt(((5 / 6) ** 2 * 4 + (3 - 5 / 6) ** 2 + (2 - 5 / 6) ** 2) / 5), 12);
    expect(out.safetyStock).toBeCloseTo(normalQuantile(0.95) * out.demandSdPerPeriod * Math.sqrt(3), 10);
    expect(out.reorderPoint).toBeCloseTo(0.95 * 3 + out.safetyStock, 10);
    expect(out.eoq).toBeCloseTo(Math.sqrt((2 * ((0.95 * 365) / 7) * 25) / 1), 10);
    expect(out.daysOfCover).toBeCloseTo(4 / (0.95 / 7), 10);
    expect(Object.keys(out)).toEqual(['id', 'method', 'class', 'forecastPerPeriod', 'demandSdPerPeriod', 'safetyStock', 'reorderPoint', 'eoq', 'projected', 'suggestedQty', 'daysOfCover']);

    const piped = await cli(['reorder', '-'], JSON.stringify({ items: [{ ...ITEM, demand: [5, 6, 4, 5], demandMeanPerPeriod: 10, demandSdPerPeriod: 0, policy: 'minmax', min: 20, max: 50 }] }));
    expect(JSON.parse(piped.out).items[0]).toMatchObject({ class: 'smooth', method: 'ses', forecastPerPeriod: 10, suggestedQty: 46 });
  });

  it('says so when an item has no forecast, rather than suggesting zero', async () => {
    const r = await cli(['reorder', '-'], JSON.stringify({ items: [{ ...ITEM, demand: [0, 0, 0, 0], method: 'croston' }] }));
    expect(JSON.parse(r.out).items[0]).toMatchObject({ forecastPerPeriod: null, suggestedQty: null, note: 'no demand in the history' });
  });

  it('refuses bad input with one line per problem naming its path, and exits 2', async () => {
    const bad = {
      items: [
        { ...ITEM, demand: [] },
        { ...ITEM, id: 'B', demand: [1, -2], serviceLevel: 1, method: 'magic' },
        { ...ITEM, id: 'C', leadTimeDays: 0, leadTimeSdDays: 2, policy: 'minmax' },
      ],
    };
    const r = await cli(['reorder', '-'], JSON.stringify(bad));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.split('\n')).toEqual([
      'items[0].demand: is empty: give at least one period',
      'items[1].demand[1]: must be at least 0',
      'items[1].method: must be one of auto, mean, ses, croston, sba, tsb',
      'items[1].serviceLevel: must be less than 1',
      'items[2].leadTimeSdDays: a lead time of zero cannot vary: give the lead time, or 0 here',
      'items[2].min: is required by the minmax policy',
      'items[2].max: is required by the minmax policy',
    ]);
    expect((await cli(['reorder', '-'], '{"items": [')).err).toMatch(/^\$: not valid JSON/);
    expect((await cli(['reorder', '-'], '{}')).err).toBe('items: must be a list of items');
    expect((await cli(['reorder'])).err).toMatch(/^Usage: reorder FILE.json/);
  });
});
