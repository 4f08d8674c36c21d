// Landed cost in the UI, from a purchase order's receipt to the stock value. Base GBP; a supplier
// in USD; 20 lamps at $10.00 received at 0.80 = £160.00; 5 go out as samples, so 15 are on hand
// worth £120.00 (£8.00 each). The document: freight $50.00 by value, part of the customs value, at
// the table's 0.80 = £40.00; a broker's £25.00, not in it; duty 10% of the CIF value £200.00 =
// £20.00; import VAT 20% is recoverable (left out). Extra cost £85.00, landed £245.00 (£12.25 a
// unit). 15 of the 20 units are on hand: £63.75 (75%) goes into stock value — £183.75, £12.25
// each — and £21.25 (25%) to cost of goods sold. Reversing takes the £63.75 back out.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';
import { LandedDocPage, LandedListPage, PoReceipts } from './pages/landed';
import { ProductPage } from './pages/product';

let e: E2E;
let productId = '';
let poId = '';

/** "183.75" (as the page shows it, grouped) → 18375 minor units, without floats. */
function minor(text: string): number {
  const m = /^(-?[\d,]+)\.(\d{2})$/.exec(text.trim());
  if (!m) throw new Error(`not an amount: ${text}`);
  const whole = Number(m[1]!.replace(/,/g, ''));
  return whole * 100 + (whole < 0 ? -1 : 1) * Number(m[2]);
}

/** On hand, average cost and value on the product page's balance row at a location. */
async function balance(product: ProductPage, code: string): Promise<{ onHand: string; avg: number; value: number } | null> {
  const row = product.page.locator(`[data-testid="product-balance"][data-location="${code}"]`);
  if ((await row.count()) === 0) return null;
  const cell = async (i: number) => ((await row.locator('td').nth(i).textContent()) ?? '').replace(/GBP$/, '');
  return { onHand: (await product.onHandAt(code)) ?? '', avg: minor(await cell(4)), value: minor(await cell(5)) };
}

beforeAll(async () => {
  e = await startE2E({
    seed: async (api) => {
      await api.call('settings.update', { baseCurrency: 'GBP' });
      await api.call('fx.set', { base: 'USD', quote: 'GBP', day: '2020-01-01', rate: '0.80' });
      const home = (await api.call('locations.create', { code: 'HOME', name: 'Home stockroom', kind: 'own' })).id;
      productId = (await api.call('products.create', { sku: 'LAMP-01', name: 'Brass desk lamp', hsCode: '940521', weightG: 1200 })).id;
      const supplier = (await api.call('suppliers.create', { name: 'Portland Lighting Co', currency: 'USD', country: 'US' })).id;
      await api.call('suppliers.create', { name: 'Thames Customs Brokers', currency: 'GBP', country: 'GB' });
      // a destination profile of our own, so the test does not hang on the shipped data's dates
      await api.call('landed.saveProfile', {
        code: 'E2E-UK',
        name: 'United Kingdom (test)',
        country: 'GB',
        currency: 'GBP',
        validFrom: '2020-01-01',
        validTo: null,
        customs: { dutyBasis: 'CIF', vatRate: '0.20', vatRecoverable: true },
      });
      const po = await api.call('purchasing.create', { supplierId: supplier, lines: [{ productId, qty: 20, unitPrice: '10.00' }] });
      poId = po.order.id;
      await api.call('purchasing.send', { id: poId });
      await api.call('purchasing.receive', { poId, locationId: home, lines: [{ lineId: po.lines[0]!.id, qty: 20 }] });
      await api.call('stock.adjust', { productId, locationId: home, qty: -5, reason: 'sample' });
    },
  });
});
afterAll(async () => {
  await e?.close();
});
afterEach(() => {
  expect(e.problems).toEqual([]);
});

describe('landed cost', () => {
  let before: { avg: number; value: number };
  const doc = () => new LandedDocPage(e.page);

  it('starts from the product: 15 on hand at £8.00, worth £120.00', async () => {
    await e.page.goto(`${e.host.bridge.url}/#/products/${productId}`);
    const product = new ProductPage(e.page);
    await expect.poll(async () => (await balance(product, 'HOME'))?.value).toBe(12000);
    before = (await balance(product, 'HOME'))!;
    expect(before).toMatchObject({ onHand: '15', avg: 800, value: 12000 });
  });

  it('adds landed cost from the purchase order’s receipt', async () => {
    await e.page.goto(`${e.host.bridge.url}/#/purchasing/${poId}`);
    const receipts = new PoReceipts(e.page);
    await receipts.row('GR-000001').waitFor();
    await receipts.addLandedCost('GR-000001');
    await doc().waitFor('LC-000001');
    expect(await doc().status()).toBe('Draft');
    expect(await e.page.getByTestId('landed-receipt').textContent()).toMatch(/GR-000001.*PO-000001.*Portland Lighting Co.*HOME.*1.*160\.00/);
    await expect.poll(() => doc().lines().count()).toBe(1);
  });

  it('enters freight in USD and brokerage in GBP, a duty rate; mistakes show next to their field', async () => {
    const d = doc();
    await d.setProfile('E2E-UK');
    await d.addCharge({ kind: 'freight', label: 'Sea freight', amount: '50.005', currency: 'USD', reference: 'PLC-7781' });
    await d.addCharge({ kind: 'brokerage', label: 'Customs entry', amount: '25.00', supplier: 'Thames Customs', reference: 'TCB-2211' });
    // brokerage is not part of the customs value by default; freight is
    expect(await d.chargeRows().nth(0).getByTestId('charge-customs').isChecked()).toBe(true);
    expect(await d.chargeRows().nth(1).getByTestId('charge-customs').isChecked()).toBe(false);
    await d.setDuty('LAMP-01', 'ten');
    await d.save();
    // the UI refuses a percentage it cannot read (it would reach the API a hundred times too large)
    await expect.poll(() => d.error('lines.0.dutyRate').textContent()).toMatch(/percentage like 12\.5/);
    await d.setDuty('LAMP-01', '10');
    // Enter in a field saves the draft too
    await d.line('LAMP-01').getByTestId('line-duty').press('Enter');
    // the API refuses a third decimal on dollars, next to the amount
    await expect.poll(() => d.error('charges.0.amount').textContent()).toMatch(/decimal/);
    expect(await d.error('lines.0.dutyRate').count()).toBe(0);
    await e.screenshot('40-landed-draft-errors');
    await d.fillCharge(0, { amount: '50.00' });
    await d.save();
    await e.page.getByTestId('toast').filter({ hasText: 'LC-000001 saved' }).waitFor();
    // the rate stored with the freight: the dated table's, shown after the save
    await expect.poll(() => d.text('charge-fx-stored')).toMatch(/^1 USD = 0\.8 GBP · 2020-01-01/);
    const line = d.line('LAMP-01');
    await expect.poll(() => line.getByTestId('line-landed-total').textContent()).toBe('245.00');
    expect(await line.getByTestId('line-unit-cost').textContent()).toBe('12.25');
    expect(await line.textContent()).toMatch(/LAMP-01.*GR-000001.*HOME.*20.*940521.*160\.00.*65\.00.*20\.00.*0\.00.*44\.00.*245\.00.*12\.25/);
    expect(await e.page.getByTestId('landed-lines-card').textContent()).toMatch(/Import VAT of 44\.00 GBP is recoverable/);
    expect(await e.page.getByTestId('landed-unsaved').count()).toBe(0);
    await e.screenshot('41-landed-draft');
  });

  it('posts: 15 of the 20 units are on hand, so 75% goes into stock value', async () => {
    const d = doc();
    await d.post();
    await expect.poll(() => d.status()).toBe('Posted');
    expect(await d.text('landed-extra')).toBe('85.00GBP');
    expect(await d.text('landed-capitalised')).toBe('63.75GBP');
    expect(await d.text('landed-expensed')).toBe('21.25GBP');
    expect(await d.text('landed-outcome-text')).toBe('15 of 20 units were still on hand: 75% went into stock value, 25% to cost of goods sold.');
    expect(await d.line('LAMP-01').getByTestId('line-capitalised').textContent()).toBe('63.75');
    // a posted document is read only
    expect(await e.page.getByTestId('charge-amount').count()).toBe(0);
    expect(await e.page.getByTestId('line-duty').count()).toBe(0);
    await e.screenshot('42-landed-posted');
  });

  it('raised the stock value and the average cost by what was capitalised', async () => {
    await e.page.goto(`${e.host.bridge.url}/#/products/${productId}`);
    const product = new ProductPage(e.page);
    await expect.poll(async () => (await balance(product, 'HOME'))?.value).toBe(before.value + 6375);
    expect(await balance(product, 'HOME')).toMatchObject({ onHand: '15', avg: 1225, value: 18375 });
    const [b] = (await e.api.call('stock.balances', { productId })).rows;
    expect(b).toMatchObject({ onHand: 15, value: 18375 });
  });

  it('reverses with a correcting document, which takes the £63.75 back out', async () => {
    await e.page.goBack();
    const d = doc();
    await d.waitFor('LC-000001');
    await d.reverse();
    await d.waitFor('LC-000002');
    await expect.poll(() => d.status()).toBe('Posted');
    expect(await d.text('landed-link')).toMatch(/reverses\s+LC-000001/);
    expect(await d.text('landed-capitalised')).toBe('-63.75GBP');
    expect(await d.text('landed-outcome-text')).toBe('This correction takes LC-000001 back out: 63.75 GBP off stock value, 21.25 GBP off cost of goods sold.');
    expect(await e.page.getByTestId('landed-reverse').count()).toBe(0);
    await e.screenshot('43-landed-reversal');
    // the original names its correction, and links to it
    await e.page.getByTestId('landed-link').getByRole('link', { name: 'LC-000001' }).click();
    await d.waitFor('LC-000001');
    await expect.poll(() => d.text('landed-link')).toMatch(/reversed by\s+LC-000002/);
    expect((await e.api.call('stock.balances', { productId })).rows[0]).toMatchObject({ onHand: 15, value: 12000 });
  });

  it('lists both documents, and the order links its receipt to them', async () => {
    await e.page.getByTestId('nav-landed').click();
    const list = new LandedListPage(e.page);
    await list.row('LC-000002').waitFor();
    await expect.poll(() => list.rows().count()).toBe(2);
    expect(await list.row('LC-000001').textContent()).toMatch(/LC-000001.*Posted.*GR-000001.*E2E-UK.*85\.00.*63\.75.*21\.25.*reversed by.*LC-000002/);
    expect(await list.row('LC-000002').textContent()).toMatch(/LC-000002.*Posted.*-85\.00.*-63\.75.*-21\.25.*reverses.*LC-000001/);
    await e.page.getByTestId('landed-status-filter').selectOption('draft');
    await e.page.getByTestId('landed-empty').waitFor();
    await e.page.getByTestId('landed-status-filter').selectOption('');
    await list.row('LC-000001').waitFor();
    await e.screenshot('44-landed-list');

    await e.page.goto(`${e.host.bridge.url}/#/purchasing/${poId}`);
    const receipts = new PoReceipts(e.page);
    await expect.poll(() => receipts.landedLinks('GR-000001').allTextContents()).toEqual(['LC-000001', 'LC-000002']);
    await e.screenshot('45-po-landed-links');
  });

  it('offers receipts in the picker with the documents already on them', async () => {
    await e.page.getByTestId('nav-landed').click();
    await e.page.getByTestId('new-landed').click();
    const picker = e.page.getByTestId('receipt-picker');
    await picker.getByTestId('receipt-search').fill('PO-000001');
    const choice = picker.getByTestId('receipt-choice').filter({ hasText: 'GR-000001' });
    await choice.waitFor();
    expect(await choice.textContent()).toMatch(/GR-000001.*PO-000001.*Portland Lighting Co.*HOME.*160\.00.*LC-000001, LC-000002/);
    await e.screenshot('46-landed-picker');
    await picker.getByTestId('save').click();
    await picker.getByTestId('form-error').filter({ hasText: 'Choose at least one receipt' }).waitFor();
    await choice.getByTestId('receipt-choice-check').check();
    await picker.getByTestId('save').click();
    await doc().waitFor('LC-000003');
    expect(await doc().status()).toBe('Draft');
    // no charges and no profile: the preview is the goods alone
    await expect.poll(() => doc().line('LAMP-01').getByTestId('line-landed-total').textContent()).toBe('160.00');
    expect(await e.page.getByTestId('line-duty').isDisabled()).toBe(true);

    // a bill in a currency without a rate is refused at its rate; a split the lines cannot take is
    // saved, and the draft says what to fix instead of computing
    const d = doc();
    await d.addCharge({ kind: 'insurance', amount: '3000', currency: 'JPY' });
    await d.save();
    await expect.poll(() => d.error('charges.0.fxRate').textContent()).toMatch(/No JPY→GBP rate on or before .*enter the rate used/);
    await d.fillCharge(0, { fxRate: '0.0052', split: 'volume' });
    await d.save();
    const issues = e.page.getByTestId('landed-issue');
    await issues.first().waitFor();
    expect(await issues.first().textContent()).toMatch(/^Line 1 \(LAMP-01, GR-000001\): LAMP-01 \(GR-000001\) has no volume, so it cannot share a charge split by volume \(Charge 1\)/);
    expect(await d.line('LAMP-01').getByTestId('line-landed-total').textContent()).toBe('—');
    await e.screenshot('47-landed-issues');
    await d.fillCharge(0, { split: 'manual' });
    await e.page.getByTestId('charge-manual-amount').fill('2999');
    expect(await e.page.getByTestId('charge-manual-sum').textContent()).toBe('2,999 of 3,000 JPY');
    await e.page.getByTestId('charge-manual-amount').fill('3000');
    await d.save();
    await expect.poll(() => d.line('LAMP-01').getByTestId('line-landed-total').textContent()).toBe('175.60');
    expect(await e.page.getByTestId('landed-issue').count()).toBe(0);

    await e.page.getByTestId('landed-cancel').click();
    await e.page.getByTestId('landed-cancel-confirm').click();
    await expect.poll(() => doc().status()).toBe('Cancelled');
  });

  it('leaves a rate taken from the product inherited when a draft is saved, and keeps an excise typed beside it', async () => {
    const [receipt] = await e.api.call('purchasing.receipts', { poId });
    await e.api.call('landed.setProductRate', { productId, profileCode: 'E2E-UK', dutyRate: '0.04', exciseRate: null });
    const created = await e.api.call('landed.create', { receiptIds: [receipt!.id], customs: { profile: 'E2E-UK' } });
    const typed = async () => (await e.api.call('landed.get', { id: created.id })).lines.map((l) => [l.receiptNumber, l.typed]);
    await e.page.goto(`${e.host.bridge.url}/#/landed/${created.id}`);
    const d = doc();
    await d.waitFor(created.number);
    await expect.poll(() => d.rate('LAMP-01', 'duty')).toEqual({ typed: '', placeholder: '4' });
    expect(await d.line('LAMP-01').textContent()).toMatch(/product rate/);

    // an excise rate typed on the line, its duty still the product's
    await d.setExcise('LAMP-01', '2');
    await d.save();
    await expect.poll(typed).toEqual([['GR-000001', { hsCode: null, dutyRate: null, exciseRate: '0.02' }]]);
    await expect.poll(() => e.page.getByTestId('landed-unsaved').count()).toBe(0);
    expect(await d.rate('LAMP-01', 'duty')).toEqual({ typed: '', placeholder: '4' });
    expect(await d.rate('LAMP-01', 'excise')).toEqual({ typed: '2', placeholder: '' });
    expect(await d.line('LAMP-01').textContent()).toMatch(/product rate/);

    // the product's rate changes: the draft follows it (duty 5% of £160.00), the typed excise stays
    await e.api.call('landed.setProductRate', { productId, profileCode: 'E2E-UK', dutyRate: '0.05', exciseRate: null });
    await expect.poll(() => d.rate('LAMP-01', 'duty')).toEqual({ typed: '', placeholder: '5' });
    expect(await d.line('LAMP-01').locator('td').nth(8).textContent()).toBe('8.00');
    expect(await d.rate('LAMP-01', 'excise')).toEqual({ typed: '2', placeholder: '' });

    // a second receipt added and taken off again by the document's receipts; what was typed stays
    const po = await e.api.call('purchasing.create', { supplierId: (await e.api.call('purchasing.get', { id: poId })).order.supplierId, lines: [{ productId, qty: 4, unitPrice: '10.00' }] });
    await e.api.call('purchasing.send', { id: po.order.id });
    const second = await e.api.call('purchasing.receive', { poId: po.order.id, locationId: receipt!.locationId, lines: [{ lineId: po.lines[0]!.id, qty: 4 }] });
    await d.addReceipts(second.number);
    await d.receipt(second.number).waitFor();
    await expect.poll(() => d.receipts().count()).toBe(2);
    expect(await d.receipt(second.number).textContent()).toMatch(new RegExp(`${second.number}.*${po.order.number}.*Portland Lighting Co.*HOME.*1.*32\\.00`));
    await expect.poll(() => d.rate('LAMP-01', 'duty', second.number)).toEqual({ typed: '', placeholder: '5' });
    expect(await typed()).toEqual([
      ['GR-000001', { hsCode: null, dutyRate: null, exciseRate: '0.02' }],
      [second.number, { hsCode: null, dutyRate: null, exciseRate: null }],
    ]);
    await e.screenshot('48-landed-inherited-rates');
    await d.removeReceipt(second.number);
    await expect.poll(() => d.receipts().count()).toBe(1);
    expect(await typed()).toEqual([['GR-000001', { hsCode: null, dutyRate: null, exciseRate: '0.02' }]]);
    expect(await d.rate('LAMP-01', 'duty')).toEqual({ typed: '', placeholder: '5' });
    expect(await d.rate('LAMP-01', 'excise')).toEqual({ typed: '2', placeholder: '' });
  });
});
