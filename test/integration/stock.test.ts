import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../main/common/api/errors';
import { tempApp, type TempApp } from '../helpers/temp-app';

let t: TempApp;
let home: string;
let tokyo: string;
let product: string;

beforeEach(async () => {
  t = tempApp();
  home = (await t.client.call('locations.create', { code: 'HOME', name: 'Home', kind: 'own', country: 'CN' })).id;
  tokyo = (await t.client.call('locations.create', { code: 'TYO', name: 'Tokyo', kind: 'overseas', country: 'JP' })).id;
  product = (await t.client.call('products.create', { sku: 'SUN-1', name: 'Sunscreen' })).id;
});
afterEach(() => t.close());

const reject = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a rejection'); }, (e: ApiError) => e);

describe('adjustments and moving average on a real SQLite file', () => {
  it('4 @ 100 then 8 @ 200 → average 166.67, value 2000.00; an issue keeps the average', async () => {
    await t.client.call('stock.adjust', { productId: product, locationId: home, qty: 4, unitCost: '100', reason: 'opening' });
    await t.client.call('stock.adjust', { productId: product, locationId: home, qty: 8, unitCost: '200.00', reason: 'received' });
    let [b] = (await t.client.call('stock.balances', { productId: product })).rows;
    expect(b).toMatchObject({ onHand: 12, value: 200000, avgCostE4: 166666667 });
    const out = await t.client.call('stock.adjust', { productId: product, locationId: home, qty: -3, reason: 'damaged' });
    expect(out.movements[0]).toMatchObject({ qty: -3, value: -50000, qtyAfter: 9, actor: 'tester', reason: 'damaged' });
    [b] = (await t.client.call('stock.balances', { productId: product })).rows;
    expect(b).toMatchObject({ onHand: 9, value: 150000, avgCostE4: 166666667 });
  });

  it('unit costs take up to 4 decimals beyond the minor unit', async () => {
    await t.client.call('stock.adjust', { productId: product, locationId: home, qty: 8, unitCost: '0.125', reason: 'opening' });
    const [b] = (await t.client.call('stock.balances', { productId: product })).rows;
    expect(b).toMatchObject({ value: 100, avgCostE4: 125000 });
    const e = await reject(t.client.call('stock.adjust', { productId: product, locationId: home, qty: 1, unitCost: '0.1234567', reason: 'opening' }));
    expect(e.details?.field).toBe('unitCost');
  });

  it('refuses taking more than is on hand, naming the field, and writes nothing', async () => {
    await t.client.call('stock.adjust', { productId: product, locationId: home, qty: 2, unitCost: '1', reason: 'opening' });
    const e = await reject(t.client.call('stock.adjust', { productId: product, locationId: home, qty: -3, reason: 'lost' }));
    expect(e.code).toBe('insufficient_stock');
    expect(e.details?.field).toBe('qty');
    expect((await t.client.call('stock.movements', {})).total).toBe(1);
  });

  it('allows negative stock only where the location allows it', async () => {
    await t.client.call('locations.update', { id: home, allowNegative: true });
    await t.client.call('stock.adjust', { productId: product, locationId: home, qty: -2, reason: 'correction' });
    const [b] = (await t.client.call('stock.balances', { productId: product })).rows;
    expect(b!.onHand).toBe(-2);
  });
});

describe('back-dated movements', () => {
  it('refuses a back-dated issue that would make a later balance negative', async () => {
    // 10 in on 1 Oct, 8 out on 10 Oct: an issue of 3 dated 5 Oct leaves 10-3=7 then 7-8=-1 on 10 Oct.
    await t.client.call('stock.adjust', { productId: product, locationId: home, qty: 10, unitCost: '5', reason: 'opening', occurredAt: '2026-10-01' });
    await t.client.call('stock.adjust', { productId: product, locationId: home, qty: -8, reason: 'sample', occurredAt: '2026-10-10' });
    const e = await reject(t.client.call('stock.adjust', { productId: product, locationId: home, qty: -3, reason: 'lost', occurredAt: '2026-10-05' }));
    expect(e.code).toBe('insufficient_stock');
    expect(e.message).toMatch(/later balance at -1/);
    expect(e.details?.field).toBe('qty');
    // 2 dated 5 Oct is fine: 10-2=8, then 8-8=0
    await t.client.call('stock.adjust', { productId: product, locationId: home, qty: -2, reason: 'lost', occurredAt: '2026-10-05' });
    const [b] = (await t.client.call('stock.balances', { productId: product, nonZero: false })).rows;
    expect(b!.onHand).toBe(0);
    expect((await t.client.call('stock.check')).ok).toBe(true);
  });

  it('refuses an issue dated before the stock arrived', async () => {
    await t.client.call('stock.adjust', { productId: product, locationId: home, qty: 5, unitCost: '5', reason: 'opening', occurredAt: '2026-10-10' });
    const e = await reject(t.client.call('stock.adjust', { productId: product, locationId: home, qty: -1, reason: 'lost', occurredAt: '2026-10-01' }));
    expect(e.code).toBe('insufficient_stock');
  });

  it('refuses dates in the future', async () => {
    const e = await reject(t.client.call('stock.adjust', { productId: product, locationId: home, qty: 1, reason: 'opening', occurredAt: '2999-01-01' }));
    expect(e.details?.field).toBe('occurredAt');
  });
});

describe('transfers', () => {
  it('moves quantity and value in one transaction of two movements', async () => {
    await t.client.call('stock.adjust', { productId: product, locationId: tokyo, qty: 10, unitCost: '30', reason: 'opening' });
    const r = await t.client.call('stock.transfer', { productId: product, fromLocationId: tokyo, toLocationId: home, qty: 4, note: 'EMS' });
    expect(r.movements.map((m) => [m.kind, m.qty, m.value, m.docId])).toEqual([
      ['transfer_out', -4, -12000, r.docId],
      ['transfer_in', 4, 12000, r.docId],
    ]);
    const rows = (await t.client.call('stock.balances', { productId: product })).rows;
    expect(rows.map((b) => [b.locationCode, b.onHand, b.value])).toEqual([
      ['HOME', 4, 12000],
      ['TYO', 6, 18000],
    ]);
  });

  it('a transfer of more than is on hand writes neither movement', async () => {
    await t.client.call('stock.adjust', { productId: product, locationId: tokyo, qty: 1, unitCost: '30', reason: 'opening' });
    const e = await reject(t.client.call('stock.transfer', { productId: product, fromLocationId: tokyo, toLocationId: home, qty: 2 }));
    expect(e.code).toBe('insufficient_stock');
    expect((await t.client.call('stock.movements', {})).total).toBe(1);
  });

  it('refuses the same location on both ends, naming toLocationId', async () => {
    const e = await reject(t.client.call('stock.transfer', { productId: product, fromLocationId: home, toLocationId: home, qty: 1 }));
    expect(e.details?.field).toBe('toLocationId');
  });
});

describe('the ledger is append-only and tamper-evident', () => {
  it('refuses UPDATE and DELETE of movements at the database level', async () => {
    await t.client.call('stock.adjust', { productId: product, locationId: home, qty: 1, unitCost: '1', reason: 'opening' });
    expect(() => t.app.db.prepare('UPDATE movements SET qty = 5').run()).toThrow(/append-only/);
    expect(() => t.app.db.prepare('DELETE FROM movements').run()).toThrow(/append-only/);
  });

  it('stock.check names the first broken link after a row is edited behind the app’s back', async () => {
    for (let i = 0; i < 4; i++) await t.client.call('stock.adjust', { productId: product, locationId: home, qty: 1, unitCost: '1', reason: 'opening' });
    expect(await t.client.call('stock.check')).toMatchObject({ ok: true, movements: 4 });
    const raw = new Database(t.file);
    raw.exec('DROP TRIGGER movements_no_update');
    raw.prepare('UPDATE movements SET qty = 50 WHERE seq = 3').run();
    raw.close();
    t.reopen();
    const report = await t.client.call('stock.check');
    expect(report.ok).toBe(false);
    expect(report.chain).toMatchObject({ ok: false, firstBrokenSeq: 3 });
    expect(report.chain.message).toMatch(/changed after it was posted/);
    expect(report.balances.mismatches.some((m) => m.field === 'onHand')).toBe(true);
  });

  it('balances rebuilt from the ledger match after a busy mixed history', async () => {
    let seed = 3;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const locs = [home, tokyo];
    const docs: string[] = [];
    for (let i = 0; i < 300; i++) {
      const loc = locs[Math.floor(rand() * 2)]!;
      const r = rand();
      try {
        if (r < 0.35) docs.push((await t.client.call('stock.adjust', { productId: product, locationId: loc, qty: 1 + Math.floor(rand() * 20), unitCost: (rand() * 100).toFixed(2), reason: 'received' })).docId);
        else if (r < 0.6) docs.push((await t.client.call('stock.adjust', { productId: product, locationId: loc, qty: -(1 + Math.floor(rand() * 5)), reason: 'sample' })).docId);
        else if (r < 0.85) docs.push((await t.client.call('stock.transfer', { productId: product, fromLocationId: loc, toLocationId: locs.find((l) => l !== loc)!, qty: 1 + Math.floor(rand() * 5) })).docId);
        else if (docs.length) await t.client.call('stock.reverse', { docId: docs[Math.floor(rand() * docs.length)]! });
      } catch (e) {
        expect(['insufficient_stock', 'conflict']).toContain((e as ApiError).code);
      }
    }
    expect((await t.client.call('stock.movements', { limit: 1000 })).rows.some((m) => m.docType === 'reversal')).toBe(true);
    const report = await t.client.call('stock.check');
    expect(report.movements).toBeGreaterThan(200);
    expect(report).toMatchObject({ ok: true, chain: { ok: true }, balances: { ok: true, mismatches: [] } });
  });
});

describe('events are emitted after commit only', () => {
  it('a refused write emits nothing; a successful one emits stock.changed', async () => {
    const seen: unknown[] = [];
    t.client.on('stock.changed', (p) => seen.push(p));
    await reject(t.client.call('stock.adjust', { productId: product, locationId: home, qty: -1, reason: 'lost' }));
    expect(seen).toEqual([]);
    await t.client.call('stock.adjust', { productId: product, locationId: home, qty: 1, unitCost: '1', reason: 'opening' });
    expect(seen).toEqual([{ productIds: [product], locationIds: [home] }]);
  });
});

describe('reversing a mistake', () => {
  it('undoes an adjustment: a receipt goes back out at the average, an issue comes back at its value', async () => {
    await t.client.call('stock.adjust', { productId: product, locationId: home, qty: 10, unitCost: '3', reason: 'opening' });
    const typo = await t.client.call('stock.adjust', { productId: product, locationId: home, qty: 100, unitCost: '3', reason: 'received' });
    const r = await t.client.call('stock.reverse', { docId: typo.docId, note: 'typed 100 for 10' });
    expect(r.movements).toHaveLength(1);
    expect(r.movements[0]).toMatchObject({ qty: -100, value: -30000, reason: 'correction', docType: 'reversal', docId: typo.docId });
    expect(r.movements[0]!.note).toMatch(/reverses adjustment of .*: typed 100 for 10/);
    const issue = await t.client.call('stock.adjust', { productId: product, locationId: home, qty: -4, reason: 'damaged' });
    await t.client.call('stock.reverse', { docId: issue.docId });
    const [b] = (await t.client.call('stock.balances', { productId: product })).rows;
    expect(b).toMatchObject({ onHand: 10, value: 3000, avgCostE4: 3000000 });
    expect((await t.client.call('stock.check')).ok).toBe(true);
  });

  it('undoes a transfer the way it came, and only once', async () => {
    await t.client.call('stock.adjust', { productId: product, locationId: tokyo, qty: 10, unitCost: '7', reason: 'opening' });
    const tr = await t.client.call('stock.transfer', { productId: product, fromLocationId: tokyo, toLocationId: home, qty: 4 });
    const r = await t.client.call('stock.reverse', { docId: tr.docId });
    expect(r.movements.map((m) => [m.locationCode, m.kind, m.qty, m.value])).toEqual([
      ['HOME', 'transfer_out', -4, -2800],
      ['TYO', 'transfer_in', 4, 2800],
    ]);
    const again = await reject(t.client.call('stock.reverse', { docId: tr.docId }));
    expect(again).toMatchObject({ code: 'conflict', details: { field: 'docId' } });
    const rows = (await t.client.call('stock.balances', { productId: product })).rows;
    expect(rows.map((b) => [b.locationCode, b.onHand, b.value])).toEqual([['TYO', 10, 7000]]);
  });

  it('refuses to reverse what has already left, or an unknown document, writing nothing', async () => {
    const rec = await t.client.call('stock.adjust', { productId: product, locationId: home, qty: 5, unitCost: '1', reason: 'opening' });
    await t.client.call('stock.adjust', { productId: product, locationId: home, qty: -3, reason: 'sample' });
    const e = await reject(t.client.call('stock.reverse', { docId: rec.docId }));
    expect(e).toMatchObject({ code: 'insufficient_stock', details: { field: 'docId' } });
    const unknown = await reject(t.client.call('stock.reverse', { docId: '01890000-0000-7000-8000-000000000000' }));
    expect(unknown.code).toBe('not_found');
    expect((await t.client.call('stock.movements', {})).total).toBe(2);
  });
});
