// Suppliers in the UI: create one, add a product to its price list with breaks, and see a price
// with too many decimals for the supplier's currency refused at the field.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E({ seed: (api) => api.call('products.create', { sku: 'JP-SUN-001', name: 'UV Aqua Rich Watery Essence' }) });
  await e.page.goto(`${e.host.bridge.url}/#/suppliers`);
});
afterAll(async () => {
  await e?.close();
});
afterEach(() => {
  expect(e.problems).toEqual([]);
});

describe('suppliers screen', () => {
  it('creates a supplier in yen and opens its page', async () => {
    await e.page.getByText('No suppliers yet').waitFor();
    await e.page.getByTestId('new-supplier').first().click();
    const form = e.page.getByTestId('supplier-form');
    await form.getByTestId('field-name').fill('Osaka Drug Wholesale');
    await form.getByTestId('field-country').selectOption('JP');
    await form.getByTestId('field-currency').selectOption('JPY');
    await form.getByTestId('field-paymentTerms').fill('30 days net');
    await form.getByTestId('field-leadTimeDays').fill('10');
    await form.getByTestId('save').click();
    await e.page.getByTestId('supplier-row').filter({ hasText: 'Osaka Drug Wholesale' }).getByRole('link').click();
    await e.page.getByTestId('supplier-title').filter({ hasText: 'Osaka Drug Wholesale' }).waitFor();
  });

  it('adds a product with price breaks, and refuses ¥450.5 at the price field', async () => {
    await e.page.getByTestId('add-supplier-product').first().click();
    const form = e.page.getByTestId('price-form');
    await form.getByTestId('field-supplierSku').fill('BIO-UV-50');
    await form.getByTestId('field-unitPrice').fill('450.5');
    await form.getByTestId('field-productId').fill('JP-SUN');
    await form.locator('.suggest-list [role=option]', { hasText: 'JP-SUN-001' }).first().click();
    await form.getByTestId('field-priceBreaks').fill('12:420, 48:390');
    await form.getByTestId('field-moq').fill('12');
    await form.getByTestId('field-orderMultiple').fill('12');
    await form.getByTestId('save').click();
    await form.getByTestId('error-unitPrice').filter({ hasText: /decimal/ }).waitFor();
    await form.getByTestId('field-unitPrice').fill('450');
    await form.getByTestId('save').click();
    const row = e.page.getByTestId('price-row').filter({ hasText: 'BIO-UV-50' });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/JP-SUN-001.*450.*12\+ 420 · 48\+ 390/);
    await e.screenshot('31-supplier');
    const sources = await e.api.call('suppliers.sourcesOf', { productId: (await e.api.call('products.list', {})).rows[0]!.id });
    expect(sources).toMatchObject([{ supplierSku: 'BIO-UV-50', unitPrice: 450, moq: 12, orderMultiple: 12 }]);
  });
});
