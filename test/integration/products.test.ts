import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../main/common/api/errors';
import { pdfText } from '../helpers/pdf-text';
import { tempApp, type TempApp } from '../helpers/temp-app';

let t: TempApp;
beforeEach(() => (t = tempApp()));
afterEach(() => t.close());

const reject = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a rejection'); }, (e: ApiError) => e);

describe('products', () => {
  it('creates a product with every field and reads it back', async () => {
    const p = await t.client.call('products.create', {
      sku: 'JP-SUN-001', name: 'UV Essence', localName: '防晒精华', barcode: '4006381333931', brand: 'Biore',
      category: 'Skincare', hsCode: '3304.99', originCountry: 'jp', weightG: 70, lengthMm: 40, widthMm: 30, heightMm: 120,
      packSize: 6, defaultSupplier: 'Osaka wholesale', lowStockThreshold: 12, notes: 'bestseller',
    });
    expect(p).toMatchObject({ hsCode: '330499', originCountry: 'JP', packSize: 6, status: 'active' });
    const d = await t.client.call('products.get', { id: p.id });
    expect(d.product).toEqual(p);
    expect(d.balances).toEqual([]);
  });

  it.each([
    [{ sku: 'DUP', name: 'x' }, 'sku', /already used/],
    [{ sku: 'B', name: 'x', barcode: '4006381333932' }, 'barcode', /check digit should be 1/],
    [{ sku: 'C', name: 'x', hsCode: '999999' }, 'hsCode', /not in the HS 2022/],
    [{ sku: 'C2', name: 'x', hsCode: '330498' }, 'hsCode', /not in the HS 2022/],
    [{ sku: 'D', name: 'x', hsCode: '33' }, 'hsCode', /6, 8 or 10 digits/],
    [{ sku: 'E', name: 'x', originCountry: 'XX' }, 'originCountry', /ISO 3166/],
    [{ sku: 'F', name: '' }, 'name', /required/],
    [{ sku: 'has space', name: 'x' }, 'sku', /spaces/],
    [{ sku: 'G', name: 'x', packSize: 0 }, 'packSize', /more than zero/],
    [{ sku: 'H', name: 'x', weightG: 1.5 }, 'weightG', /whole number/],
  ])('refuses %o naming %s, and writes nothing', async (input, field, message) => {
    await t.client.call('products.create', { sku: 'dup', name: 'first' });
    const e = await reject(t.client.call('products.create', input as never));
    expect(e.details?.field).toBe(field);
    expect(e.message).toMatch(message);
    expect((await t.client.call('products.list', { status: 'all' })).total).toBe(1);
  });

  it('accepts a national 8- or 10-digit tariff line whose first 6 digits are an HS code', async () => {
    await t.client.call('products.create', { sku: 'N8', name: 'x', hsCode: '33049900' });
    await t.client.call('products.create', { sku: 'N10', name: 'y', hsCode: '3304990010' });
  });

  it('groups variants under a parent with option values, one level deep', async () => {
    const parent = await t.client.call('products.create', { sku: 'TEE', name: 'T-shirt' });
    const m = await t.client.call('products.create', { sku: 'TEE-M', name: 'T-shirt M', parentId: parent.id, options: { size: 'M', colour: 'Black' } });
    await t.client.call('products.create', { sku: 'TEE-L', name: 'T-shirt L', parentId: parent.id, options: { size: 'L' } });
    const d = await t.client.call('products.get', { id: parent.id });
    expect(d.variants.map((v) => v.sku)).toEqual(['TEE-L', 'TEE-M']);
    expect((await t.client.call('products.list', {})).rows.find((r) => r.id === parent.id)?.variantCount).toBe(2);
    expect((await t.client.call('products.get', { id: m.id })).parent?.sku).toBe('TEE');
    expect((await t.client.call('products.list', { search: 'TEE', topLevel: true })).rows.map((r) => r.sku)).toEqual(['TEE']);
    const e = await reject(t.client.call('products.create', { sku: 'TEE-M-X', name: 'nested', parentId: m.id }));
    expect(e.details?.field).toBe('parentId');
  });

  it('updates only the fields given and keeps SKUs unique ignoring case', async () => {
    const a = await t.client.call('products.create', { sku: 'A', name: 'Alpha', packSize: 12, brand: 'X' });
    await t.client.call('products.create', { sku: 'B', name: 'Beta' });
    const u = await t.client.call('products.update', { id: a.id, name: 'Alpha 2' });
    expect(u).toMatchObject({ name: 'Alpha 2', packSize: 12, brand: 'X' });
    const e = await reject(t.client.call('products.update', { id: a.id, sku: 'b' }));
    expect(e.code).toBe('conflict');
  });

  it('archives only products without stock, and archived products cannot move', async () => {
    const loc = await t.client.call('locations.create', { code: 'H', name: 'Home', kind: 'own' });
    const p = await t.client.call('products.create', { sku: 'A', name: 'Alpha' });
    await t.client.call('stock.adjust', { productId: p.id, locationId: loc.id, qty: 1, unitCost: '1', reason: 'opening' });
    expect((await reject(t.client.call('products.archive', { id: p.id }))).code).toBe('conflict');
    await t.client.call('stock.adjust', { productId: p.id, locationId: loc.id, qty: -1, reason: 'lost' });
    await t.client.call('products.archive', { id: p.id });
    expect((await t.client.call('products.list', {})).total).toBe(0);
    expect((await t.client.call('products.list', { status: 'archived' })).total).toBe(1);
    expect((await reject(t.client.call('stock.adjust', { productId: p.id, locationId: loc.id, qty: 1, reason: 'found' }))).code).toBe('conflict');
    await t.client.call('products.restore', { id: p.id });
  });

  it('searches SKU, name, Chinese name and barcode; sorts and pages', async () => {
    for (let i = 0; i < 30; i++) {
      await t.client.call('products.create', { sku: `SKU-${String(i).padStart(3, '0')}`, name: i % 2 ? `Green tea ${i}` : `Matcha ${i}`, localName: i === 7 ? '抹茶粉' : null, category: i % 3 ? 'Food' : 'Tea' });
    }
    expect((await t.client.call('products.list', { search: 'tea' })).total).toBe(15);
    expect((await t.client.call('products.list', { search: '抹茶' })).rows.map((r) => r.sku)).toEqual(['SKU-007']);
    expect((await t.client.call('products.list', { search: 'SK' })).total).toBe(30);
    expect((await t.client.call('products.list', { category: 'Tea' })).total).toBe(10);
    const page = await t.client.call('products.list', { sort: 'sku', dir: 'desc', offset: 5, limit: 5 });
    expect(page.rows.map((r) => r.sku)).toEqual(['SKU-024', 'SKU-023', 'SKU-022', 'SKU-021', 'SKU-020']);
    expect(await t.client.call('products.categories')).toEqual(['Food', 'Tea']);
    const hits = await t.client.call('search.global', { q: 'matcha' });
    expect(hits.length).toBe(10);
  });

  it('a scanned barcode finds its product first in global search', async () => {
    const p = await t.client.call('products.create', { sku: 'SCAN', name: 'Scanned', barcode: '036000291452' });
    const [hit] = await t.client.call('search.global', { q: '036000291452' });
    expect(hit).toMatchObject({ kind: 'product', id: p.id, match: 'barcode' });
  });

  it('a code that is one product’s barcode and another’s SKU gives both as exact hits, so the caller asks which', async () => {
    const byBarcode = await t.client.call('products.create', { sku: 'SUN-04', name: 'Sunscreen', barcode: '9780201379624' });
    const bySku = await t.client.call('products.create', { sku: '9780201379624', name: 'Odd import SKU' });
    const hits = await t.client.call('search.global', { q: '9780201379624' });
    expect(hits.filter((h) => h.match !== 'text').map((h) => [h.id, h.match])).toEqual([
      [byBarcode.id, 'barcode'],
      [bySku.id, 'sku'],
    ]);
    // a SKU typed in full is an exact hit too (case aside), listed once
    const sun = await t.client.call('search.global', { q: 'sun-04' });
    expect(sun.filter((h) => h.id === byBarcode.id).map((h) => h.match)).toEqual(['sku']);
  });

  it('gives products without a barcode the next in-store EAN-13 numbers, and a scan finds them', async () => {
    const c = t.client;
    const has = await c.call('products.create', { sku: 'HAS', name: 'Has one', barcode: '4006381333931' });
    const before = await c.call('products.create', { sku: 'OLD', name: 'Numbered before', barcode: '0400000000077' });
    const a = await c.call('products.create', { sku: 'A-1', name: 'Linen tote' });
    const parent = await c.call('products.create', { sku: 'TEE', name: 'Tee' });
    const v = await c.call('products.create', { sku: 'TEE-L', name: 'Tee L', parentId: parent.id });
    await c.call('products.create', { sku: 'GONE', name: 'Archived' }).then((p) => c.call('products.archive', { id: p.id }));
    const changed: string[][] = [];
    const off = c.on('products.changed', (e) => changed.push(e.ids));
    // every active product without one, the parent of variants left out; numbering goes on after the highest under the prefix
    const r = await c.call('products.assignBarcodes', { prefix: '04' });
    off();
    expect(r).toEqual({ assigned: [{ productId: a.id, sku: 'A-1', barcode: '0400000000084' }, { productId: v.id, sku: 'TEE-L', barcode: '0400000000091' }], kept: 0 });
    expect(changed.flat().sort()).toEqual([a.id, v.id].sort());
    expect((await c.call('products.list', { search: '0400000000091' })).rows.map((p) => p.sku)).toEqual(['TEE-L']);
    expect((await c.call('products.get', { id: before.id })).product.barcode).toBe('0400000000077');
    // named products: those with a barcode keep it; another prefix starts at 1
    expect(await c.call('products.assignBarcodes', { prefix: '2123', productIds: [has.id, parent.id] })).toEqual({ assigned: [{ productId: parent.id, sku: 'TEE', barcode: '2123000000011' }], kept: 1 });
    // a prefix not kept for in-store use, or too long, is refused at its field
    for (const prefix of ['45', '04123456']) expect((await reject(c.call('products.assignBarcodes', { prefix }))).details?.field).toBe('prefix');
    // a prefix whose numbers have run out: nothing is given
    await c.call('products.update', { id: has.id, barcode: '2999999999991' });
    const last = await c.call('products.create', { sku: 'LAST', name: 'Last' });
    const full = await reject(c.call('products.assignBarcodes', { prefix: '2999999' }));
    expect(full).toMatchObject({ code: 'conflict', details: { field: 'prefix' }, message: expect.stringMatching(/no numbers are left under 2999999/) });
    expect((await c.call('products.get', { id: last.id })).product.barcode).toBeNull();
  });

  it('prints labels: name and Chinese name, SKU, price and barcode, one a page or 24 to an A4 sheet', async () => {
    const c = t.client;
    const matcha = await c.call('products.create', { sku: 'MATCHA-30', name: 'Uji matcha 30g', localName: '宇治抹茶', barcode: '4006381333931', price: '12.50' });
    const tote = await c.call('products.create', { sku: 'TOTE-BLK', name: 'Linen tote' });
    const r = await c.call('products.labels', { productIds: [matcha.id, tote.id], copies: 2 });
    expect(r).toMatchObject({ fileName: 'labels-50x30.pdf', mimeType: 'application/pdf', labels: 4 });
    const pages = await pdfText(Buffer.from(r.base64, 'base64'));
    expect(pages).toHaveLength(4);
    for (const text of ['Uji matcha 30g', '宇治抹茶', 'MATCHA-30', 'USD 12.50', '4006381333931']) expect(pages[0]).toContain(text);
    // no barcode: its SKU in Code 128, written under it
    expect(pages[3]).toContain('TOTE-BLK');
    expect(pages[3]).not.toContain('USD');
    const sheet = await c.call('products.labels', { productIds: [matcha.id], size: 'a4-3x8', copies: 30 });
    expect(sheet.labels).toBe(30);
    const sheetPages = await pdfText(Buffer.from(sheet.base64, 'base64'));
    expect(sheetPages.map((p) => p.split('宇治抹茶').length - 1)).toEqual([24, 6]);
    expect((await reject(c.call('products.labels', { productIds: [matcha.id, '01890000-0000-7000-8000-000000000000'] }))).details?.field).toBe('productIds.1');
    expect((await reject(c.call('products.labels', { productIds: [matcha.id], size: 'A5' as never }))).details?.field).toBe('size');
  });

  it('looks up HS codes by digits and words', async () => {
    const byDigits = await t.client.call('reference.hs', { q: '3304' });
    expect(byDigits[0]).toMatchObject({ code: '3304' });
    const byWords = await t.client.call('reference.hs', { q: 'lip make-up' });
    expect(byWords.map((h) => h.code)).toContain('330410');
  });
});

describe('locations', () => {
  it('creates, validates and archives only empty locations', async () => {
    const l = await t.client.call('locations.create', { code: 'TYO', name: 'Tokyo', kind: 'overseas', country: 'JP' });
    expect((await reject(t.client.call('locations.create', { code: 'tyo', name: 'dup', kind: 'own' }))).details?.field).toBe('code');
    expect((await reject(t.client.call('locations.create', { code: 'X', name: 'x', kind: 'garage' as never }))).details?.field).toBe('kind');
    const p = await t.client.call('products.create', { sku: 'A', name: 'Alpha' });
    await t.client.call('stock.adjust', { productId: p.id, locationId: l.id, qty: 2, unitCost: '1', reason: 'opening' });
    expect((await reject(t.client.call('locations.archive', { id: l.id }))).code).toBe('conflict');
  });
});

describe('settings', () => {
  it('the base currency can be chosen until the first movement', async () => {
    expect((await t.client.call('settings.get')).baseCurrency).toBe('USD');
    await t.client.call('settings.update', { baseCurrency: 'jpy' });
    const l = await t.client.call('locations.create', { code: 'H', name: 'Home', kind: 'own' });
    const p = await t.client.call('products.create', { sku: 'A', name: 'Alpha' });
    // JPY has no minor unit: a unit cost takes at most 4 decimals
    const e = await reject(t.client.call('stock.adjust', { productId: p.id, locationId: l.id, qty: 1, unitCost: '1.23456', reason: 'opening' }));
    expect(e.message).toMatch(/more than 4 decimal places/);
    await t.client.call('stock.adjust', { productId: p.id, locationId: l.id, qty: 1, unitCost: '1500', reason: 'opening' });
    const s = await t.client.call('settings.get');
    expect(s).toMatchObject({ baseCurrency: 'JPY', ledgerStarted: true });
    expect((await reject(t.client.call('settings.update', { baseCurrency: 'USD' }))).details?.field).toBe('baseCurrency');
  });
});

describe('kept totals follow the products they belong to', () => {
  it('a change of category moves its stock value on the dashboard, and db check agrees', async () => {
    const loc = await t.client.call('locations.create', { code: 'H', name: 'Home', kind: 'own' });
    const p = await t.client.call('products.create', { sku: 'A', name: 'Alpha', category: 'Tea' });
    await t.client.call('stock.adjust', { productId: p.id, locationId: loc.id, qty: 3, unitCost: '2', reason: 'opening' });
    expect((await t.client.call('dashboard.summary')).valueByCategory).toEqual([{ category: 'Tea', value: 600, units: 3 }]);
    await t.client.call('products.update', { id: p.id, category: 'Snacks' });
    const d = await t.client.call('dashboard.summary');
    expect(d.valueByCategory).toEqual([{ category: 'Snacks', value: 600, units: 3 }]);
    expect(d.valueByLocation).toEqual([{ locationId: loc.id, code: 'H', name: 'Home', value: 600, units: 3 }]);
    await t.client.call('products.update', { id: p.id, category: null });
    expect((await t.client.call('dashboard.summary')).valueByCategory).toEqual([{ category: '', value: 600, units: 3 }]);
    expect(await t.client.call('stock.check')).toMatchObject({ ok: true });
  });

  it('low stock follows threshold edits and stock movements', async () => {
    const loc = await t.client.call('locations.create', { code: 'H', name: 'Home', kind: 'own' });
    const p = await t.client.call('products.create', { sku: 'A', name: 'Alpha', lowStockThreshold: 5 });
    await t.client.call('products.create', { sku: 'B', name: 'Beta' });
    const low = async () => (await t.client.call('dashboard.summary')).lowStock.map((l) => [l.sku, l.onHand, l.threshold]);
    expect(await low()).toEqual([['A', 0, 5]]);
    await t.client.call('stock.adjust', { productId: p.id, locationId: loc.id, qty: 6, unitCost: '1', reason: 'opening' });
    expect(await low()).toEqual([]);
    await t.client.call('products.update', { id: p.id, lowStockThreshold: 10 });
    expect(await low()).toEqual([['A', 6, 10]]);
    expect((await t.client.call('products.list', { lowStock: true })).rows.map((r) => r.sku)).toEqual(['A']);
  });
});

describe('sorted pages', () => {
  it.each(['sku', 'name', 'category', 'onHand', 'value', 'updatedAt'] as const)('by %s, both ways, page without gaps or overlaps', async (sort) => {
    const loc = await t.client.call('locations.create', { code: 'H', name: 'Home', kind: 'own' });
    for (let i = 0; i < 25; i++) {
      const p = await t.client.call('products.create', { sku: `S${(i * 7) % 25}`, name: `N${i % 5}`, category: `C${i % 3}` });
      if (i % 4) await t.client.call('stock.adjust', { productId: p.id, locationId: loc.id, qty: (i % 6) + 1, unitCost: String(i % 3), reason: 'opening' });
    }
    for (const dir of ['asc', 'desc'] as const) {
      const all = (await t.client.call('products.list', { sort, dir, limit: 1000 })).rows;
      const paged = [];
      for (let offset = 0; offset < 25; offset += 7) paged.push(...(await t.client.call('products.list', { sort, dir, offset, limit: 7 })).rows);
      expect(paged.map((r) => r.id)).toEqual(all.map((r) => r.id));
      expect(new Set(all.map((r) => r.id)).size).toBe(25);
      const key = (r: (typeof all)[number]) => (sort === 'name' ? r.name.toLowerCase() : sort === 'category' ? r.category : sort === 'updatedAt' ? r.updatedAt : sort === 'sku' ? r.sku.toLowerCase() : r[sort]);
      const keys = all.map(key);
      const sorted = [...keys].sort((a, b) => (a! < b! ? -1 : a! > b! ? 1 : 0));
      expect(keys).toEqual(dir === 'asc' ? sorted : sorted.reverse());
    }
  });
});

describe('stock balances page in SKU order', () => {
  it('follows a renamed SKU and pages a location without gaps', async () => {
    const loc = await t.client.call('locations.create', { code: 'H', name: 'Home', kind: 'own' });
    const other = await t.client.call('locations.create', { code: 'O', name: 'Other', kind: 'own' });
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const p = await t.client.call('products.create', { sku: `K${String(i).padStart(2, '0')}`, name: `P${i}` });
      ids.push(p.id);
      await t.client.call('stock.adjust', { productId: p.id, locationId: i % 3 ? loc.id : other.id, qty: 1, unitCost: '1', reason: 'opening' });
    }
    await t.client.call('products.update', { id: ids[1]!, sku: 'A-FIRST' });
    const all = (await t.client.call('stock.balances', { locationId: loc.id, limit: 100 })).rows.map((r) => r.sku);
    expect(all[0]).toBe('A-FIRST');
    expect(all).toEqual([...all].sort());
    expect(all).toHaveLength(8);
    const paged: string[] = [];
    for (let offset = 0; offset < 8; offset += 3) paged.push(...(await t.client.call('stock.balances', { locationId: loc.id, offset, limit: 3 })).rows.map((r) => r.sku));
    expect(paged).toEqual(all);
  });
});

describe('a search that matches many products', () => {
  it('pages the same rows whichever way the page is found (over 2,000 matches walks the sort index)', async () => {
    const names = ['Jasmine tea', 'Jelly', 'Matcha', 'juice'];
    for (let i = 0; i < 2300; i++) {
      await t.client.call('products.create', { sku: `${i % 3 ? 'J' : 'K'}-${String((i * 7919) % 10000).padStart(4, '0')}`, name: `${names[i % 4]} ${i}` });
    }
    const all = (await t.client.call('products.list', { status: 'all', limit: 1000 })).total;
    expect(all).toBe(2300);
    for (const sort of ['sku', 'name'] as const) {
      const expected: string[] = [];
      for (let offset = 0; offset < 2300; offset += 1000) {
        const page = await t.client.call('products.list', { sort, offset, limit: 1000 });
        expected.push(...page.rows.filter((r) => /^j/i.test(r.sku) || /^j/i.test(r.name)).map((r) => r.id));
      }
      const got: string[] = [];
      let total = 0;
      for (let offset = 0; offset < expected.length; offset += 500) {
        const page = await t.client.call('products.list', { search: 'j', sort, offset, limit: 500 });
        total = page.total;
        got.push(...page.rows.map((r) => r.id));
      }
      expect(total).toBe(expected.length);
      expect(total).toBeGreaterThan(2000);
      expect(got).toEqual(expected);
    }
  });
});

describe('searching in Chinese', () => {
  it('finds a product by its Chinese name or by the pinyin initials of it, kept up to date as names change', async () => {
    const c = t.client;
    const mask = await c.call('products.create', { sku: 'KR-MASK-01', name: 'Sheet mask', localName: '面膜补水' });
    const serum = await c.call('products.create', { sku: 'KR-SER-02', name: 'Vitamin C serum', localName: '维C精华' });
    await c.call('products.create', { sku: 'MM-CABLE', name: 'Mini cable' });
    const skus = async (search: string) => (await t.client.call('products.list', { search })).rows.map((r) => r.sku).sort();
    expect(await skus('面膜')).toEqual(['KR-MASK-01']);
    expect(await skus('补水')).toEqual(['KR-MASK-01']);
    // "mm": the initials of 面膜, and the start of a SKU
    expect(await skus('mm')).toEqual(['KR-MASK-01', 'MM-CABLE']);
    expect(await skus('mmbs')).toEqual(['KR-MASK-01']);
    expect(await skus('WCJH')).toEqual(['KR-SER-02']);
    await c.call('products.update', { id: mask.id, localName: '睡眠面膜' });
    expect(await skus('mmbs')).toEqual([]);
    expect(await skus('smmm')).toEqual(['KR-MASK-01']);
    // rows saved before initials were kept are filled when the app next opens
    t.app.db.prepare('UPDATE products SET initials = NULL WHERE id = ?').run(serum.id);
    expect(await skus('wcjh')).toEqual([]);
    t.reopen();
    expect(await skus('wcjh')).toEqual(['KR-SER-02']);
  });

  it('sorts Chinese names by pinyin, not by character code', async () => {
    const c = t.client;
    for (const [sku, localName] of [['P-WEI', '维C精华'], ['P-MIAN', '面膜'], ['P-RUN', '润唇膏'], ['P-AN', '安瓶']] as const) {
      await c.call('products.create', { sku, name: sku, localName });
    }
    await c.call('products.create', { sku: 'P-EN', name: 'Cable' });
    const order = async (sort: 'name' | 'pinyin', dir: 'asc' | 'desc' = 'asc') => (await c.call('products.list', { sort, dir })).rows.map((r) => r.localName ?? r.name);
    // 安 an, 面 mian, 润 run, 维 wei; a name without Chinese first
    expect(await order('pinyin')).toEqual(['Cable', '安瓶', '面膜', '润唇膏', '维C精华']);
    expect(await order('pinyin', 'desc')).toEqual(['维C精华', '润唇膏', '面膜', '安瓶', 'Cable']);
  });
});
