// Landed-cost documents on a real SQLite file. Worked example, base CNY, worked by hand:
//   GR-000001 (2026-11-10, 7.10 CNY/USD): P1 10 × $20.00 = 1,420.00; P2 20 × $5.00 = 710.00
//   GR-000002 (2026-11-18, 7.20 CNY/USD): P1 10 × $22.00 = 1,584.00
//   15 of the 20 P1 are sold on 2026-11-19 (at the average 150.20 → 2,253.00 out; 5 left, 751.00).
// The document (2026-11-20): freight $60.00 by weight (each line weighs 5 kg) at 7.20 = 432.00 →
// 144.00 a line, in the customs value; a Japanese broker's ¥3,000 by quantity (10, 20, 10) at
// 0.05 = 150.00 → 37.50, 75.00, 37.50, not in it. CIF duty: P1 10% of 1,564.00 = 156.40, P2 5% of
// 854.00 = 42.70, P1 10% of 1,728.00 = 172.80. Import VAT 13% is reported but recoverable.
// Extra cost: 337.90, 261.70, 354.30 (953.90). P1 has 5 of its 20 units on hand: 692.20 × 5/20 =
// 173.05 capitalised (84.48 + 88.57 by largest remainder), 519.15 to cost of goods sold; P2 has
// all 20: 261.70 capitalised.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../main/common/api/errors';
import { tempApp, type TempApp } from '../helpers/temp-app';

let t: TempApp;
let home: string;
let p1: string;
let p2: string;
let usd: string;
let broker: string;
let receipts: string[];

const reject = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: ApiError) => e,
  );

async function received(supplierId: string, day: string, lines: { productId: string; qty: number; unitPrice: string }[]) {
  const c = t.client;
  const po = await c.call('purchasing.create', { supplierId, orderDate: day, lines });
  await c.call('purchasing.send', { id: po.order.id });
  const r = await c.call('purchasing.receive', { poId: po.order.id, locationId: home, receivedAt: day, lines: po.lines.map((l) => ({ lineId: l.id, qty: l.qtyOrdered })) });
  return r.id;
}

beforeEach(async () => {
  t = tempApp();
  const c = t.client;
  await c.call('settings.update', { baseCurrency: 'CNY' });
  await c.call('fx.set', { base: 'USD', quote: 'CNY', day: '2026-11-01', rate: '7.10' });
  await c.call('fx.set', { base: 'USD', quote: 'CNY', day: '2026-11-15', rate: '7.20' });
  await c.call('fx.set', { base: 'JPY', quote: 'CNY', day: '2026-11-01', rate: '0.05' });
  home = (await c.call('locations.create', { code: 'HOME', name: 'Home', kind: 'own' })).id;
  usd = (await c.call('suppliers.create', { name: 'Portland Outdoor Supply', currency: 'USD' })).id;
  broker = (await c.call('suppliers.create', { name: 'Narita Customs Brokerage', currency: 'JPY' })).id;
  p1 = (await c.call('products.create', { sku: 'P1', name: 'Trail lantern', weightG: 500, hsCode: '851310' })).id;
  p2 = (await c.call('products.create', { sku: 'P2', name: 'Carabiner', weightG: 250, hsCode: '732690' })).id;
  receipts = [
    await received(usd, '2026-11-10', [
      { productId: p1, qty: 10, unitPrice: '20.00' },
      { productId: p2, qty: 20, unitPrice: '5.00' },
    ]),
    await received(usd, '2026-11-18', [{ productId: p1, qty: 10, unitPrice: '22.00' }]),
  ];
  await c.call('stock.adjust', { productId: p1, locationId: home, qty: -15, reason: 'sample', occurredAt: '2026-11-19' });
});
afterEach(() => t.close());

async function draft() {
  const c = t.client;
  const doc = await c.call('landed.create', { receiptIds: receipts, docDate: '2026-11-20', customs: { dutyBasis: 'CIF', vatRate: '0.13', vatRecoverable: true } });
  const [l1, l2, l3] = doc.lines;
  return c.call('landed.update', {
    id: doc.id,
    charges: [
      { kind: 'freight', label: 'Air freight', amount: '60.00', currency: 'USD', split: 'weight', inCustomsValue: true, supplierId: usd },
      { kind: 'brokerage', label: 'Entry and handling', amount: '3000', currency: 'JPY', split: 'quantity', inCustomsValue: false, supplierId: broker, reference: 'NCB-2211' },
    ],
    lines: [
      { receiptLineId: l1!.receiptLineId, dutyRate: '0.10' },
      { receiptLineId: l2!.receiptLineId, dutyRate: '0.05' },
      { receiptLineId: l3!.receiptLineId, dutyRate: '0.10' },
    ],
  });
}

const balance = async (productId: string) => (await t.client.call('stock.balances', { productId })).rows[0]!;

describe('landed-cost documents', () => {
  it('previews a draft over two receipts with charges in two currencies, each at its own rate', async () => {
    const doc = await draft();
    expect(doc.status).toBe('draft');
    expect(doc.receiptNumbers).toEqual(['GR-000001', 'GR-000002']);
    expect(doc.charges.map((c) => [c.kind, c.amount, c.currency, c.fxRate, c.fxDay])).toEqual([
      ['freight', 6000, 'USD', '7.2', '2026-11-15'],
      ['brokerage', 3000, 'JPY', '0.05', '2026-11-01'],
    ]);
    expect(doc.issues).toEqual([]);
    const r = doc.result!;
    expect(r.lines.map((l) => [l.goods, Object.values(l.charges), l.dutiableValue, l.duty, l.vat, l.landedTotal])).toEqual([
      [142000, [14400, 3750], 156400, 15640, 22365, 142000 + 14400 + 3750 + 15640],
      [71000, [14400, 7500], 85400, 4270, 11657, 71000 + 14400 + 7500 + 4270],
      [158400, [14400, 3750], 172800, 17280, 24710, 158400 + 14400 + 3750 + 17280],
    ]);
    expect(r.totals).toMatchObject({ goods: 371400, charges: 58200, duty: 37190, vat: 58732, recoverableVat: 58732 });
    expect(doc.lines.map((l) => [l.sku, l.quantity, l.unitWeightKg, l.rateSource])).toEqual([
      ['P1', 10, '0.500', 'line'],
      ['P2', 20, '0.250', 'line'],
      ['P1', 10, '0.500', 'line'],
    ]);
  });

  it('posting capitalises only the share still on hand; the rest is cost of goods sold', async () => {
    const doc = await draft();
    const posted = await t.client.call('landed.post', { id: doc.id });
    expect(posted).toMatchObject({ status: 'posted', extra: 95390, capitalised: 43475, expensed: 51915 });
    // P1: 5 of its 20 units on hand, P2: all 20 — counted when posted, kept on the document
    expect(posted).toMatchObject({ units: 40, unitsOnHand: 25 });
    expect(posted.lines.map((l) => [l.sku, l.capitalised, l.expensed])).toEqual([
      ['P1', 8448, 33790 - 8448],
      ['P2', 26170, 0],
      ['P1', 8857, 35430 - 8857],
    ]);
    expect(await balance(p1)).toMatchObject({ onHand: 5, value: 75100 + 17305, avgCostE4: 184810000 });
    expect(await balance(p2)).toMatchObject({ onHand: 20, value: 71000 + 26170 });
    const moves = (await t.client.call('stock.movements', { kind: 'revaluation' })).rows;
    expect(moves.map((m) => [m.sku, m.qty, m.value, m.docType]).sort()).toEqual([
      ['P1', 0, 17305, 'landed_cost'],
      ['P2', 0, 26170, 'landed_cost'],
    ]);
    // the exact input and result are kept: the same numbers come back after a restart
    t.reopen();
    const again = await t.client.call('landed.get', { id: doc.id });
    expect(again.result).toEqual(posted.result);
    expect((await t.client.call('stock.check')).ok).toBe(true);
    // a posted document is history
    expect((await reject(t.client.call('landed.update', { id: doc.id, notes: 'late edit' }))).code).toBe('conflict');
  });

  it('a receipt under posted landed cost cannot be reversed until the landed cost is', async () => {
    const doc = await draft();
    await t.client.call('landed.post', { id: doc.id });
    const e = await reject(t.client.call('purchasing.reverseReceipt', { id: receipts[1]! }));
    expect(e.message).toMatch(/LC-000001: reverse that first/);
    const correction = await t.client.call('landed.reverse', { id: doc.id, note: 'wrong freight invoice' });
    expect(correction).toMatchObject({ number: 'LC-000002', status: 'posted', reversesNumber: 'LC-000001', extra: -95390, capitalised: -43475, expensed: -51915 });
    expect(await balance(p1)).toMatchObject({ onHand: 5, value: 75100 });
    expect(await balance(p2)).toMatchObject({ onHand: 20, value: 71000 });
    expect((await t.client.call('landed.get', { id: doc.id })).reversedByNumber).toBe('LC-000002');
    expect((await reject(t.client.call('landed.reverse', { id: doc.id }))).code).toBe('conflict');
    // no longer held by the landed cost; only the stock itself must be there to go back out
    expect((await reject(t.client.call('purchasing.reverseReceipt', { id: receipts[1]! }))).code).toBe('insufficient_stock');
    await t.client.call('stock.adjust', { productId: p1, locationId: home, qty: 5, unitCost: '150.20', reason: 'found' });
    expect(await t.client.call('purchasing.reverseReceipt', { id: receipts[1]! })).toMatchObject({ reversed: true });
    expect((await t.client.call('stock.check')).ok).toBe(true);
  });

  it('takes back no more than the stock still holds when more was sold after posting', async () => {
    const doc = await draft();
    await t.client.call('landed.post', { id: doc.id });
    await t.client.call('stock.adjust', { productId: p2, locationId: home, qty: -15, reason: 'sample' });
    const correction = await t.client.call('landed.reverse', { id: doc.id });
    // P2: 5 of 20 left → a quarter of its 261.70 comes back out of stock (65.43), the rest off COGS
    expect(correction.lines.map((l) => l.capitalised)).toEqual([-8448, -6543, -8857]);
    expect(correction).toMatchObject({ units: 40, unitsOnHand: 10 });
    expect((await t.client.call('stock.check')).ok).toBe(true);
  });

  it('explains what stops a draft, and refuses to post it (nothing written)', async () => {
    const doc = await t.client.call('landed.create', { receiptIds: [receipts[0]!], docDate: '2026-11-20' });
    const bad = await t.client.call('landed.update', {
      id: doc.id,
      charges: [{ kind: 'freight', amount: '10.00', currency: 'CNY', split: 'manual', manual: { [doc.lines[0]!.receiptLineId]: '4.00' } }],
    });
    expect(bad.result).toBeNull();
    expect(bad.issues).toEqual([{ field: 'charges.0.split.manual', message: expect.stringMatching(/add up to 4.00 CNY, not the charge's 10.00 CNY/) }]);
    const e = await reject(t.client.call('landed.post', { id: doc.id }));
    expect(e.code).toBe('invalid_input');
    expect(e.details?.field).toBe('charges.0.split.manual');
    expect((await t.client.call('landed.get', { id: doc.id })).status).toBe('draft');
    expect((await t.client.call('stock.movements', { kind: 'revaluation' })).rows).toEqual([]);
  });

  it('names the field when a charge has no exchange rate, and a receipt that does not exist', async () => {
    const doc = await t.client.call('landed.create', { receiptIds: [receipts[0]!], docDate: '2026-11-20' });
    const e = await reject(t.client.call('landed.update', { id: doc.id, charges: [{ kind: 'bank', amount: '25.00', currency: 'GBP', split: 'value' }] }));
    expect(e.details?.field).toBe('charges.0.fxRate');
    expect(e.message).toMatch(/No GBP→CNY rate/);
    const withRate = await t.client.call('landed.update', { id: doc.id, charges: [{ kind: 'bank', amount: '25.00', currency: 'GBP', fxRate: '9.5', split: 'value', inCustomsValue: false }] });
    expect(withRate.charges[0]).toMatchObject({ fxRate: '9.5', fxSource: 'entered' });
    expect(withRate.result!.totals.charges).toBe(23750);
    const missing = await reject(t.client.call('landed.create', { receiptIds: ['0192f0e0-0000-7000-8000-000000000000'] }));
    expect(missing).toMatchObject({ code: 'not_found', details: { field: 'receiptIds' } });
  });

  it('takes duty rates from the product for the profile, then from the profile tariff', async () => {
    const c = t.client;
    await c.call('landed.setProductRate', { productId: p1, profileCode: 'CN', dutyRate: '0.08' });
    const profiles = await c.call('landed.profiles');
    const cn = profiles.find((p) => p.code === 'CN' && p.validTo === null)!;
    await c.call('landed.saveProfile', { ...cn, tariff: [{ hs: '7326', dutyRate: '0.03' }] });
    expect((await c.call('landed.profiles')).find((p) => p.code === 'CN' && p.validFrom === cn.validFrom)!.origin).toBe('edited');
    const doc = await c.call('landed.create', { receiptIds: [receipts[0]!], docDate: '2026-11-20', customs: { profile: 'CN' } });
    expect(doc.lines.map((l) => [l.sku, l.dutyRate, l.rateSource])).toEqual([
      ['P1', '0.08', 'product'],
      ['P2', '0.03', 'tariff'],
    ]);
    await c.call('landed.deleteProfile', { code: 'CN', validFrom: cn.validFrom });
    expect((await c.call('landed.profiles')).find((p) => p.code === 'CN' && p.validFrom === cn.validFrom)!.origin).toBe('shipped');
  });
});

describe('the calculator', () => {
  it('saves a what-if and turns it into a draft purchase order at its prices', async () => {
    const c = t.client;
    const input = {
      currency: 'CNY',
      date: '2026-11-20',
      rates: { USD: '7.2' },
      lines: [{ id: 'a', productId: p1, name: 'Trail lantern', quantity: 50, unitPrice: '19.50', currency: 'USD', dutyRate: '0.1' }],
      charges: [{ id: 'f', kind: 'freight' as const, amount: '80.00', currency: 'USD', split: 'value' as const }],
      customs: { dutyBasis: 'CIF' as const, vatRate: '0.13' },
    };
    const result = await c.call('landed.calculate', { input });
    // 50 × 19.50 = 975 USD → 7,020.00; freight 576.00; duty 759.60; VAT 13% of 8,355.60 = 1,086.23
    expect(result.totals).toMatchObject({ goods: 702000, charges: 57600, duty: 75960, vat: 108623, landedTotal: 944183 });
    expect(result.lines[0]!.landedUnitCost).toBe(18884);
    const saved = await c.call('landed.saveCalculation', { name: 'Lanterns for spring', input });
    expect((await c.call('landed.calculations')).map((x) => [x.name, x.lines, x.currency])).toEqual([['Lanterns for spring', 1, 'CNY']]);
    expect((await c.call('landed.calculation', { id: saved.id })).input).toEqual(input);
    const po = await c.call('landed.calculationToPo', { id: saved.id, supplierId: usd });
    expect(po.order).toMatchObject({ status: 'draft', currency: 'USD' });
    expect(po.lines.map((l) => [l.productId, l.qtyOrdered, l.unitPrice])).toEqual([[p1, 50, 1950]]);
    const wrongCurrency = await reject(c.call('landed.calculationToPo', { id: saved.id, supplierId: broker }));
    expect(wrongCurrency.details?.field).toBe('lines.0.currency');
    await c.call('landed.deleteCalculation', { id: saved.id });
    expect(await c.call('landed.calculations')).toEqual([]);
  });

  it('reports engine errors with the field path of the input', async () => {
    const e = await reject(
      t.client.call('landed.calculate', {
        input: { currency: 'CNY', lines: [{ id: 'a', quantity: -2, unitPrice: '1.00', currency: 'GBP' }], charges: [{ id: 'f', amount: '5.00', currency: 'CNY', split: 'weight' }] },
      }),
    );
    expect(e.code).toBe('invalid_input');
    expect(e.details?.issues).toEqual(
      expect.arrayContaining([
        { field: 'input.lines.0.quantity', message: 'must be a positive integer' },
        { field: 'input.lines.0.currency', message: expect.stringMatching(/no exchange rate for GBP/) },
      ]),
    );
  });

  it('refuses a profile on a day outside its dates', async () => {
    const e = await reject(
      t.client.call('landed.calculate', { input: { currency: 'EUR', date: '2020-01-01', lines: [{ id: 'a', quantity: 1, unitPrice: '10.00', currency: 'EUR' }], customs: { profile: 'EU-DE' } } }),
    );
    expect(e.details?.field).toBe('input.customs.profile');
  });
});
