// A live session in the browser. Planned in the UI: a suggested product added in one click and
// another found with the picker, each with its available stock and the margin at the price typed;
// a per-buyer limit; then Go live. Run with the keyboard alone: claims typed as product code,
// buyer, Enter; one refused over the per-buyer limit; a sold-out product's claim joining the
// waitlist; the claim of a buyer who changed their mind taken back (Shift+F8), which moves the
// waitlist up; the last claim undone (F8); the session ended from the keyboard; the report's
// figures checked on screen.
// LAMP: 10 at 12.00, usual price 30.00, live 25.00, cap 3; MUG: 5 at 4.00, live price 9.00, cap 5.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';
import { LiveList } from './pages/live';

let e: E2E;
let lamp: string;
let mug: string;

beforeAll(async () => {
  e = await startE2E({
    seed: async (api) => {
      await api.call('settings.update', { baseCurrency: 'USD' });
      const home = (await api.call('locations.create', { code: 'HOME', name: 'Home stockroom', kind: 'own' })).id;
      lamp = (await api.call('products.create', { sku: 'LAMP', name: 'Brass desk lamp', price: '30.00' })).id;
      mug = (await api.call('products.create', { sku: 'MUG', name: 'Enamel mug', price: '10.00' })).id;
      await api.call('stock.adjust', { productId: lamp, locationId: home, qty: 10, unitCost: '12.00', reason: 'opening' });
      await api.call('stock.adjust', { productId: mug, locationId: home, qty: 5, unitCost: '4.00', reason: 'opening' });
    },
  });
});
afterAll(async () => {
  await e?.close();
});
afterEach(() => {
  expect(e.problems).toEqual([]);
});

describe('live selling', () => {
  it('plans a session, runs it with the keyboard alone, and reports what it sold', async () => {
    const p = e.page;
    const list = new LiveList(p);
    await list.open();
    await p.getByTestId('live-empty').waitFor();
    const plan = await list.create({ title: 'Friday night live', platform: 'TikTok', location: 'HOME' });

    // nothing sells at HOME yet: both are overstocked at a healthy margin; the lamp is added from there
    await plan.suggestion('LAMP').waitFor();
    expect(await plan.suggestion('LAMP').textContent()).toMatch(/10 available/);
    await plan.addSuggestion('LAMP');
    expect(await plan.cell(0, 'code').inputValue()).toBe('A1');
    expect(await plan.cell(0, 'cap').inputValue()).toBe('3'); // a quarter of the 10 available
    expect(await plan.cell(0, 'price').inputValue()).toBe('30.00'); // its usual price
    await expect.poll(() => plan.text(0, 'item-available')).toBe('10');
    await expect.poll(() => plan.text(0, 'item-margin')).toBe('60.0%');
    await e.screenshot('79-live-plan-suggestions');
    // the margin follows the live price as it is typed
    await plan.cell(0, 'price').fill('25.00');
    await expect.poll(() => plan.text(0, 'item-margin')).toBe('52.0%');
    // the mug through the picker: its code comes next, its stock and margin as soon as it is chosen
    await plan.addProduct('MUG', 'Enamel mug');
    await expect.poll(() => plan.cell(1, 'code').inputValue()).toBe('A2');
    await expect.poll(() => plan.text(1, 'item-available')).toBe('5');
    await plan.cell(1, 'price').fill('9.00');
    await plan.cell(1, 'cap').fill('5');
    await expect.poll(() => plan.text(1, 'item-margin')).toBe('55.6%');
    // a cap the stock cannot hold is refused on its row when going live
    await plan.cell(1, 'cap').fill('6');
    await plan.field('perCustomerLimit').fill('2');
    await plan.save();
    const s = (await e.api.call('live.list', {})).rows[0]!;
    expect((await e.api.call('live.get', { id: s.id })).items.map((i) => [i.code, i.price, i.cap])).toEqual([
      ['A1', 2500, 3],
      ['A2', 900, 6],
    ]);
    await p.getByTestId('go-live').click();
    await p.getByTestId('error-items.1.cap').waitFor();
    expect(await p.getByTestId('error-items.1.cap').textContent()).toMatch(/5/);
    await plan.cell(1, 'cap').fill('5');
    await plan.save();
    await e.screenshot('80-live-plan');
    const c = await plan.goLive();

    // from here on, the keyboard only
    await expect.poll(() => c.focused()).toBe('claim-product');
    await c.kb.type('a1');
    await c.kb.press('Enter'); // on to the buyer
    expect(await c.focused()).toBe('claim-buyer');
    expect(await c.claim('@mia')).toBe('✓ @mia · A1 ×1 — 2 left');
    expect(await c.focused()).toBe('claim-buyer'); // the product stays for the next buyer
    expect(await c.claim('mia')).toBe('✓ @mia · A1 ×1 — 1 left');
    expect(await c.left('A1')).toBe('1');
    // a third for mia: over the limit, refused and said so
    expect(await c.claim('mia')).toBe('@mia has 2 of A1 already: the limit is 2 a buyer');
    expect(await c.feedbackKind()).toBe('error');
    expect(await c.left('A1')).toBe('1');
    await c.kb.press('Control+A'); // the refused handle is still there: type over it
    expect(await c.claim('leo')).toBe('✓ @leo · A1 ×1 — 0 left');
    expect(await c.left('A1')).toBe('0');
    // sold out: the waitlist
    expect(await c.claim('zoe')).toBe('@zoe is #1 on the waitlist for A1');
    expect(await c.feedbackKind()).toBe('wait');
    await expect.poll(() => c.waiting('A1')).toBe('1');
    expect(await c.tile('A1').textContent()).toMatch(/SOLD OUT.*1 waiting/);
    await c.product('MUG'); // by SKU
    expect(await c.claim('kai')).toBe('✓ @kai · A2 ×1 — 4 left');
    expect(await c.left('A2')).toBe('4');
    // a product no one has
    await c.product('XYZ');
    expect(await c.claim('kai')).toMatch(/^Nothing in LIVE-000001 has the code, SKU or barcode “XYZ”/);
    expect(await c.feedbackKind()).toBe('error');
    expect(await c.focused()).toBe('claim-product'); // selected: the next scan replaces it
    await e.screenshot('81-live-console');

    // leo changes his mind: his lamp is taken back and zoe moves up from the waitlist
    await c.product('A1');
    await c.kb.type('leo');
    expect(await c.answer('Shift+F8')).toBe('Undone: @leo · A1 ×1. Moved up from the waitlist: @zoe.');
    expect(await c.left('A1')).toBe('0');
    await expect.poll(() => c.waiting('A1')).toBe('0');
    expect(await c.feedStatuses()).toEqual(['#5 @kai claimed', '#4 @zoe claimed', '#3 @leo undone', '#2 @mia claimed', '#1 @mia claimed']);
    // F8: the last claim (kai's mug) is undone
    expect(await c.answer('F8')).toBe('Undone: @kai · A2 ×1.');
    await expect.poll(() => c.left('A2')).toBe('5');
    // kai buys two mugs after all
    await c.product('A2');
    await c.kb.type('kai');
    await c.kb.press('Tab');
    await c.kb.press('Control+A');
    await c.kb.type('2');
    expect(await c.answer('Enter')).toBe('✓ @kai · A2 ×2 — 3 left');
    expect(await c.left('A2')).toBe('3');
    await e.screenshot('82-live-console-after-undo');

    // end the session from the keyboard: Shift+Tab to End session, Enter, Enter to confirm
    const r = await c.endWithKeyboard();
    await expect.poll(() => r.kpi('units')).toBe('5');
    expect(await r.kpi('buyers')).toBe('3');
    // revenue: 3 lamps × 25.00 + 2 mugs × 9.00 = 93.00; cost 3 × 12.00 + 2 × 4.00 = 44.00 → margin 49.00
    expect(await r.kpi('revenue')).toMatch(/^93\.00\s*USD$/);
    expect(await r.kpi('cost')).toMatch(/^44\.00\s*USD$/);
    expect(await r.kpi('margin')).toMatch(/^49\.00\s*USD$/);
    expect(await r.item('LAMP').textContent()).toMatch(/100\.0%/);
    expect(await r.item('MUG').textContent()).toMatch(/40\.0%/);
    // one order per buyer, each to pack, linking to its sales order
    await expect.poll(() => r.packOrders().count()).toBe(3);
    const orders = (await e.api.call('sales.list', { sessionId: s.id })).rows;
    const mias = orders.find((o) => o.customerHandle === 'mia')!;
    expect(mias.units).toBe(2);
    expect(await r.packOrders().filter({ hasText: '@mia' }).locator('a').getAttribute('href')).toBe(`#/sales/${mias.id}`);
    await p.getByTestId('chart-claims').locator('.recharts-surface').waitFor();
    await e.screenshot('83-live-report');

    // the list shows it closed; the session page leads to the report
    await list.open();
    expect(await list.row(s.number).getAttribute('data-status')).toBe('closed');

    // the same report in Chinese
    await e.api.call('settings.update', { locale: 'zh' });
    await list.row(s.number).click();
    await p.getByTestId('live-report').waitFor();
    await expect.poll(async () => p.getByTestId('live-report').locator('h1').textContent()).toMatch(/直播/);
    await e.screenshot('84-live-report-zh');
  });
});
