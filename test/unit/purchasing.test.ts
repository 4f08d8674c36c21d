import { describe, expect, it } from 'vitest';
import { poTotals } from '../../main/common/calc/purchasing';

describe('purchase-order totals', () => {
  it('sums lines in the order currency and converts the total once: ¥(24×420 + 6×1,890) at 0.0467 CNY/JPY', () => {
    // 10,080 + 11,340 = ¥21,420 → 21,420 × 0.0467 = 1,000.314 CNY → 1,000.31 (100,031 fen)
    const t = poTotals([{ qty: 24, unitPrice: 420 }, { qty: 6, unitPrice: 1890 }], 'JPY', 'CNY', '0.0467');
    expect(t).toEqual({ lineTotals: [10080, 11340], total: 21420, totalBase: 100031 });
  });
  it('has no base total without a rate, and needs none in the base currency', () => {
    expect(poTotals([{ qty: 1, unitPrice: 500 }], 'USD', 'CNY', null).totalBase).toBeNull();
    expect(poTotals([{ qty: 2, unitPrice: 500 }], 'CNY', 'CNY', null).totalBase).toBe(1000);
  });
});
