// The merchant's data out and back in the UI. Backups: back up, set a second folder (a wrong path
// is refused at its field), then restore yesterday's state in two clicks after a mistake: every
// window loads the restored data, and the backup of the data just before is there to undo it.
// Exports: a filtered list saved as CSV and as Excel, every row of it. Import: Shopify's products
// export with bad rows — previewed, its problems listed and saved as a CSV, the good rows imported;
// a big file's progress, and stopping it. Barcodes: in-store EAN-13 numbers for products without
// one, and a product's label as a PDF.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../helpers/pdf-text';
import { tempDir } from '../helpers/temp-app';
import { startE2E, type E2E } from './harness';

let e: E2E;
const go = (hash: string) => e.page.evaluate((h) => (location.hash = h), hash);

beforeAll(async () => {
  e = await startE2E({
    seed: async (api) => {
      await api.call('products.create', { sku: 'LAMP', name: 'Brass desk lamp', price: '30.00' });
      for (let i = 0; i < 250; i++) await api.call('products.create', { sku: `MUG-${String(i).padStart(3, '0')}`, name: `Mug ${i}`, category: i % 2 ? 'Kitchen' : 'Gifts' });
    },
  });
});
afterAll(async () => {
  await e?.close();
});
afterEach(() => {
  expect(e.problems).toEqual([]);
});

describe('data in and out', () => {
  it('backs up, copies to a second folder, and restores a backup in two clicks', async () => {
    const p = e.page;
    await go('#/backups');
    const rows = p.getByTestId('backup-row');
    // the running app made its first daily backup at start
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => rows.first().getAttribute('data-reason')).toBe('daily');

    const form = p.getByTestId('backups-second');
    const usb = tempDir('crossdock-usb-');
    await form.getByTestId('field-secondFolder').fill(path.join(usb, 'missing'));
    await form.getByTestId('second-save').click();
    await expect.poll(() => form.getByTestId('error-secondFolder').textContent()).toMatch(/does not exist/);
    await form.getByTestId('field-secondFolder').fill(usb);
    await form.getByTestId('second-save').click();
    await expect.poll(() => form.getByTestId('second-remove').count()).toBe(1);

    await p.getByTestId('backup-now').click();
    // in the backups folder and its copy in the second folder
    await expect.poll(() => p.locator('[data-testid=backup-row][data-reason=manual]').count()).toBe(2);
    expect(fs.readdirSync(usb).filter((f) => f.endsWith('-manual.sqlite'))).toHaveLength(1);
    await e.screenshot('110-backups');

    // a mistake after the backup: the lamp is renamed
    const [lamp] = (await e.api.call('products.list', { search: 'LAMP' })).rows;
    await e.api.call('products.update', { id: lamp!.id, name: 'Renamed by mistake' });

    const manual = p.locator('[data-testid=backup-row][data-reason=manual]').first();
    await manual.getByTestId('backup-restore').click();
    await manual.getByTestId('backup-restore-confirm').click();
    // the page loads again on the restored data and says what was restored
    await p.getByTestId('backups-restored').waitFor();
    expect(await p.getByTestId('backups-restored').textContent()).toMatch(/Restored crossdock-.*-manual\.sqlite/);
    expect((await e.api.call('products.get', { id: lamp!.id })).product.name).toBe('Brass desk lamp');
    // the state just before the restore is the newest backup
    await expect.poll(() => rows.first().getAttribute('data-reason')).toBe('restore');
    await e.screenshot('111-backups-restored');

    await go('#/products');
    await expect.poll(() => p.getByText('Brass desk lamp').count()).toBeGreaterThan(0);
    fs.rmSync(usb, { recursive: true, force: true });
  });

  it('saves a filtered list as CSV and as Excel, every row of it', async () => {
    const p = e.page;
    await go('#/products');
    await p.getByTestId('products-search').fill('Mug');
    // the list shows the search's result: the lamp has gone from it
    await expect.poll(() => p.getByText('Brass desk lamp').count()).toBe(0);
    const [csv] = await Promise.all([p.waitForEvent('download'), p.getByTestId('export-products-csv').click()]);
    expect(csv.suggestedFilename()).toMatch(/^products-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = fs.readFileSync((await csv.path())!, 'utf8');
    // all 250 mugs (the screen shows the first page), not the lamp
    expect(text.trim().split('\r\n')).toHaveLength(251);
    expect(text).not.toContain('LAMP');
    const [xlsx] = await Promise.all([p.waitForEvent('download'), p.getByTestId('export-products-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(fs.readFileSync((await xlsx.path())!).subarray(0, 2).toString()).toBe('PK');
    await e.screenshot('112-products-export');
  });

  it('imports a Shopify products export with bad rows: preview, the problems by line and column, then the good rows', async () => {
    const p = e.page;
    await go('#/products');
    await p.getByTestId('import-products').click();
    const panel = p.getByTestId('import-products-panel');
    await panel.getByTestId('import-file').setInputFiles(path.join(__dirname, '../fixtures/shopify-products.csv'));
    await panel.getByTestId('import-summary').waitFor();
    expect(await panel.getByTestId('import-problem-count').textContent()).toMatch(/^2 rows have problems/);
    expect(await panel.getByTestId('import-summary').textContent()).toMatch(/^Shopify's products export: 6 products — 5 new, 0 changed, 0 the same\. 1 rows are not products.*2 had no SKU/);
    await expect.poll(() => panel.getByTestId('import-problem').count()).toBe(3);
    expect(await panel.getByTestId('import-problem').first().textContent()).toMatch(/^4Variant BarcodeExcel turned this into 4\.01235E\+12/);
    await e.screenshot('113-products-import-preview');
    // nothing is saved by the preview
    expect((await e.api.call('products.list', { search: 'TOTE' })).total).toBe(0);
    const [problems] = await Promise.all([p.waitForEvent('download'), panel.getByTestId('import-problems-csv').click()]);
    expect(problems.suggestedFilename()).toBe('shopify-products-problems.csv');
    expect(fs.readFileSync((await problems.path())!, 'utf8')).toContain('8,"Variant Price","must be a number like 12.50"');

    await panel.getByTestId('save').click();
    await expect.poll(() => p.getByTestId('import-products-panel').count()).toBe(0);
    expect((await e.api.call('products.list', { search: 'TOTE' })).rows.map((r) => r.sku).sort()).toEqual(['LINEN-TOTE', 'TOTE-BLK-L', 'TOTE-NAT-M']);
    await p.getByTestId('products-search').fill('tote');
    await expect.poll(() => p.getByText('Linen tote bag - Black / L').count()).toBe(1);

    // and their opening stock, from a spreadsheet with its own column names
    await e.api.call('locations.create', { code: 'HOME', name: 'Home', kind: 'own' });
    const sheet = path.join(tempDir('crossdock-stock-'), 'inventory.csv');
    fs.writeFileSync(sheet, 'Item,Warehouse,Qty,Cost\nTOTE-BLK-L,HOME,6,9.50\nTOTE-NAT-M,HOME,x,1\n');
    await go('#/stock');
    await p.getByTestId('import-stock').click();
    const stockPanel = p.getByTestId('import-stock-panel');
    await stockPanel.getByTestId('import-file').setInputFiles(sheet);
    await stockPanel.getByTestId('import-summary').waitFor();
    // the columns it guessed, shown; the one it could not guess, chosen by hand
    expect(await stockPanel.getByTestId('map-qty').inputValue()).toBe('Qty');
    expect(await stockPanel.getByTestId('import-problem').textContent()).toMatch(/choose the column that holds the SKU/);
    await stockPanel.getByTestId('map-sku').selectOption('Item');
    await expect.poll(() => stockPanel.getByTestId('import-problem').textContent()).toMatch(/^3Qty"x" is not a whole number/);
    // kept for next month's file
    await stockPanel.getByTestId('import-template-name').fill('Warehouse sheet');
    await stockPanel.getByTestId('import-template-save').click();
    await expect.poll(async () => (await e.api.call('imports.templates', { kind: 'stock' })).map((x) => [x.name, x.mapping.sku])).toEqual([['Warehouse sheet', 'Item']]);
    await expect.poll(() => stockPanel.getByTestId('import-template').count()).toBe(1);
    await e.screenshot('114-stock-import-mapping');
    await stockPanel.getByTestId('save').click();
    await expect.poll(() => p.getByTestId('import-stock-panel').count()).toBe(0);
    await expect.poll(async () => (await e.api.call('stock.balances', {})).rows.map((b) => [b.sku, b.onHand])).toEqual([['TOTE-BLK-L', 6]]);
  });

  it('gives the products without a barcode in-store EAN-13 numbers, and a scan of one finds it', async () => {
    const p = e.page;
    await go('#/products');
    await p.getByTestId('assign-barcodes').click();
    const panel = p.getByTestId('barcodes-panel');
    await panel.getByTestId('field-prefix').fill('45');
    await panel.getByTestId('save').click();
    await expect.poll(() => panel.getByTestId('error-prefix').textContent()).toMatch(/in-store prefix is 04 or 20–29/);
    await e.screenshot('116-products-barcodes-prefix-refused');
    const without = (await e.api.call('products.list', { status: 'active', limit: 500 })).rows.filter((r) => !r.barcode && !r.variantCount).length;
    await panel.getByTestId('field-prefix').fill('0412');
    await panel.getByTestId('save').click();
    await expect.poll(() => p.getByText(`Barcodes given to ${without} products`).count()).toBe(1);
    const lamp = (await e.api.call('products.list', { search: 'LAMP' })).rows[0]!;
    expect(lamp.barcode).toMatch(/^0412\d{9}$/);
    await p.getByTestId('products-search').fill(lamp.barcode!);
    await expect.poll(() => p.getByText('Brass desk lamp').count()).toBe(1);

    // labels for the products listed, 24 to an A4 sheet
    await p.getByTestId('products-search').fill('MUG-00');
    await expect.poll(() => p.getByText('Mug 9', { exact: true }).count()).toBe(1);
    await p.getByTestId('label-size').selectOption('a4-3x8');
    await e.screenshot('118-products-labels');
    const [sheet] = await Promise.all([p.waitForEvent('download'), p.getByTestId('print-labels').click()]);
    const sheetPages = await pdfText(fs.readFileSync((await sheet.path())!));
    expect(sheetPages).toHaveLength(1);
    expect(sheetPages[0]!.match(/MUG-00\d/g)?.length).toBeGreaterThanOrEqual(10);

    // and one product's label
    await go(`#/products/${lamp.id}`);
    await p.getByTestId('label-size').selectOption('62x29');
    await e.screenshot('117-product-label');
    const [download] = await Promise.all([p.waitForEvent('download'), p.getByTestId('print-labels').click()]);
    expect(download.suggestedFilename()).toBe('labels-62x29.pdf');
    const [page] = await pdfText(fs.readFileSync((await download.path())!));
    for (const text of ['Brass desk lamp', 'LAMP', 'USD 30.00', lamp.barcode!]) expect(page).toContain(text);
  });

  it('a big file shows how far it has got, and stopping it leaves nothing of it', async () => {
    const p = e.page;
    const big = path.join(tempDir('crossdock-big-'), 'catalogue.csv');
    fs.writeFileSync(big, `SKU,Name,Price\n${Array.from({ length: 120_000 }, (_, i) => `BULK-${i},Bulk item ${i},${1 + (i % 50)}.00`).join('\n')}\n`);
    await go('#/products');
    await p.getByTestId('import-products').click();
    const panel = p.getByTestId('import-products-panel');
    await panel.getByTestId('import-file').setInputFiles(big);
    await expect.poll(() => panel.getByTestId('import-summary').textContent(), { timeout: 30_000 }).toMatch(/120000 products — 120000 new/);
    await panel.getByTestId('save').click();
    // the button shows once rows are being saved, with how far it has got
    const stop = panel.getByTestId('import-stop');
    await stop.waitFor({ timeout: 30_000 });
    expect(await panel.getByTestId('import-progress').textContent()).toMatch(/^Checking and saving rows: [\d,]+ of 120,000/);
    await stop.click();
    await expect.poll(() => p.getByText('Import stopped: nothing from the file was saved').count()).toBe(1);
    expect((await e.api.call('products.list', { search: 'BULK-', status: 'all' })).total).toBe(0);
    await e.screenshot('115-products-import-stopped');
    // the panel stays, ready to try again
    expect(await panel.getByTestId('save').isEnabled()).toBe(true);
  });
});
