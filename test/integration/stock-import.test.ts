// Opening stock from a file (imports.stock) on a real database: quantities set by "opening"
// adjustments at the file's unit cost, problems by line and column, the same file twice changes
// nothing, a changed quantity is adjusted to it, and Crossdock's own stock export reads back.
import { afterEach, describe, expect, it } from 'vitest';
import { tempApp, type TempApp } from '../helpers/temp-app';

let t: TempApp;
afterEach(() => t?.close());
const b64 = (text: string) => Buffer.from(text).toString('base64');

async function shop(app: TempApp) {
  await app.client.call('settings.update', { baseCurrency: 'EUR' });
  const home = await app.client.call('locations.create', { code: 'HOME', name: 'Home', kind: 'own' });
  const tyo = await app.client.call('locations.create', { code: 'TYO', name: 'Tokyo', kind: 'overseas' });
  const a = await app.client.call('products.create', { sku: 'LAMP', name: 'Lamp' });
  const b = await app.client.call('products.create', { sku: 'MUG', name: 'Mug' });
  return { home, tyo, a, b };
}

describe('opening stock import', () => {
  it('sets each product at each location to the file, once, naming every bad row', async () => {
    t = tempApp();
    const { home, tyo, a, b } = await shop(t);
    const file = ['SKU,Location,On hand,Unit cost', 'LAMP,HOME,10,2.50', 'MUG,tyo,5,"1,20"', 'CHAIR,HOME,1,3', 'LAMP,TYO,ten,1', 'LAMP,HOME,4,1', 'MUG,HOME,3,', 'MUG,MARS,1,1'].join('\n');
    const dry = await t.client.call('imports.stock', { fileName: 'stock.csv', base64: b64(file), dryRun: true });
    expect(dry).toMatchObject({ written: false, mapping: { sku: 'SKU', location: 'Location', qty: 'On hand', unitCost: 'Unit cost' }, created: 3 });
    expect(dry.problems).toEqual([
      { line: 4, column: 'SKU', message: 'no product has the SKU CHAIR: import the products first' },
      { line: 5, column: 'On hand', message: '"ten" is not a whole number of units (0 or more)' },
      { line: 6, column: 'SKU', message: 'LAMP at HOME is also on line 2: one row per product and location' },
      { line: 8, column: 'Location', message: 'no location has the code MARS' },
    ]);
    expect((await t.client.call('stock.balances', {})).total).toBe(0);

    const events: string[] = [];
    t.app.dispatcher.subscribe((e) => void events.push(e));
    const r = await t.client.call('imports.stock', { fileName: 'stock.csv', base64: b64(file) });
    expect(r).toMatchObject({ written: true, created: 3, units: 18 });
    // one refresh for the whole file (and the backup's own status events)
    expect(events.filter((e) => e === 'stock.changed')).toHaveLength(1);
    const bal = async (p: string, l: string) => (await t.client.call('stock.balances', { productId: p, locationId: l })).rows[0];
    expect(await bal(a.id, home.id)).toMatchObject({ onHand: 10, value: 2500 });
    expect(await bal(b.id, tyo.id)).toMatchObject({ onHand: 5, value: 600 });
    const [m] = (await t.client.call('stock.movements', { productId: a.id })).rows;
    expect(m).toMatchObject({ kind: 'adjustment', reason: 'opening', qty: 10, note: 'imported from stock.csv, line 2' });

    // again: nothing changes; a count that changed in the file: adjusted to it
    expect(await t.client.call('imports.stock', { fileName: 'stock.csv', base64: b64(file) })).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    const fewer = await t.client.call('imports.stock', { fileName: 'stock.csv', base64: b64('SKU,Location,On hand\nLAMP,HOME,7\n') });
    expect(fewer).toMatchObject({ updated: 1, units: -3, problems: [] });
    expect(await bal(a.id, home.id)).toMatchObject({ onHand: 7, value: 1750 });
    expect((await t.client.call('stock.check')).ok).toBe(true);
  });

  it("reads Crossdock's own stock export back into another data file", async () => {
    t = tempApp();
    const { home, tyo, a, b } = await shop(t);
    await t.client.call('stock.adjust', { productId: a.id, locationId: home.id, qty: 12, unitCost: '3.25', reason: 'opening' });
    await t.client.call('stock.adjust', { productId: b.id, locationId: tyo.id, qty: 4, unitCost: '0.99', reason: 'opening' });
    const csv = await t.client.call('exports.list', { what: 'stock', format: 'csv' });
    const other = tempApp();
    try {
      await shop(other);
      const r = await other.client.call('imports.stock', { fileName: csv.fileName, base64: csv.base64 });
      expect(r).toMatchObject({ mapping: { sku: 'SKU', location: 'Location', qty: 'On hand', unitCost: 'Average cost (EUR)' }, created: 2, problems: [] });
      const shape = (rows: { sku: string; locationCode: string; onHand: number; value: number }[]) => rows.map((x) => [x.sku, x.locationCode, x.onHand, x.value]);
      expect(shape((await other.client.call('stock.balances', {})).rows)).toEqual(shape((await t.client.call('stock.balances', {})).rows));
    } finally {
      other.close();
    }
  });
});
