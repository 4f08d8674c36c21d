// The purchasing flow of the issue, in the UI: a supplier with a price list, raise a purchase
// order, receive half, receive the rest at a later rate, and see stock and cost. Base CNY,
// supplier in JPY: ¥420 a unit from 12 up; 12 received at 0.0467 = 235.37 CNY, 12 at 0.05 =
// 252.00 CNY; 24 on hand worth 487.37 CNY, 20.31 CNY a unit on average — then the second
// receipt is reversed and received again with 2 units damaged and written off.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';
import { selectByLabelPrefix } from './pages/shell';

let e: E2E;
let productId = '';

beforeAll(async () => {
  e = await startE2E({
    seed: async (api) => {
      await api.call('settings.update', { baseCurrency: 'CNY' });
      await api.call('fx.set', { base: 'JPY', quote: 'CNY', day: '2026-11-01', rate: '0.0467' });
      await api.call('locations.create', { code: 'HOME', name: 'Home stockroom', kind: 'own' });
      productId = (await api.call('products.create', { sku: 'JP-SUN-001', name: 'UV Aqua Rich Watery Essence', barcode: '4901234567894' })).id;
    },
  });
  await e.page.goto(`${e.host.bridge.url}/#/suppliers`);
});
afterAll(async () => {
  await e?.close();
});
afterEach(() => {
  expect(e.problems).toEqual([]);
});

describe('purchasing', () => {
  it('creates the supplier and its price list in the UI', async () => {
    await e.page.getByTestId('new-supplier').first().click();
    const form = e.page.getByTestId('supplier-form');
    await form.getByTestId('field-name').fill('Osaka Drug Wholesale');
    await form.getByTestId('field-currency').selectOption('JPY');
    await form.getByTestId('save').click();
    await e.page.getByTestId('supplier-row').filter({ hasText: 'Osaka Drug Wholesale' }).getByRole('link').click();
    await e.page.getByTestId('add-supplier-product').first().click();
    const price = e.page.getByTestId('price-form');
    await price.getByTestId('field-supplierSku').fill('BIO-UV-50');
    await price.getByTestId('field-unitPrice').fill('450');
    await price.getByTestId('field-productId').fill('JP-SUN');
    await price.locator('.suggest-list [role=option]', { hasText: 'JP-SUN-001' }).first().click();
    await price.getByTestId('field-priceBreaks').fill('12:420');
    await price.getByTestId('save').click();
    await e.page.getByTestId('price-row').filter({ hasText: 'BIO-UV-50' }).waitFor();
    await e.page.getByTestId('nav-purchasing').click();
  });

  it('raises an order: pick the supplier, add a line by typing, the price comes from the list and its breaks', async () => {
    await e.page.getByText('No purchase orders here').waitFor();
    await selectByLabelPrefix(e.page, 'po-new-supplier', 'Osaka Drug Wholesale');
    await e.page.getByTestId('new-po').click();
    await e.page.getByTestId('po-title').filter({ hasText: 'PO-000001' }).waitFor();
    const add = e.page.getByTestId('po-add-line');
    await add.getByTestId('field-productId').fill('JP-SUN');
    await add.locator('.suggest-list [role=option]', { hasText: 'JP-SUN-001' }).first().click();
    await add.getByTestId('field-qty').fill('24');
    await add.getByTestId('field-expectedDate').fill('2026-12-05');
    await add.getByTestId('field-qty').press('Enter');
    const line = e.page.getByTestId('po-line').first();
    await line.waitFor();
    expect(await line.textContent()).toMatch(/JP-SUN-001.*24.*0.*2026-12-05.*420.*10,080/);
    expect(await e.page.getByTestId('po-total').textContent()).toMatch(/10,080.*JPY.*470\.74.*CNY/);
    const details = e.page.getByTestId('po-details');
    await details.getByTestId('field-expectedDate').fill('2026-12-05');
    await details.getByTestId('field-notes').fill('Please pack in cartons of 12');
    await details.getByTestId('po-details-save').click();
    await e.page.getByTestId('toast').filter({ hasText: 'Order details saved' }).waitFor();
    await e.page.getByTestId('po-send').click();
    await expect.poll(() => e.page.getByTestId('po-status').textContent()).toBe('Sent');
  });

  it('receives half, then the rest at a later rate; the order and the stock follow', async () => {
    const form = e.page.getByTestId('po-receive');
    await selectByLabelPrefix(e.page, 'field-locationId', 'HOME ·');
    // a scanner: each barcode + Enter counts one unit on its line
    await expect.poll(() => form.getByTestId('receive-qty-1').inputValue()).toBe('24');
    const scanner = form.getByTestId('po-scan');
    for (let i = 1; i <= 3; i++) {
      await scanner.fill('4901234567894');
      await scanner.press('Enter');
      // the field clears once the scan is counted; the next scan waits for that
      await expect.poll(() => scanner.inputValue()).toBe('');
      await expect.poll(() => form.getByTestId('receive-qty-1').inputValue()).toBe(String(i));
    }
    await form.getByTestId('receive-qty-1').fill('12');
    await form.getByTestId('po-receive-submit').click();
    await e.page.getByTestId('toast').filter({ hasText: 'GR-000001 received at 1 JPY = 0.0467 CNY' }).waitFor();
    await expect.poll(() => e.page.getByTestId('po-status').textContent()).toBe('Partly received');

    await e.api.call('fx.set', { base: 'JPY', quote: 'CNY', day: new Date().toISOString().slice(0, 10), rate: '0.05' });
    await selectByLabelPrefix(e.page, 'field-locationId', 'HOME ·');
    // the rest by default, once the order has been read again after the first receipt
    await expect.poll(() => form.getByTestId('receive-qty-1').inputValue()).toBe('12');
    await form.getByTestId('po-receive-submit').click();
    await e.page.getByTestId('toast').filter({ hasText: 'GR-000002 received at 1 JPY = 0.05 CNY' }).waitFor();
    await expect.poll(() => e.page.getByTestId('po-status').textContent()).toBe('Received');
    await expect.poll(() => e.page.getByTestId('po-receipt').count()).toBe(2);
    await e.screenshot('32-purchase-order');

    const [b] = (await e.api.call('stock.balances', { productId })).rows;
    expect(b).toMatchObject({ onHand: 24, value: 48737, avgCostE4: 20307083 });
    // a wrong receipt is taken back by a correcting entry (two clicks), then received again
    const second = e.page.getByTestId('po-receipt').filter({ hasText: 'GR-000002' });
    await second.getByTestId('reverse-receipt').click();
    await second.getByTestId('reverse-receipt-confirm').click();
    await e.page.getByTestId('toast').filter({ hasText: 'GR-000002 reversed' }).waitFor();
    await expect.poll(() => e.page.getByTestId('po-status').textContent()).toBe('Partly received');
    expect((await e.api.call('stock.balances', { productId })).rows[0]).toMatchObject({ onHand: 12, value: 23537 });
    // received again: 10 good and 2 crushed, written off at their cost
    await selectByLabelPrefix(e.page, 'field-locationId', 'HOME ·');
    await form.getByTestId('receive-qty-1').fill('10');
    await form.getByTestId('receive-damaged-1').fill('2');
    await form.getByTestId('receive-damaged-to-1').selectOption('write_off');
    await form.getByTestId('po-receive-submit').click();
    await expect.poll(() => e.page.getByTestId('po-status').textContent()).toBe('Received');
    // 12 at 235.37 + 10 of 12 at 252.00 (the 2 written off carry 42.00) → 22 worth 445.37
    expect((await e.api.call('stock.balances', { productId })).rows[0]).toMatchObject({ onHand: 22, value: 44537 });
    expect((await e.api.call('stock.movements', { productId, kind: 'write_off' })).rows.map((m) => [m.qty, m.value])).toEqual([[-2, -4200]]);
    // the order as a document for the supplier: their SKU, prices in yen, no app chrome
    await e.page.getByTestId('po-document-link').click();
    await e.page.getByTestId('po-document').waitFor();
    expect(await e.page.getByTestId('po-document').textContent()).toMatch(/PO-000001.*Osaka Drug Wholesale.*Expected 2026-12-05.*BIO-UV-50.*24.*420.*10,080.*Please pack in cartons of 12/);
    expect(await e.page.locator('.sidenav').isVisible()).toBe(false);
    await e.screenshot('33-purchase-order-document');
    const pdf = await e.page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await e.page.goto(`${e.host.bridge.url}/#/products/${productId}`);
    const row = e.page.locator('[data-testid="product-balance"][data-location="HOME"]');
    await row.waitFor();
    expect(await row.textContent()).toMatch(/22.*20\.24.*CNY.*445\.37.*CNY/);
  });
});
