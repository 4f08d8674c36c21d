// The what-if landed-cost calculator on the demo business, in Chromium. The worked example is the
// Australian Border Force's: goods of USD 1,274.00 (AUD 1,400.00 at 1.0989011) with USD 118.30
// freight (AUD 130.00): duty 5% of the FOB value = 70.00; GST 10% of 1,400 + 130 + 70 = 160.00;
// landed 1,760.00 AUD. A 30% margin on that asks 1,760 / 0.7 = 2,514.2857… → 2,514.29.
// Then: saved and reopened, ordered (a line that is not a product is named; a product line
// becomes a draft purchase order), a product's own duty rate, and the customs profiles screen.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../main/core/demo/seed';
import { startE2E, type E2E } from './harness';
import { CalculatorPage } from './pages/calculator';

let e: E2E;
let calc: CalculatorPage;

beforeAll(async () => {
  e = await startE2E({ seed: seedDemo });
  calc = new CalculatorPage(e.page);
});
afterAll(async () => {
  await e?.close();
});
afterEach(() => {
  expect(e.problems).toEqual([]);
});

describe('the landed-cost calculator', () => {
  it('works out the Australian Border Force example as it is typed', async () => {
    await e.page.getByTestId('nav-calculator').click();
    await e.page.getByTestId('calculator').waitFor();
    // a new calculation is in the base currency (the demo's CNY), dated today
    expect(await calc.field('field-calc-currency').inputValue()).toBe('CNY');
    await e.page.getByTestId('calc-results-empty').waitFor();

    await calc.setResultCurrency('AUD');
    await calc.fillLine(0, { name: 'Wireless headphones', currency: 'USD', unitPrice: '1274.00', hsCode: '851840', duty: '5' });
    await calc.addCharge({ kind: 'freight', amount: '118.30', currency: 'USD', split: 'value' });
    expect(await calc.field('charge-0-customs').isChecked()).toBe(true);
    await calc.setProfile('AU');
    // the dated table has a USD→AUD rate (ECB, through EUR): shown, and typed over
    await expect.poll(() => calc.rate('USD').inputValue()).toMatch(/^\d+\.\d+$/);
    expect(await calc.rateSource('USD')).toMatch(/ECB/);
    await calc.rate('USD').fill('1.0989011');
    expect(await calc.rateSource('USD')).toMatch(/typed/);

    await expect.poll(() => calc.total('landed')).toBe('1,760.00');
    expect(await calc.total('goods')).toBe('1,400.00');
    expect(await calc.total('duty')).toBe('70.00');
    expect(await calc.total('vat')).toBe('160.00');
    expect(await calc.lineResult(0, 'unit')).toBe('1,760.00');
    // a duty rate typed on the line needs no source
    expect(await e.page.getByTestId('rate-source').count()).toBe(0);

    // where the money goes: five bars once recharts has loaded
    await expect.poll(() => calc.chartBars()).toBeGreaterThanOrEqual(4);

    await calc.setTarget('margin', '30');
    await expect.poll(() => calc.lineResult(0, 'price')).toBe('2,514.29');
    await calc.setTarget('markup', '30');
    await expect.poll(() => calc.lineResult(0, 'price')).toBe('2,288.00');
    await calc.setTarget('margin', '30');
    await expect.poll(() => calc.lineResult(0, 'price')).toBe('2,514.29');
    await calc.scrollTo('calculator');
    await e.screenshot('50-calculator-abf');
    await calc.scrollTo('calc-results');
    await e.screenshot('51-calculator-results');
  });

  it('shows an error next to the field it names, and a margin of 100% has no price', async () => {
    await calc.field('line-0-quantity').fill('1.5');
    await expect.poll(() => calc.error('line-0-quantity')).toMatch(/positive integer/);
    await calc.field('line-0-quantity').fill('1');
    await expect.poll(() => calc.error('line-0-quantity')).toBe('');
    await expect.poll(() => calc.total('landed')).toBe('1,760.00');

    // a broker's fee split by hand: the shares must add up to the fee; not in the customs value, so no GST on it
    const j = await calc.addCharge({ kind: 'brokerage', amount: '50.00', currency: 'AUD', split: 'manual' });
    expect(await calc.field(`charge-${j}-customs`).isChecked()).toBe(false);
    await calc.field(`charge-${j}-manual-0`).fill('20.00');
    await expect.poll(() => calc.error(`charge-${j}-split`)).toMatch(/add up to 20\.00 AUD, not the charge's 50\.00 AUD/);
    await calc.field('line-0-quantity').fill('0');
    await expect.poll(() => calc.error('line-0-quantity')).toMatch(/positive integer/);
    await calc.scrollTo('calc-lines');
    await e.screenshot('52-calculator-errors');
    await calc.field('line-0-quantity').fill('1');
    await calc.field(`charge-${j}-manual-0`).fill('50.00');
    await expect.poll(() => calc.total('landed')).toBe('1,810.00');
    expect(await calc.total('vat')).toBe('160.00');
    await calc.field(`charge-${j}-remove`).click();
    await expect.poll(() => calc.total('landed')).toBe('1,760.00');

    await calc.field('price-pct').fill('100');
    await expect.poll(() => calc.error('price-pct')).toMatch(/below 100%/);
    await calc.field('price-pct').fill('30');
  });

  it('saves the calculation and opens it again from the saved list', async () => {
    await calc.save('ABF headphones example');
    await calc.shell.toast(/Saved “ABF headphones example”/);
    await expect.poll(() => e.page.evaluate(() => location.hash)).toMatch(/^#\/calculator\/[0-9a-f-]{36}$/);
    await calc.savedRow('ABF headphones example').waitFor();

    await e.page.getByTestId('calc-new').click();
    await expect.poll(() => calc.field('line-0-unitPrice').inputValue()).toBe('');
    await calc.savedRow('ABF headphones example').getByTestId('saved-calc-open').click();
    await expect.poll(() => calc.field('line-0-unitPrice').inputValue()).toBe('1274.00');
    expect(await calc.field('line-0-duty').inputValue()).toBe('5');
    expect(await calc.field('field-calc-currency').inputValue()).toBe('AUD');
    await expect.poll(() => calc.field('field-calc-profile').inputValue()).toBe('AU');
    expect(await calc.rate('USD').inputValue()).toBe('1.0989011');
    expect(await calc.field('charge-0-amount').inputValue()).toBe('118.30');
    await expect.poll(() => calc.total('landed')).toBe('1,760.00');
    expect(await calc.field('calc-state').textContent()).toBe('saved');
  });

  it('will not order a line that is not a product, and says which line', async () => {
    await calc.createPo('Portland Outlet Supply');
    await expect.poll(() => calc.error('line-0-product')).toMatch(/^Line 1 \(Wireless headphones\) is not a product yet/);
    expect(await e.page.getByTestId('calc-order').getByTestId('form-error').textContent()).toMatch(/Cannot order/);
    await e.screenshot('53-calculator-order-refused');
  });

  it('orders a calculation of products: a draft purchase order at its prices', async () => {
    await calc.open();
    await calc.fillLine(0, { product: 'US-VIT-200', currency: 'USD', quantity: '12', unitPrice: '14.50' });
    // the product brings its name, HS code and weight (650 g)
    expect(await calc.field('line-0-name').inputValue()).toBe('Kirkland Fish Oil 400 softgels');
    expect(await calc.field('line-0-hsCode').inputValue()).toBe('210690');
    expect(await calc.field('line-0-weight').inputValue()).toBe('0.65');
    // Enter in the last line goes to a new line in the same column
    await calc.field('line-0-quantity').press('Enter');
    await expect.poll(() => e.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('line-1-quantity');
    await expect.poll(() => e.page.getByTestId('calc-line').count()).toBe(2);
    await calc.field('line-1-remove').click();
    await calc.addCharge({ kind: 'freight', amount: '40.00', currency: 'USD', split: 'weight' });
    await expect.poll(() => calc.total('goods')).not.toBe('');
    await calc.field('field-calc-name').fill('Fish oil restock');
    await calc.createPo('Portland Outlet Supply');
    await e.page.getByTestId('po-title').filter({ hasText: 'Portland Outlet Supply' }).waitFor();
    expect(await e.page.evaluate(() => location.hash)).toMatch(/^#\/purchasing\/[0-9a-f-]{36}$/);
    const line = e.page.getByTestId('po-line').first();
    expect(await line.textContent()).toMatch(/US-VIT-200.*Kirkland Fish Oil.*12.*14\.50.*174\.00/);
    await e.screenshot('54-calculator-po');
    const saved = await e.api.call('landed.calculations');
    // the demo business comes with one saved what-if of its own
    expect(saved.map((c) => c.name).sort()).toEqual(['ABF headphones example', 'Fish oil restock', 'Next Osaka round by sea']);
  });
});

describe('duty rates and customs profiles', () => {
  it("uses a product's own duty rate for the profile when the line has none", async () => {
    const product = (await e.api.call('products.list', { search: 'US-BAG-220' })).rows[0]!;
    await e.page.evaluate((id) => (location.hash = `#/products/${id}`), product.id);
    const panel = e.page.getByTestId('duty-rates');
    await panel.waitFor();
    await e.page.getByTestId('field-duty-profile').selectOption('AU');
    await e.page.getByTestId('field-duty-rate').fill('7.5');
    await e.page.getByTestId('duty-rate-save').click();
    await panel.getByTestId('duty-rate-row').filter({ hasText: '7.5%' }).waitFor();
    await e.screenshot('55-product-duty-rates');

    await calc.open();
    await calc.setResultCurrency('AUD');
    await calc.setProfile('AU');
    await calc.fillLine(0, { product: 'US-BAG-220', currency: 'AUD', quantity: '100', unitPrice: '20.00' });
    await expect.poll(async () => (await e.page.getByTestId('rate-source').count()) && e.page.getByTestId('rate-source').textContent()).toBe('7.5% · product rate');
    // 100 × 20.00 = 2,000.00 over the threshold: duty 7.5% = 150.00
    await expect.poll(() => calc.total('duty')).toBe('150.00');
    // a second line without any rate: the engine's warning names it by number and name
    await calc.field('add-line').click();
    await calc.fillLine(1, { name: 'Sample pouch', currency: 'AUD', quantity: '10', unitPrice: '1.00' });
    await expect.poll(async () => ((await e.page.getByTestId('calc-warnings').count()) ? e.page.getByTestId('calc-warnings').textContent() : '')).toContain('line 2 (Sample pouch) has no duty rate');

    // removed again: no rate (the placeholder profile has no tariff row for 420222)
    await e.page.evaluate((id) => (location.hash = `#/products/${id}`), product.id);
    await e.page.getByTestId('duty-rate-row').getByTestId('duty-rate-remove').click();
    await e.page.getByTestId('duty-rates').getByText('No rates of its own').waitFor();
  });

  it('lists profiles by code; editing a shipped version keeps an edited one, and reverting brings the shipped rules back', async () => {
    await e.page.getByTestId('nav-calculator').click();
    await e.page.getByTestId('customs-link').click();
    const au = e.page.locator('[data-testid="profile-group"][data-code="AU"]');
    await au.waitFor();
    const first = au.getByTestId('profile-version').first();
    const from = await first.getAttribute('data-from');
    expect(await first.getAttribute('data-origin')).toBe('shipped');
    await first.getByTestId('edit-version').click();
    const form = e.page.getByTestId('profile-form');
    await form.getByTestId('pf-add-tariff').click();
    await form.getByTestId('pf-tariff.0.hs').fill('4202');
    await form.getByTestId('pf-tariff.0.dutyRate').fill('5');
    await form.getByTestId('field-pf-vatPct').fill('abc');
    await form.getByTestId('save').click();
    await expect.poll(async () => ((await form.getByTestId('error-pf-vatPct').count()) ? form.getByTestId('error-pf-vatPct').textContent() : '')).toMatch(/not a decimal number/);
    await e.screenshot('56-customs-profile-form');
    await form.getByTestId('field-pf-vatPct').fill('10');
    await form.getByTestId('save').click();
    await form.waitFor({ state: 'detached' });
    const edited = au.locator(`[data-testid="profile-version"][data-from="${from}"]`);
    await expect.poll(() => edited.getAttribute('data-origin')).toBe('edited');
    await e.screenshot('57-customs-profiles');
    const saved = (await e.api.call('landed.profiles')).find((p) => p.code === 'AU' && p.validFrom === from)!;
    expect(saved.tariff).toEqual([{ hs: '4202', dutyRate: '0.05', exciseRate: null }]);

    await edited.getByTestId('remove-version').click();
    await edited.getByTestId('remove-version-confirm').click();
    await expect.poll(() => edited.getAttribute('data-origin')).toBe('shipped');
  });
});
