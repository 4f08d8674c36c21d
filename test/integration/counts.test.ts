// Stock counts on a real SQLite file. The clock is moved by the test, so a count can be opened,
// stock can move, and the count can go on afterwards. Base currency USD.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { balance as balanceAt, rejection } from '../helpers/api';
import { pdfText } from '../helpers/pdf-text';
import { tempApp, type TempApp } from '../helpers/temp-app';

let now = new Date('2026-11-24T09:00:00Z');
let t: TempApp;
let home: string;
let tokyo: string;
const ids: Record<string, string> = {};

const at = (iso: string) => {
  now = new Date(iso);
};
const balance = (sku: string, locationId = home) => balanceAt(t.client, ids[sku]!, locationId);

beforeEach(async () => {
  now = new Date('2026-11-24T09:00:00Z');
  t = tempApp({ clock: () => now });
  const c = t.client;
  await c.call('settings.update', { baseCurrency: 'USD' });
  home = (await c.call('locations.create', { code: 'HOME', name: 'Home', kind: 'own' })).id;
  tokyo = (await c.call('locations.create', { code: 'TYO', name: 'Tokyo', kind: 'overseas' })).id;
  const products: [string, string, string | null, number, string][] = [
    ['MASK-01', 'Sheet mask', '4901234567894', 40, '1.50'],
    ['SERUM-02', 'Vitamin C serum', '4006381333931', 12, '8.00'],
    ['LIP-03', 'Lip balm', null, 30, '2.00'],
    ['SUN-04', 'Sunscreen', '9780201379624', 6, '6.40'],
  ];
  for (const [sku, name, barcode, qty, cost] of products) {
    ids[sku] = (await c.call('products.create', { sku, name, barcode, category: sku === 'SUN-04' ? 'Sun care' : 'Skin care' })).id;
    await c.call('stock.adjust', { productId: ids[sku]!, locationId: home, qty, unitCost: cost, reason: 'opening', occurredAt: '2026-11-01' });
  }
});
afterEach(() => t.close());

describe('a full count with movements while it is open', () => {
  it('compares each line with the book at the moment it was counted, so what moved meanwhile is kept', async () => {
    const c = t.client;
    const opened = await c.call('counts.create', { locationId: home, scope: 'full' });
    expect(opened.count.number).toBe('CNT-000001');
    expect(opened.lines.map((l) => [l.sku, l.expected])).toEqual([
      ['LIP-03', 30],
      ['MASK-01', 40],
      ['SERUM-02', 12],
      ['SUN-04', 6],
    ]);

    // 09:10 — three masks are sold before anyone reaches the shelf
    at('2026-11-24T09:10:00Z');
    const order = await c.call('sales.create', { locationId: home, lines: [{ productId: ids['MASK-01']!, qty: 3, unitPrice: '4.00' }], confirm: true });
    await c.call('sales.ship', { id: order.order.id, parcel: null });

    // 09:20 — the masks are counted: 36 (one is missing: the book says 37)
    at('2026-11-24T09:20:00Z');
    for (let i = 0; i < 30; i++) await c.call('counts.scan', { id: opened.count.id, code: '4901234567894' });
    const typed = await c.call('counts.scan', { id: opened.count.id, code: 'mask-01', qty: 6 });
    expect(typed.via).toBe('sku');
    expect(typed.line).toMatchObject({ counted: 36, book: 37, difference: -1, expected: 40 });

    // 09:30 — after counting, two more masks leave and two serums come in: both are kept
    at('2026-11-24T09:30:00Z');
    await c.call('stock.adjust', { productId: ids['MASK-01']!, locationId: home, qty: -2, reason: 'damaged', occurredAt: '2026-11-24T09:30:00Z' });
    await c.call('stock.adjust', { productId: ids['SERUM-02']!, locationId: home, qty: 2, unitCost: '8.00', reason: 'received', occurredAt: '2026-11-24T09:30:00Z' });

    // 09:40 — serums counted (14 = 12 + the 2 that arrived), sunscreen 8 (two found)
    at('2026-11-24T09:40:00Z');
    await c.call('counts.setCounted', { id: opened.count.id, productId: ids['SERUM-02']!, counted: 14 });
    await c.call('counts.setCounted', { id: opened.count.id, productId: ids['SUN-04']!, counted: 8 });

    const review = await c.call('counts.get', { id: opened.count.id });
    const line = (sku: string) => review.lines.find((l) => l.sku === sku)!;
    expect(line('MASK-01')).toMatchObject({ counted: 36, book: 37, difference: -1, value: -150, movedSince: -2 });
    expect(line('SERUM-02')).toMatchObject({ counted: 14, book: 14, difference: 0, value: 0 });
    expect(line('SUN-04')).toMatchObject({ counted: 8, book: 6, difference: 2, value: 1280 });
    expect(line('LIP-03')).toMatchObject({ counted: null, book: 30, difference: null });
    expect(review.totals).toMatchObject({ lines: 4, counted: 3, uncounted: 1, differences: 2, unitsUp: 2, unitsDown: 1, value: 1130 });

    at('2026-11-24T10:00:00Z');
    const posted = await c.call('counts.post', { id: opened.count.id });
    expect(posted).toMatchObject({ movements: 2, unitsUp: 2, unitsDown: 1, value: 1130, currency: 'USD' });
    expect(posted.count.status).toBe('posted');
    // 40 − 3 sold − 1 missing − 2 damaged after counting
    expect(await balance('MASK-01')).toEqual({ onHand: 34, value: 34 * 150 });
    expect(await balance('SERUM-02')).toEqual({ onHand: 14, value: 14 * 800 });
    expect(await balance('SUN-04')).toEqual({ onHand: 8, value: 8 * 640 });
    // uncounted lines are left as they were
    expect(await balance('LIP-03')).toEqual({ onHand: 30, value: 6000 });

    const moves = await c.call('stock.movements', { productId: ids['MASK-01']!, limit: 10 });
    const countMove = moves.rows.find((m) => m.kind === 'count')!;
    expect(countMove).toMatchObject({ qty: -1, value: -150, reason: 'count', docType: 'count', docId: opened.count.id });
    expect(countMove.note).toContain('CNT-000001: counted 36, book 37');
    expect((await c.call('stock.check', {})).ok).toBe(true);

    // posted twice: refused, nothing posted again
    const again = await rejection(c.call('counts.post', { id: opened.count.id }));
    expect(again.code).toBe('conflict');
    expect(again.message).toMatch(/CNT-000001 was posted on 2026-11-24/);
    expect(await balance('MASK-01')).toEqual({ onHand: 34, value: 34 * 150 });
    // the posted count keeps its record
    const kept = await c.call('counts.get', { id: opened.count.id });
    expect(kept.lines.find((l) => l.sku === 'MASK-01')).toMatchObject({ counted: 36, book: 37, difference: -1, value: -150 });
    expect(kept.lines.find((l) => l.sku === 'LIP-03')).toMatchObject({ counted: null, difference: null });
  });

  it('takes uncounted lines as none found only when asked, and refuses a second open count at the location', async () => {
    const c = t.client;
    const opened = await c.call('counts.create', { locationId: home, scope: 'full' });
    const second = await rejection(c.call('counts.create', { locationId: home, scope: 'full' }));
    expect(second.details?.field).toBe('locationId');
    expect(second.message).toMatch(/CNT-000001 is still open at HOME/);
    await c.call('counts.setCounted', { id: opened.count.id, productId: ids['MASK-01']!, counted: 40 });
    const posted = await c.call('counts.post', { id: opened.count.id, uncounted: 'zero' });
    expect(posted).toMatchObject({ movements: 3, unitsDown: 30 + 12 + 6, unitsUp: 0 });
    expect(await balance('LIP-03')).toEqual({ onHand: 0, value: 0 });
    // the location is free for the next count
    await c.call('counts.create', { locationId: home, scope: 'cycle', productIds: [ids['LIP-03']!] });
  });
});

describe('scanning', () => {
  it('adds a product found on the shelf, refuses an unknown code and asks which product a shared code means', async () => {
    const c = t.client;
    const cycle = await c.call('counts.create', { locationId: home, scope: 'cycle', category: 'Sun care' });
    expect(cycle.lines.map((l) => l.sku)).toEqual(['SUN-04']);

    // a product that was not on the list is added to it, its book shown
    const found = await c.call('counts.scan', { id: cycle.count.id, code: '4006381333931' });
    expect(found.line).toMatchObject({ sku: 'SERUM-02', added: true, counted: 1, expected: 12 });
    expect(found.progress).toEqual({ lines: 2, counted: 1, uncounted: 1, recounts: 0 });

    const unknown = await rejection(c.call('counts.scan', { id: cycle.count.id, code: '0000000000017' }));
    expect(unknown.code).toBe('not_found');
    expect(unknown.details).toMatchObject({ field: 'code', reason: 'unknown_code', code: '0000000000017' });
    // assigned to a product, the same code then counts it
    await c.call('products.update', { id: ids['LIP-03']!, barcode: '0000000000017' });
    expect((await c.call('counts.scan', { id: cycle.count.id, code: '0000000000017' })).line.sku).toBe('LIP-03');

    // one product's SKU is another's barcode: the scan names both and counts neither
    const odd = (await c.call('products.create', { sku: '9780201379624', name: 'Odd SKU' })).id;
    const ambiguous = await rejection(c.call('counts.scan', { id: cycle.count.id, code: '9780201379624' }));
    expect(ambiguous.code).toBe('conflict');
    expect(ambiguous.details?.reason).toBe('ambiguous');
    expect((ambiguous.details?.matches as { sku: string; via: string }[]).map((m) => [m.sku, m.via]).sort()).toEqual([
      ['9780201379624', 'sku'],
      ['SUN-04', 'barcode'],
    ]);
    const before = await c.call('counts.get', { id: cycle.count.id });
    expect(before.lines.find((l) => l.sku === 'SUN-04')!.counted).toBeNull();
    // choosing one counts it
    const chosen = await c.call('counts.scan', { id: cycle.count.id, code: '9780201379624', productId: ids['SUN-04']! });
    expect(chosen).toMatchObject({ via: 'product', line: { sku: 'SUN-04', counted: 1 } });
    expect(odd).toBeTruthy();
  });

  it('finds a product by its supplier SKU', async () => {
    const c = t.client;
    const supplier = (await c.call('suppliers.create', { name: 'Osaka Wholesale', currency: 'JPY' })).id;
    await c.call('suppliers.saveProduct', { supplierId: supplier, productId: ids['LIP-03']!, supplierSku: 'OW-77812', unitPrice: '180' });
    const count = await c.call('counts.create', { locationId: home, scope: 'full' });
    const r = await c.call('counts.scan', { id: count.count.id, code: 'ow-77812' });
    expect(r).toMatchObject({ via: 'supplier_sku', line: { sku: 'LIP-03', counted: 1 } });
  });

  it('refuses a quantity that is not a whole number, or one that takes a count below zero', async () => {
    const c = t.client;
    const count = await c.call('counts.create', { locationId: home, scope: 'full' });
    const half = await rejection(c.call('counts.setCounted', { id: count.count.id, productId: ids['MASK-01']!, counted: 2.5 }));
    expect(half.details?.field).toBe('counted');
    expect(half.message).toMatch(/whole number/);
    const negative = await rejection(c.call('counts.setCounted', { id: count.count.id, productId: ids['MASK-01']!, counted: -1 }));
    expect(negative.details?.field).toBe('counted');
    const below = await rejection(c.call('counts.scan', { id: count.count.id, code: 'MASK-01', qty: -1 }));
    expect(below.details?.field).toBe('qty');
    const detail = await c.call('counts.get', { id: count.count.id });
    expect(detail.totals.counted).toBe(0);
  });
});

describe('blind counts and recounts', () => {
  it('withholds the book while counting, sends differences beyond the threshold back, and posts the recount', async () => {
    const c = t.client;
    const count = await c.call('counts.create', { locationId: home, scope: 'full', blind: true, recountUnits: 2, recountPercent: 10 });
    expect(count.withheld).toBe(true);
    expect(count.lines.every((l) => l.expected === null && l.book === null)).toBe(true);
    const scanned = await c.call('counts.scan', { id: count.count.id, code: 'MASK-01', qty: 30 });
    expect(scanned.line).toMatchObject({ counted: 30, expected: null, difference: null });
    await c.call('counts.setCounted', { id: count.count.id, productId: ids['SERUM-02']!, counted: 11 }); // −1 of 12: within both
    await c.call('counts.setCounted', { id: count.count.id, productId: ids['LIP-03']!, counted: 28 }); // −2 of 30: within both
    await c.call('counts.setCounted', { id: count.count.id, productId: ids['SUN-04']!, counted: 5 }); // −1 of 6: beyond 10 %

    // posting first is refused: two lines differ beyond the threshold
    const early = await rejection(c.call('counts.post', { id: count.count.id }));
    expect(early.details?.reason).toBe('recount');
    expect(early.message).toMatch(/2 line\(s\).*beyond the recount threshold.*MASK-01, SUN-04/);

    const revealed = await c.call('counts.get', { id: count.count.id, reveal: true });
    expect(revealed.lines.find((l) => l.sku === 'MASK-01')).toMatchObject({ book: 40, difference: -10 });

    const sent = await c.call('counts.recount', { id: count.count.id });
    expect(sent.totals.recounts).toBe(2);
    expect(sent.lines.filter((l) => l.recount).map((l) => l.sku)).toEqual(['MASK-01', 'SUN-04']);
    expect(sent.lines.find((l) => l.sku === 'MASK-01')).toMatchObject({ counted: null, firstCount: null });
    const waiting = await rejection(c.call('counts.post', { id: count.count.id }));
    expect(waiting.message).toMatch(/wait for a recount: MASK-01, SUN-04/);

    await c.call('counts.scan', { id: count.count.id, code: '4901234567894', qty: 40 }); // the first count missed a box
    await c.call('counts.scan', { id: count.count.id, code: 'SUN-04', qty: 5 });
    const after = await c.call('counts.get', { id: count.count.id, reveal: true });
    expect(after.lines.find((l) => l.sku === 'MASK-01')).toMatchObject({ firstCount: 30, counted: 40, difference: 0, recount: false });
    expect(after.lines.find((l) => l.sku === 'SUN-04')).toMatchObject({ firstCount: 5, counted: 5, difference: -1 });

    const posted = await c.call('counts.post', { id: count.count.id });
    expect(posted).toMatchObject({ movements: 3, unitsDown: 1 + 2 + 1, unitsUp: 0, value: -(800 + 400 + 640) });
    expect(await balance('SUN-04')).toEqual({ onHand: 5, value: 5 * 640 });
  });

  it('a cancelled count posts nothing and frees the location', async () => {
    const c = t.client;
    const count = await c.call('counts.create', { locationId: home, scope: 'full' });
    await c.call('counts.setCounted', { id: count.count.id, productId: ids['MASK-01']!, counted: 1 });
    expect((await c.call('counts.cancel', { id: count.count.id })).status).toBe('cancelled');
    expect((await rejection(c.call('counts.post', { id: count.count.id }))).message).toMatch(/was cancelled/);
    expect(await balance('MASK-01')).toEqual({ onHand: 40, value: 6000 });
    expect((await c.call('counts.list', { status: 'cancelled' })).total).toBe(1);
  });
});

describe('ABC classification', () => {
  it('classes products by the cost of what they sold, and cycle-counts a class that is due', async () => {
    const c = t.client;
    // costs sold: SERUM 10 × 8.00 = 80.00, MASK 20 × 1.50 = 30.00, SUN 1 × 6.40 = 6.40, LIP nothing → total 116.40
    const sell = async (sku: string, qty: number) => {
      const o = await c.call('sales.create', { locationId: home, lines: [{ productId: ids[sku]!, qty, unitPrice: '10.00' }], confirm: true });
      await c.call('sales.ship', { id: o.order.id, parcel: null, at: '2026-11-20' });
    };
    await sell('SERUM-02', 10);
    await sell('MASK-01', 20);
    await sell('SUN-04', 1);

    const r = await c.call('counts.abc', { locationId: home });
    expect(r.total).toBe(11640);
    // SERUM takes 68.7 % (A); MASK starts at 68.7 % < 80 % so it is A too, reaching 94.5 %;
    // SUN starts at 94.5 % < 95 %: B; LIP sold nothing: C
    expect(r.rows.map((x) => [x.sku, x.class, x.value])).toEqual([
      ['SERUM-02', 'A', 8000],
      ['MASK-01', 'A', 3000],
      ['SUN-04', 'B', 640],
      ['LIP-03', 'C', 0],
    ]);
    expect(r.rows[1]!.cumulative).toBeCloseTo(11000 / 11640, 10);
    expect(r.classes).toEqual([
      { class: 'A', products: 2, value: 11000, due: 2, intervalDays: 30 },
      { class: 'B', products: 1, value: 640, due: 1, intervalDays: 91 },
      { class: 'C', products: 1, value: 0, due: 1, intervalDays: 365 },
    ]);
    // stricter shares move MASK to B
    const strict = await c.call('counts.abc', { aShare: 60, bShare: 90 });
    expect(strict.rows.map((x) => x.class)).toEqual(['A', 'B', 'C', 'C']);
    const bad = await rejection(c.call('counts.abc', { aShare: 90, bShare: 80 }));
    expect(bad.details?.field).toBe('bShare');

    // a cycle count of class A, counted and posted, is not due again for 30 days
    const a = await c.call('counts.create', { locationId: home, scope: 'cycle', classes: ['A'], dueOnly: true });
    expect(a.lines.map((l) => l.sku)).toEqual(['MASK-01', 'SERUM-02']);
    await c.call('counts.setCounted', { id: a.count.id, productId: ids['MASK-01']!, counted: 20 });
    await c.call('counts.setCounted', { id: a.count.id, productId: ids['SERUM-02']!, counted: 2 });
    await c.call('counts.post', { id: a.count.id });
    const later = await c.call('counts.abc', { locationId: home, class: 'A' });
    expect(later.rows.every((x) => !x.due && x.lastCounted?.startsWith('2026-11-24'))).toBe(true);
    const none = await rejection(c.call('counts.create', { locationId: home, scope: 'cycle', classes: ['A'], dueOnly: true }));
    expect(none.message).toMatch(/Nothing to count at HOME/);
    // 30 days on, class A is due again; elsewhere it was never counted
    at('2026-12-24T09:00:00Z');
    expect((await c.call('counts.abc', { locationId: home, class: 'A', dueOnly: true })).matched).toBe(2);
    expect((await c.call('counts.abc', { locationId: tokyo, class: 'A', dueOnly: true })).matched).toBe(2);
  });
});

describe('the count sheet', () => {
  it('lists the products with barcodes, the book unless blind, and Chinese names', async () => {
    const c = t.client;
    await c.call('products.update', { id: ids['MASK-01']!, localName: '面膜' });
    const count = await c.call('counts.create', { locationId: home, scope: 'full' });
    const sheet = await c.call('counts.sheet', { id: count.count.id });
    expect(sheet.fileName).toBe('count-CNT-000001.pdf');
    const text = (await pdfText(Buffer.from(sheet.base64, 'base64'))).join('\n');
    expect(text).toContain('STOCK COUNT CNT-000001');
    expect(text).toContain('4901234567894');
    expect(text).toContain('面膜');
    expect(text).toContain('Book');
    await c.call('counts.cancel', { id: count.count.id });

    const blind = await c.call('counts.create', { locationId: home, scope: 'full', blind: true });
    const blindText = (await pdfText(Buffer.from((await c.call('counts.sheet', { id: blind.count.id })).base64, 'base64'))).join('\n');
    expect(blindText).toContain('blind');
    expect(blindText).not.toContain('Book');
  });
});
