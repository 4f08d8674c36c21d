// The first-day journey of a merchant, through the real UI against the real backend: set the base
// currency, create locations, create a product, receive stock with a unit cost, transfer part of
// it, and watch the dashboard follow. Plus the mistakes the UI must catch at the right field.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { gs1CheckDigit } from '../../main/common/codes';
import { startE2E, type E2E } from './harness';
import { DashboardPage } from './pages/dashboard';
import { LocationsPage } from './pages/locations';
import { ProductPage } from './pages/product';
import { ProductsPage } from './pages/products';
import { SettingsPage } from './pages/settings';

const SKU = 'JP-SUN-001';
const BODY = '490123456789';
const GOOD_BARCODE = BODY + gs1CheckDigit(BODY);
const BAD_BARCODE = BODY + ((gs1CheckDigit(BODY) + 1) % 10);

let e: E2E;
let productUrl = '';

beforeAll(async () => {
  e = await startE2E();
});

afterAll(async () => {
  await e?.close();
});

afterEach(() => {
  // No console error, uncaught exception or CSP violation at any step.
  expect(e.problems).toEqual([]);
});

describe('first day with Crossdock', () => {
  it('shows a newcomer what to do when nothing exists yet', async () => {
    const dash = new DashboardPage(e.page);
    await dash.firstRun().waitFor();
    expect(await dash.firstRun().textContent()).toContain('npm start -- --demo');
    await e.screenshot('01-first-run');
  });

  it('chooses the base currency in Settings', async () => {
    const settings = new SettingsPage(e.page);
    await settings.open();
    await settings.setBaseCurrency('CNY');
    await settings.shell.toast(/Settings saved/);
    expect((await e.api.call('settings.get')).baseCurrency).toBe('CNY');
    await e.page.locator('.topbar .pill', { hasText: 'CNY' }).waitFor();
  });

  it('creates two locations through the form', async () => {
    const locations = new LocationsPage(e.page);
    await locations.open();
    await locations.create({ code: 'HOME', name: 'Home stockroom, Shanghai', kind: 'own', country: 'CN' });
    await locations.create({ code: 'TYO', name: 'Tokyo consolidation warehouse', kind: 'overseas', country: 'JP' });
    await expect.poll(() => locations.rows().count()).toBe(2);
    await e.screenshot('02-locations');
    const saved = await e.api.call('locations.list');
    expect(saved.map((l) => [l.code, l.kind, l.country])).toEqual([
      ['HOME', 'own', 'CN'],
      ['TYO', 'overseas', 'JP'],
    ]);
  });

  it('creates a product with the product form', async () => {
    const products = new ProductsPage(e.page);
    await products.open();
    const form = await products.openNewForm();
    await form.fill({
      sku: SKU,
      name: 'UV Aqua Rich Watery Essence SPF50+ 50g',
      localName: '碧柔水感防晒精华',
      barcode: GOOD_BARCODE,
      brand: 'Biore',
      category: 'Skincare',
      hsQuery: '3304',
      hsPick: '330499',
      originCountry: 'JP',
      weightG: '70',
      lowStockThreshold: '8',
    });
    expect(await form.field('hsCode').inputValue()).toBe('330499');
    await e.screenshot('03-product-form');
    await form.submit();
    const product = new ProductPage(e.page);
    await product.title().filter({ hasText: SKU }).waitFor();
    productUrl = e.page.url();
    const saved = (await e.api.call('products.list', { search: SKU })).rows[0];
    expect(saved).toMatchObject({ sku: SKU, barcode: GOOD_BARCODE, hsCode: '330499', originCountry: 'JP', weightG: 70, localName: '碧柔水感防晒精华' });
  });

  it('refuses a duplicate SKU and a mistyped barcode next to the field, saving nothing', async () => {
    const products = new ProductsPage(e.page);
    await products.open();
    await products.rows().first().waitFor();
    const form = await products.openNewForm();
    await form.fill({ sku: SKU, name: 'Another essence' });
    await form.submit();
    await form.error('sku').waitFor();
    expect(await form.error('sku').textContent()).toMatch(/already used/);
    expect(await form.field('sku').inputValue()).toBe(SKU);
    expect(await form.field('name').inputValue()).toBe('Another essence');
    await e.screenshot('04-duplicate-sku');

    await form.field('sku').fill('JP-SUN-002');
    await form.field('barcode').fill(BAD_BARCODE);
    await form.submit();
    await form.error('barcode').waitFor();
    expect(await form.error('barcode').textContent()).toMatch(/check digit should be \d/i);
    expect(await form.error('sku').count()).toBe(0);
    expect(await form.field('barcode').inputValue()).toBe(BAD_BARCODE);
    await e.screenshot('05-bad-barcode');
    await products.shell.closePanel();

    expect((await e.api.call('products.list', { status: 'all' })).total).toBe(1);
  });

  it('receives stock with a positive adjustment at a unit cost', async () => {
    await e.page.goto(productUrl);
    const product = new ProductPage(e.page);
    await product.title().waitFor();
    const adjust = await product.openAdjust();
    await adjust.fill({ location: 'HOME', qty: '10', unitCost: '58.00', reason: 'received', note: 'first shipment' });
    await e.screenshot('06-adjust');
    await adjust.submit();
    await product.shell.toast(/Stock adjusted/);
    await expect.poll(() => product.onHandAt('HOME')).toBe('10');
    expect(await product.balanceText('HOME')).toMatch(/580\.00\s*CNY/);
    await product.historyRows().first().waitFor();
  });

  it('transfers part of it to another location', async () => {
    const product = new ProductPage(e.page);
    const transfer = await product.openTransfer();
    expect(await transfer.availableHint()).toContain('10');
    await transfer.fill({ to: 'TYO', qty: '4', note: 'EMS to Tokyo' });
    await transfer.submit();
    await product.shell.toast(/Moved 4/);
    await expect.poll(() => product.onHandAt('TYO')).toBe('4');
    expect(await product.onHandAt('HOME')).toBe('6');
    expect(await product.balanceText('HOME')).toMatch(/348\.00\s*CNY/);
    expect(await product.balanceText('TYO')).toMatch(/232\.00\s*CNY/);
    await expect.poll(() => product.historyRows().count()).toBe(3);
    await e.screenshot('07-product-after-transfer');
  });

  it('refuses to transfer more than is on hand, at the quantity field', async () => {
    const product = new ProductPage(e.page);
    const transfer = await product.openTransfer();
    await transfer.fill({ from: 'HOME', to: 'TYO', qty: '100' });
    await transfer.submit();
    await transfer.error('qty').waitFor();
    expect(await transfer.error('qty').textContent()).toMatch(/only 6 on hand/i);
    await e.screenshot('08-transfer-too-many');
    await product.shell.closePanel();
    const detail = await e.api.call('products.get', { id: (await e.api.call('products.list', { search: SKU })).rows[0]!.id });
    expect(detail.balances.map((b) => [b.locationCode, b.onHand]).sort()).toEqual([
      ['HOME', 6],
      ['TYO', 4],
    ]);
  });

  it('shows it all on the dashboard, and follows live changes', async () => {
    const dash = new DashboardPage(e.page);
    await dash.open();
    await expect.poll(() => dash.kpi('units')).toBe('10');
    expect(await dash.kpi('value')).toMatch(/^580\.00\s*CNY$/);
    expect(await dash.kpi('products')).toBe('1');
    expect(await dash.kpi('locations')).toBe('2');
    await expect.poll(() => dash.bars('chart-value-by-category').count()).toBe(1);
    await expect.poll(() => dash.bars('chart-value-by-location').count()).toBe(2);
    await expect.poll(() => dash.bars('chart-movements').count()).toBeGreaterThan(0);
    await e.screenshot('09-dashboard');

    // Another window (here: the backend directly) writes off 3 damaged units in Tokyo: the dashboard follows.
    const product = (await e.api.call('products.list', { search: SKU })).rows[0]!;
    const tyo = (await e.api.call('locations.list')).find((l) => l.code === 'TYO')!;
    await e.api.call('stock.adjust', { productId: product.id, locationId: tyo.id, qty: -3, reason: 'damaged' });
    await expect.poll(() => dash.kpi('units')).toBe('7');
    expect(await dash.kpi('value')).toMatch(/^406\.00\s*CNY$/);
    await expect.poll(() => dash.lowStockItems().count()).toBe(1);
    await e.screenshot('10-dashboard-live');
  });
});
