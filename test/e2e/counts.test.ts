// A stock count driven by a barcode scanner, in English and then in Chinese. A scanner is a
// keyboard: it types the code's characters quickly and presses Enter, into whatever has focus.
// Here the keyboard does exactly that. The counts are checked against the ledger afterwards.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2E, type E2E } from './harness';
import { selectByLabelPrefix } from './pages/shell';

let e: E2E;
let home: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  e = await startE2E({
    seed: async (api) => {
      await api.call('settings.update', { baseCurrency: 'USD' });
      home = (await api.call('locations.create', { code: 'HOME', name: 'Home stockroom', kind: 'own' })).id;
      const products: [string, string, string, string | null, number, string][] = [
        ['MASK-01', 'Sheet mask', '面膜', '4901234567894', 12, '1.50'],
        ['SERUM-02', 'Vitamin C serum', '维C精华', '4006381333931', 5, '8.00'],
        ['LIP-03', 'Lip balm', '润唇膏', null, 4, '2.00'],
      ];
      for (const [sku, name, localName, barcode, qty, cost] of products) {
        ids[sku] = (await api.call('products.create', { sku, name, localName, barcode })).id;
        await api.call('stock.adjust', { productId: ids[sku]!, locationId: home, qty, unitCost: cost, reason: 'opening', occurredAt: '2026-01-05' });
      }
      // a SKU that is another product's barcode: scanning it must ask which one
      ids.ODD = (await api.call('products.create', { sku: '4006381333931', name: 'Odd import SKU' })).id;
    },
  });
});
afterAll(async () => {
  await e?.close();
});
afterEach(() => {
  expect(e.problems).toEqual([]);
});

/** What a scanner does: the characters, fast, then Enter. */
async function scan(p: Page, code: string): Promise<void> {
  await p.keyboard.type(code, { delay: 8 });
  await p.keyboard.press('Enter');
}

const counted = (p: Page, sku: string) => p.locator(`[data-testid="count-line"][data-sku="${sku}"]`).getAttribute('data-counted');

async function openCount(p: Page, opts: { blind: boolean }): Promise<void> {
  await p.getByTestId('nav-counts').click();
  await p.getByTestId('new-count').first().click();
  await p.getByTestId('count-form').waitFor();
  await selectByLabelPrefix(p, 'field-locationId', 'HOME');
  if (opts.blind) await p.getByTestId('field-blind').check();
  await p.getByTestId('count-form').locator('button[type="submit"]').click();
  await p.getByTestId('count-page').waitFor();
  // the scan box has focus: the scanner can start at once
  await expect.poll(() => p.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('count-scan');
}

describe('a scanner-driven stock count', () => {
  it('in English: blind scanning, an unknown code assigned, a shared code chosen, a bad quantity refused, then posted', async () => {
    const p = e.page;
    await openCount(p, { blind: true });
    expect(await p.getByTestId('count-withheld').textContent()).toContain('the book is hidden');
    expect(await p.getByTestId('count-lines').textContent()).not.toContain('Book');

    // eleven masks, one scan each
    for (let i = 0; i < 11; i++) await scan(p, '4901234567894');
    await expect.poll(() => counted(p, 'MASK-01')).toBe('11');
    expect(await p.getByTestId('count-last').textContent()).toContain('MASK-01 · Sheet mask: 11 counted');

    // focus elsewhere: the count still takes the scan (not the global search)
    await p.locator('h1').click();
    await scan(p, 'MASK-01');
    await expect.poll(() => counted(p, 'MASK-01')).toBe('12');
    expect(await p.getByTestId('global-search').inputValue()).toBe('');

    // the lip balm has no barcode yet: its box carries one the shop printed
    await scan(p, '2000000000015');
    await p.getByTestId('assign-code').waitFor();
    expect(await p.getByTestId('assign-code').textContent()).toContain('No product has the code “2000000000015”');
    await p.getByTestId('field-assign-product').fill('LIP');
    await p.locator('.suggest-list [role=option]', { hasText: 'LIP-03' }).first().click();
    await p.getByTestId('assign-code-save').click();
    await expect.poll(() => counted(p, 'LIP-03')).toBe('1');
    expect((await e.api.call('products.get', { id: ids['LIP-03']! })).product.barcode).toBe('2000000000015');
    await p.getByTestId('count-scan').focus();
    for (let i = 0; i < 2; i++) await scan(p, '2000000000015');
    await expect.poll(() => counted(p, 'LIP-03')).toBe('3');

    // the serum's barcode is also another product's SKU: which one is it?
    await scan(p, '4006381333931');
    await p.getByTestId('count-ambiguous').waitFor();
    await e.screenshot('119-count-scanning-ambiguous');
    await p.getByTestId('count-choose').filter({ hasText: 'SERUM-02' }).click();
    await expect.poll(() => counted(p, 'SERUM-02')).toBe('1');

    // typed by hand: half a serum is not a count
    const serum = p.locator('[data-testid="count-line"][data-sku="SERUM-02"] [data-testid="counted-input"]');
    await serum.fill('4.5');
    await serum.press('Enter');
    await expect.poll(() => p.getByTestId('counted-error').textContent()).toBe('Must be a whole number of units');
    await serum.fill('5');
    await serum.press('Enter');
    await expect.poll(() => counted(p, 'SERUM-02')).toBe('5');
    await e.screenshot('120-count-blind');

    // counting done: the differences and their value (lip balm: one missing at 2.00)
    await p.getByTestId('count-reveal').click();
    await p.getByTestId('count-review').waitFor();
    expect(await p.getByTestId('count-differences').textContent()).toBe('1 products differ: 0 units found, 1 missing');
    expect(await p.getByTestId('count-value').textContent()).toBe('-2.00USD');
    await e.screenshot('121-count-review');
    await p.getByTestId('count-post').click();
    await p.getByTestId('count-post-confirm').click();
    await expect.poll(() => p.getByTestId('count-page').getAttribute('data-status')).toBe('posted');
    const lip = (await e.api.call('stock.balances', { productId: ids['LIP-03']!, locationId: home })).rows[0]!;
    expect([lip.onHand, lip.value]).toEqual([3, 600]);
    expect((await e.api.call('stock.check', {})).ok).toBe(true);
  });

  it('in Chinese: the same count, every label in Chinese, Chinese names first', async () => {
    const p = e.page;
    await e.api.call('settings.update', { locale: 'zh' });
    await p.getByTestId('nav-counts').waitFor();
    await expect.poll(() => p.getByTestId('nav-counts').textContent()).toContain('盘点');
    await openCount(p, { blind: false });
    expect(await p.locator('label[for="count-scan"]').textContent()).toBe('扫码或输入条码 / SKU，然后回车');
    for (let i = 0; i < 12; i++) await scan(p, '4901234567894');
    await expect.poll(() => counted(p, 'MASK-01')).toBe('12');
    expect(await p.getByTestId('count-last').textContent()).toContain('MASK-01 · 面膜：已盘 12');
    const mask = p.locator('[data-testid="count-line"][data-sku="MASK-01"]');
    expect(await mask.locator('.product-name-first').textContent()).toBe('面膜');
    // one more than the book: found stock
    await scan(p, '4901234567894');
    await expect.poll(() => mask.getByTestId('line-difference').textContent()).toBe('+1');
    await scan(p, '0000000000000');
    await expect.poll(() => p.getByTestId('assign-code').textContent()).toContain('没有商品的编码是“0000000000000”');
    await e.screenshot('122-count-zh');
    await p.getByTestId('count-post').click();
    await p.getByTestId('count-post-confirm').click();
    await expect.poll(() => p.getByTestId('count-status').textContent()).toBe('已过账');
    const m = (await e.api.call('stock.balances', { productId: ids['MASK-01']!, locationId: home })).rows[0]!;
    expect(m.onHand).toBe(13);
    await e.api.call('settings.update', { locale: 'en' });
  });

  it('anywhere else, a scanned code no product has is offered as a product’s barcode', async () => {
    const p = e.page;
    await p.getByTestId('nav-dashboard').click();
    await p.locator('h1').click();
    await scan(p, '0000000000017');
    const panel = p.getByTestId('search-assign-panel');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('No product has the code “0000000000017”');
    await p.getByTestId('field-assign-product').fill('Odd');
    await p.locator('.suggest-list [role=option]', { hasText: 'Odd import SKU' }).first().click();
    await p.getByTestId('assign-code-save').click();
    await p.waitForFunction((id) => location.hash === `#/products/${id}`, ids.ODD);
    expect((await e.api.call('products.get', { id: ids.ODD! })).product.barcode).toBe('0000000000017');
    // the next scan opens it straight away
    await p.getByTestId('nav-dashboard').click();
    await p.locator('h1').click();
    await scan(p, '0000000000017');
    await p.waitForFunction((id) => location.hash === `#/products/${id}`, ids.ODD);
  });
});
