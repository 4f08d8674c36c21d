// Moving around a living business (the demo data): global search and barcode scanning, the
// products table (sort, filter, keyboard), variants, the journal, Chinese, and the access banner.
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatQty } from '../../main/common/format';
import { seedDemo } from '../../main/core/demo/seed';
import { startBridge } from '../../main/server/bridge';
import { rendererDir } from '../../main/server/standalone';
import { SCREENSHOTS, startE2E, type E2E } from './harness';
import { DashboardPage } from './pages/dashboard';
import { MovementsPage } from './pages/movements';
import { ProductPage } from './pages/product';
import { ProductForm, ProductsPage } from './pages/products';
import { SettingsPage } from './pages/settings';
import { Shell } from './pages/shell';

let e: E2E;

beforeAll(async () => {
  e = await startE2E({ seed: seedDemo });
});

afterAll(async () => {
  await e?.close();
});

afterEach(() => {
  expect(e.problems).toEqual([]);
});

describe('finding things', () => {
  it('"/" focuses the global search, which finds products as you type', async () => {
    const shell = new Shell(e.page);
    await e.page.locator('body').click({ position: { x: 700, y: 600 } });
    await e.page.keyboard.press('/');
    await expect.poll(() => e.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('global-search');
    await e.page.keyboard.type('snail');
    await shell.searchHits().filter({ hasText: 'KR-SRM-100' }).waitFor();
    await e.screenshot('20-global-search');
    await e.page.keyboard.press('Escape');
  });

  it('opens the product when a scanner types its barcode and Enter, from anywhere', async () => {
    const p = (await e.api.call('products.list', { search: 'KR-SRM-100' })).rows[0]!;
    expect(p.barcode).toMatch(/^\d{13}$/);
    await e.page.locator('.page-head h1').click();
    await e.page.keyboard.type(p.barcode!, { delay: 5 });
    await e.page.keyboard.press('Enter');
    const product = new ProductPage(e.page);
    await product.title().filter({ hasText: 'KR-SRM-100' }).waitFor();
    expect(e.page.url()).toContain(`#/products/${p.id}`);
  });

  it('opens the stock of a location picked in the global search', async () => {
    const shell = new Shell(e.page);
    await shell.search.fill('TYO');
    await shell.searchHits().filter({ hasText: 'Tokyo' }).click();
    await e.page.getByTestId('balance-row').first().waitFor();
    const rows = await e.page.getByTestId('balance-row').allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r).toContain('TYO');
    expect(e.page.url()).toMatch(/#\/stock\?location=/);
  });
});

describe('the products table', () => {
  it('sorts by value, filters as you type, and opens rows from the keyboard', async () => {
    const products = new ProductsPage(e.page);
    await products.open();
    await products.rows().first().waitFor();
    const total = (await e.api.call('products.list')).total;
    expect(await e.page.getByTestId('products-total').textContent()).toContain(String(total));

    await e.page.getByTestId('sort-value').click();
    const richest = (await e.api.call('products.list', { sort: 'value', dir: 'desc', limit: 3 })).rows.map((r) => r.sku);
    await expect.poll(async () => (await products.rows().first().textContent()) ?? '').toContain(richest[0]!);
    await e.screenshot('21-products-by-value');

    await e.page.locator('.vt-body').focus();
    await e.page.keyboard.press('ArrowDown');
    await e.page.keyboard.press('ArrowDown');
    await e.page.keyboard.press('Enter');
    await new ProductPage(e.page).title().filter({ hasText: richest[2]! }).waitFor();

    await products.open();
    await products.search('cushion');
    const expected = (await e.api.call('products.list', { search: 'cushion' })).total;
    expect(expected).toBeGreaterThan(1);
    await expect.poll(() => products.rows().count()).toBe(expected);
    for (const text of await products.rows().allTextContents()) expect(text.toLowerCase()).toContain('cushion');
    await products.search('');
    await e.page.getByTestId('sort-value').click(); // back to ascending, then to SKU order
    await e.page.getByTestId('sort-sku').click();
  });

  it('undoes a mistyped adjustment from its confirmation, leaving both in the history', async () => {
    const p = (await e.api.call('products.list', { search: 'KR-SRM-100' })).rows[0]!;
    const before = (await e.api.call('stock.balances', { productId: p.id })).rows.find((b) => b.locationCode === 'HOME');
    await e.page.goto(`${e.host.bridge.url}/#/products/${p.id}`);
    const page = new ProductPage(e.page);
    await page.title().filter({ hasText: 'KR-SRM-100' }).waitFor();
    const adjust = await page.openAdjust();
    await adjust.fill({ location: 'HOME', qty: '1000', unitCost: '1.00', reason: 'received', note: 'meant 10' });
    await adjust.submit();
    await page.shell.toast(/Stock adjusted/);
    await e.page.getByTestId('toast').filter({ hasText: /Stock adjusted/ }).getByTestId('toast-action').click();
    await page.shell.toast(/Undone/);
    const after = (await e.api.call('stock.balances', { productId: p.id })).rows.find((b) => b.locationCode === 'HOME');
    // quantity and value exactly as before; the average is derived from them again (the stored one
    // may have carried sub-unit rounding from earlier issues)
    expect(after).toMatchObject({ onHand: before?.onHand ?? 0, value: before?.value ?? 0 });
    expect(after!.avgCostE4).toBe(Math.round((after!.value * 10_000) / after!.onHand));
    expect(Math.abs(after!.avgCostE4 - before!.avgCostE4)).toBeLessThan(10_000);
    await expect.poll(() => page.onHandAt('HOME')).toBe(formatQty(before?.onHand ?? 0));
    const last = (await e.api.call('stock.movements', { productId: p.id, limit: 2 })).rows;
    expect(last.map((m) => [m.qty, m.docType])).toEqual([[-1000, 'reversal'], [1000, 'adjustment']]);
    await e.screenshot('28-undone');

    // Noticed later: reverse an earlier adjustment from the history (two clicks)
    await e.page.getByTestId('history-row').filter({ hasText: 'meant 10' }).getByTestId('reverse').click();
    await e.page.getByTestId('history-row').filter({ hasText: 'meant 10' }).getByTestId('reverse-confirm').click();
    await page.shell.toast(/already reversed/);
    const issue = await e.api.call('stock.adjust', { productId: p.id, locationId: before!.locationId, qty: -1, reason: 'damaged', note: 'dented box' });
    const row = e.page.getByTestId('history-row').filter({ hasText: 'dented box' });
    await row.getByTestId('reverse').click();
    await row.getByTestId('reverse-confirm').click();
    // the reversal carries the original's document id; wait for it, not the original
    await expect
      .poll(async () => {
        const m = (await e.api.call('stock.movements', { productId: p.id, limit: 1 })).rows[0];
        return m ? `${m.docType}:${m.docId}` : '';
      })
      .toBe(`reversal:${issue.docId}`);
    expect((await e.api.call('stock.balances', { productId: p.id })).rows.find((b) => b.locationCode === 'HOME')?.onHand).toBe(before!.onHand);
  });

  it('adds a variant to a parent product with its options', async () => {
    const parent = (await e.api.call('products.list', { search: 'JP-LIP-090' })).rows.find((r) => r.sku === 'JP-LIP-090')!;
    await e.page.goto(`${e.host.bridge.url}/#/products/${parent.id}`);
    await e.page.getByTestId('variants').waitFor();
    await expect.poll(() => e.page.getByTestId('variants').locator('tbody tr').count()).toBe(parent.variantCount);
    await e.page.getByTestId('add-variant').click();
    const form = new ProductForm(e.page);
    await form.root.waitFor();
    expect(await form.field('sku').inputValue()).toBe('JP-LIP-090-');
    await form.field('sku').fill('JP-LIP-090-NUDE');
    await form.field('name').fill('Canmake Melty Lumi Rouge – Nude');
    await form.root.getByTestId('option-value-0').fill('Nude');
    await e.screenshot('22-variant-form');
    await form.submit();
    const page = new ProductPage(e.page);
    await page.title().filter({ hasText: 'JP-LIP-090-NUDE' }).waitFor();
    const saved = (await e.api.call('products.list', { search: 'JP-LIP-090-NUDE' })).rows[0]!;
    expect(saved.parentId).toBe(parent.id);
    expect(saved.options).toEqual({ colour: 'Nude' });
    await e.page.locator('.subtitle a', { hasText: 'JP-LIP-090' }).waitFor();
  });
});

describe('the journal', () => {
  it('filters movements by kind', async () => {
    const moves = new MovementsPage(e.page);
    await moves.open();
    await moves.rows().first().waitFor();
    await moves.filterKind('transfer_in');
    await expect.poll(async () => (await moves.rows().allTextContents()).every((t) => t.includes('Transfer in'))).toBe(true);
    expect(await moves.rows().count()).toBeGreaterThan(0);
    await e.screenshot('23-movements');
  });
});

describe('in Chinese', () => {
  it('switches the whole UI to Simplified Chinese and back', async () => {
    const settings = new SettingsPage(e.page);
    await settings.open();
    await settings.setLocale('zh');
    expect(await e.page.getByTestId('nav-products').textContent()).toContain('商品');
    const dash = new DashboardPage(e.page);
    await dash.open();
    await dash.bars('chart-value-by-category').first().waitFor();
    expect(await e.page.locator('.page-head h1').textContent()).toBe('概览');
    await e.screenshot('24-dashboard-zh');
    const products = new ProductsPage(e.page);
    await products.open();
    await products.rows().first().click();
    const product = new ProductPage(e.page);
    await product.title().waitFor();
    await product.openAdjust();
    expect(await e.page.getByTestId('adjust-form').textContent()).toContain('原因');
    await e.screenshot('25-adjust-zh');
    await product.shell.closePanel();
    await settings.open();
    await settings.setLocale('en');
    expect(await e.page.getByTestId('nav-products').textContent()).toContain('Products');
  });
});

describe('keyboard', () => {
  it('skips to the content, lists the shortcuts on "?", goes to a screen with "g" and a letter, and shows where focus is', async () => {
    const p = e.page;
    await p.getByTestId('nav-dashboard').click();
    // the skip link is the stop before the brand, the first thing in the top bar
    await p.locator('.brand').focus();
    await p.keyboard.press('Shift+Tab');
    expect(await p.evaluate(() => document.activeElement?.outerHTML.slice(0, 120))).toContain('skip-link');
    await p.keyboard.press('Enter');
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('main');

    await p.keyboard.press('?');
    const help = p.getByTestId('help-overlay');
    await help.waitFor();
    expect(await help.textContent()).toContain('Scan a barcode from any screen');
    await e.screenshot('123-keyboard-help');
    await p.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });

    await p.keyboard.press('g');
    await p.keyboard.press('c');
    await p.waitForFunction(() => document.querySelector('[data-testid="nav-counts"]')?.getAttribute('aria-current') === 'page');

    // the first thirty stops of Tab each show a focus ring (an outline or a box shadow)
    const unmarked: string[] = [];
    for (let i = 0; i < 30; i++) {
      await p.keyboard.press('Tab');
      const seen = await p.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        // past the last control, focus leaves the page for the browser's own: not ours to mark
        if (!el || el === document.body) return '';
        const s = getComputedStyle(el);
        const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
        return ring ? '' : `${el.tagName} ${el.getAttribute('data-testid') ?? el.textContent?.slice(0, 30)}`;
      });
      if (seen) unmarked.push(seen);
    }
    expect(unmarked).toEqual([]);
  });
});

describe('access', () => {
  it('explains what to do when the page was opened without its link, or with a wrong one', async () => {
    // A separate browser context: the refused socket and 401 are expected to be logged there.
    const context = await e.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(e.host.bridge.url);
      const banner = page.getByTestId('connection-banner');
      await banner.waitFor();
      expect(await banner.getAttribute('data-state')).toBe('no-token');
      expect(await banner.textContent()).toContain('npm start');
      await page.goto(`${e.host.bridge.url}/#token=not-the-secret`);
      await page.reload();
      await page.waitForFunction(() => document.querySelector('[data-testid="connection-banner"]')?.getAttribute('data-state') === 'unauthorized');
      expect(page.url()).not.toContain('not-the-secret');
      await page.screenshot({ path: path.join(SCREENSHOTS, '26-refused-token.png') });
    } finally {
      await context.close();
    }
  });

  it('shows that the connection dropped, reconnects by itself and carries on', async () => {
    const dash = new DashboardPage(e.page);
    await dash.open();
    await dash.kpi('units');
    const { port, secret } = e.host.bridge;
    await e.host.bridge.close();
    const banner = e.page.getByTestId('connection-banner');
    await banner.waitFor();
    expect(await banner.getAttribute('data-state')).toBe('reconnecting');
    await e.screenshot('27-reconnecting');

    const bridge = await startBridge({ dispatcher: e.host.app.dispatcher, staticDir: rendererDir(), port, secret });
    e.defer(() => bridge.close());
    await banner.waitFor({ state: 'detached', timeout: 15_000 });

    // Events flow again: a change made now reaches the open page.
    const p = (await e.api.call('products.list', { search: 'JP-SUN-001' })).rows[0]!;
    const home = (await e.api.call('locations.list')).find((l) => l.code === 'HOME')!;
    await e.api.call('stock.adjust', { productId: p.id, locationId: home.id, qty: 2, reason: 'found' });
    const units = (await e.api.call('dashboard.summary')).totals.units;
    await expect.poll(() => dash.kpi('units')).toBe(formatQty(units));

    // While the server was away the browser logged its failed connection attempts: expected here.
    const unexpected = e.problems.filter((p) => !/ERR_CONNECTION_REFUSED|WebSocket connection to .* failed/.test(p));
    e.problems.length = 0;
    expect(unexpected).toEqual([]);
  });
});
