// Shipments in the UI. A supplier's sent order of 20 lamps; an inbound shipment of 12 of them
// created from the board with a mistyped UPS number (kept, flagged). Events typed out of order
// sort by when they happened, a duplicate is skipped, a future one is refused next to its field;
// a carrier's CSV adds a scan and reports its bad row. With its ETA past, the board lists it first
// and under "late only"; a transfer due later is not late.
//
// One shipment's life (its own backend): base GBP, a supplier in USD with no USD rate in the
// table. 20 lamps at $10.00 ordered and sent; an inbound shipment of all 20 created from the
// board, given a parcel (12.5 kg, 60×40×40 cm: 19.2 kg volumetric at 5000, 19.5 kg chargeable)
// and two legs (sea to Felixstowe, road to HOME); a scan at Felixstowe puts it on the second leg.
// Customs cleared, freight £50.00 (paid to the forwarder) and duty £20.00 entered in the UI.
// Receiving 21 is refused on the line; without a rate the USD field says so; at 0.80 the 20
// arrive: £160.00. Landed and posted: £230.00 of stock (£11.50 a lamp), the costs now locked.
// A transfer of 5 to the overflow unit is dispatched (into TRANSIT) and received: 4 good, 1
// damaged into quarantine. Expected arrivals list the overdue inbound first.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';
import { ArrivalsView, ShipmentFlow, ShipmentPage, ShipmentsBoard } from './pages/shipments';
import { selectByLabelPrefix } from './pages/shell';

describe('shipments', () => {
  let e: E2E;
  const MISTYPED = '1Z999AA10123456785';

  beforeAll(async () => {
    e = await startE2E({
      seed: async (api) => {
        await api.call('settings.update', { baseCurrency: 'GBP' });
        const home = (await api.call('locations.create', { code: 'HOME', name: 'Home stockroom', kind: 'own' })).id;
        const overflow = (await api.call('locations.create', { code: 'OVF', name: 'Overflow unit', kind: 'own' })).id;
        const productId = (await api.call('products.create', { sku: 'LAMP-01', name: 'Brass desk lamp', weightG: 1200 })).id;
        const supplier = (await api.call('suppliers.create', { name: 'Shenzhen Lamp Works', currency: 'USD', country: 'CN' })).id;
        const po = await api.call('purchasing.create', { supplierId: supplier, lines: [{ productId, qty: 20, unitPrice: '10.00' }] });
        await api.call('purchasing.send', { id: po.order.id });
        // a draft order of the same supplier is not offered
        await api.call('purchasing.create', { supplierId: supplier, lines: [{ productId, qty: 5, unitPrice: '10.00' }] });
        await api.call('shipments.create', { direction: 'transfer', fromLocationId: home, toLocationId: overflow, carrier: 'Van', eta: '2099-01-01' });
      },
    });
  });
  afterAll(async () => {
    await e?.close();
  });
  afterEach(() => {
    expect(e.problems).toEqual([]);
  });

  const board = () => new ShipmentsBoard(e.page);
  const page = () => new ShipmentPage(e.page);

  it('creates an inbound shipment of a sent order’s lines from the board', async () => {
    await e.page.getByTestId('nav-shipments').click();
    await board().row('SH-000001').waitFor();
    const b = board();
    await b.openNew();
    await b.chooseSupplier('Shenzhen');
    await b.chooseTo('HOME');
    // only the sent order is offered
    await b.addPo('PO-000001');
    expect(await e.page.locator('[data-testid="field-po"] option').allTextContents()).toEqual(['Choose…', expect.stringMatching(/^PO-000001/)]);
    await b.setLineQty('LAMP-01', '25');
    await b.field('carrier').fill('UPS');
    await b.field('service').fill('Worldwide Expedited');
    await b.field('incoterm').selectOption('DAP');
    await b.field('eta').fill('2025-03-12');
    await b.field('trackingNumbers').fill(MISTYPED);
    await b.field('declaredValue').fill('120.00');
    await b.save();
    // more than the order still expects: refused, shown on the lines
    await expect.poll(() => e.page.getByTestId('error-lines').textContent()).toMatch(/at most 20/);
    await e.screenshot('60-shipment-new-error');
    await b.setLineQty('LAMP-01', '12');
    await b.save();
    await page().waitFor('SH-000002');
    expect(await page().status()).toBe('Created');
    expect(await e.page.getByTestId('shipment-route').textContent()).toBe('Shenzhen Lamp Works → HOME');
    expect(await e.page.getByTestId('shipment-line').textContent()).toMatch(/LAMP-01.*Brass desk lamp.*PO-000001.*12/);
  });

  it('keeps a mistyped UPS number and flags it', async () => {
    const n = page().trackingNumber(MISTYPED);
    expect(await n.getAttribute('data-flagged')).toBe('true');
    expect(await n.getByTestId('tracking-warning').textContent()).toMatch(/Check failed: .+/);
  });

  it('sorts events by when they happened, skips a duplicate and refuses one in the future', async () => {
    const p = page();
    await p.addEvent({ at: '2099-01-01 10:00', status: 'in_transit', place: 'Nowhere' });
    await expect.poll(() => p.error('at').textContent()).toMatch(/future/);
    await p.addEvent({ at: '2025-03-14 08:00', status: 'at_customs', place: 'Felixstowe', text: 'Entry lodged' });
    await e.page.getByTestId('toast').filter({ hasText: '1 added, 0 duplicates skipped' }).waitFor();
    expect(await p.error('at').count()).toBe(0);
    await p.addEvent({ at: '2025-03-11 09:00', status: 'in_transit', place: 'Shenzhen', text: 'Departed' });
    await expect.poll(() => p.events().count()).toBe(2);
    await p.addEvent({ at: '2025-03-11 09:00', status: 'in_transit', place: 'Shenzhen', text: 'Departed' });
    await e.page.getByTestId('toast').filter({ hasText: '0 added, 1 duplicates skipped' }).waitFor();
    await expect.poll(() => p.events().count()).toBe(2);
    // newest first; the status is that of the latest by time, not the last typed
    expect(await p.timeline()).toEqual(['at_customs@2025-03-14T08:00:00.000Z', 'in_transit@2025-03-11T09:00:00.000Z']);
    await expect.poll(() => p.status()).toBe('At customs');
    await e.screenshot('61-shipment-timeline');
  });

  it('imports a carrier’s CSV and reports the bad row', async () => {
    const p = page();
    await p.importCsv(['tracking_number,time,status,place,text', `${MISTYPED},2025-03-15T07:00:00Z,Out for delivery,Ipswich,With driver`, `${MISTYPED},2025-02-30,delivered,Ipswich,`].join('\n'));
    expect(await e.page.getByTestId('import-summary').textContent()).toBe('1 added, 0 duplicates, 1 skipped');
    const bad = e.page.getByTestId('import-skipped');
    await expect.poll(() => bad.count()).toBe(1);
    expect(await bad.textContent()).toMatch(/Row 3: bad date "2025-02-30"/);
    await expect.poll(() => p.status()).toBe('Out for delivery');
    await expect.poll(() => p.timeline()).toEqual(['out_for_delivery@2025-03-15T07:00:00.000Z', 'at_customs@2025-03-14T08:00:00.000Z', 'in_transit@2025-03-11T09:00:00.000Z']);
    await expect.poll(() => e.page.getByTestId('shipment-late').count()).toBe(1);
    await e.screenshot('62-shipment-page');
  });

  it('lists it late on the board, first, and alone under “late only”', async () => {
    await e.page.getByTestId('nav-shipments').click();
    const b = board();
    await b.row('SH-000002').waitFor();
    expect(await b.numbers()).toEqual(['SH-000002', 'SH-000001']);
    const row = b.row('SH-000002');
    expect(await row.getAttribute('data-late')).toBe('true');
    expect(await row.textContent()).toMatch(/SH-000002.*Inbound.*Shenzhen Lamp Works.*HOME.*UPS.*1Z999AA10123456785.*Out for delivery.*2025-03-12.*Late/);
    await e.page.getByTestId('shipments-late-filter').check();
    await expect.poll(() => b.numbers()).toEqual(['SH-000002']);
    await e.screenshot('63-shipments-board-late');
    await e.page.getByTestId('shipments-late-filter').uncheck();
    await e.page.getByTestId('shipments-search').fill(MISTYPED);
    await expect.poll(() => b.numbers()).toEqual(['SH-000002']);
    await e.page.getByTestId('shipments-search').fill('');
    await e.page.getByTestId('shipments-direction-filter').selectOption('transfer');
    await expect.poll(() => b.numbers()).toEqual(['SH-000001']);
  });
});

const today = () => new Date().toISOString().slice(0, 10);
const dayPlus = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe('one shipment’s life', () => {
  let e: E2E;
  let productId = '';
  const loc: Record<string, string> = {};

  beforeAll(async () => {
    e = await startE2E({
      seed: async (api) => {
        await api.call('settings.update', { baseCurrency: 'GBP', business: { name: 'Crossdock Lamps Ltd', address: '1 Quay Street\nIpswich IP1 1AA', country: 'GB', taxId: 'GB123456789' } });
        for (const [code, name] of [['HOME', 'Home stockroom'], ['OVF', 'Overflow unit'], ['QUAR', 'Quarantine shelf']] as const) loc[code] = (await api.call('locations.create', { code, name, kind: 'own' })).id;
        productId = (await api.call('products.create', { sku: 'LAMP-01', name: 'Brass desk lamp', weightG: 1200 })).id;
        const supplier = (await api.call('suppliers.create', { name: 'Shenzhen Lamp Works', currency: 'USD', country: 'CN' })).id;
        await api.call('suppliers.create', { name: 'Thames Freight', currency: 'GBP', country: 'GB' });
        const po = await api.call('purchasing.create', { supplierId: supplier, lines: [{ productId, qty: 20, unitPrice: '10.00' }] });
        await api.call('purchasing.send', { id: po.order.id });
        // SH-000001: a transfer of 5 lamps, due in ten days; SH-000002: an inbound one long overdue
        await api.call('shipments.create', { direction: 'transfer', fromLocationId: loc.HOME!, toLocationId: loc.OVF!, carrier: 'Van', eta: dayPlus(10), lines: [{ productId, qty: 5 }] });
        await api.call('shipments.create', { direction: 'inbound', supplierId: supplier, toLocationId: loc.HOME!, carrier: 'DHL', eta: '2025-01-10' });
      },
    });
  });
  afterAll(async () => {
    await e?.close();
  });
  afterEach(() => {
    expect(e.problems).toEqual([]);
  });

  const page = () => new ShipmentPage(e.page);
  const flow = () => new ShipmentFlow(e.page);
  const balance = async (code: string) => {
    const rows = (await e.api.call('stock.balances', { productId, limit: 50 })).rows;
    const r = rows.find((x) => x.locationCode === code);
    return r ? { onHand: r.onHand, value: r.value } : null;
  };

  it('lists expected arrivals by week, the overdue one first and marked', async () => {
    const a = new ArrivalsView(e.page);
    await a.open();
    expect(await a.groups()).toEqual(['overdue', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)]);
    expect(await a.rows()).toEqual(['SH-000002:true', 'SH-000001:false']);
    const overdue = e.page.locator('[data-testid="arrival-row"][data-number="SH-000002"]');
    expect(await overdue.getByTestId('arrival-overdue').textContent()).toMatch(/^\d+ days late$/);
    expect(await overdue.textContent()).toMatch(/Inbound.*Shenzhen Lamp Works.*HOME.*2025-01-10.*DHL/);
    await expect.poll(() => e.page.locator('[data-testid="arrival-row"][data-number="SH-000001"]').getByTestId('arrival-units').textContent()).toBe('5');
    await e.screenshot('64-shipments-arrivals');
    await overdue.click();
    await page().waitFor('SH-000002');
  });

  it('creates the inbound shipment, then gives it a parcel and a route', async () => {
    await e.page.getByTestId('nav-shipments').click();
    const b = new ShipmentsBoard(e.page);
    await b.row('SH-000001').waitFor();
    await b.openNew();
    await b.chooseSupplier('Shenzhen');
    await b.chooseTo('HOME');
    await b.addPo('PO-000001');
    await b.field('carrier').fill('Maersk');
    await b.field('eta').fill(dayPlus(3));
    await b.save();
    await page().waitFor('SH-000003');
    const f = flow();
    await f.openEdit();
    await f.addParcel({ ref: 'CTN-1', kg: '12.5', cm: ['60', '40', '40'] });
    expect(await f.edit.getByTestId('parcel-volumetric').textContent()).toBe('19.2 kg');
    expect(await f.edit.getByTestId('parcel-chargeable').textContent()).toBe('19.5 kg');
    await f.addLeg({ from: 'Shenzhen', to: 'Felixstowe', mode: 'sea', carrier: 'Maersk', eta: dayPlus(-1) });
    await f.addLeg({ to: 'HOME', mode: 'road', carrier: 'Thames Freight', eta: dayPlus(3) });
    await e.screenshot('65-shipment-edit');
    await f.saveEdit();
    await expect.poll(() => f.places()).toEqual(['Shenzhen', 'Felixstowe', 'HOME']);
    expect(await e.page.getByTestId('parcels-total').textContent()).toMatch(/1 parcels · 12\.5 kg · Chargeable 19\.5 kg · divisor 5000/);
    expect(await e.page.getByTestId('shipment-parcel').textContent()).toMatch(/CTN-1.*12\.5 kg.*60 × 40 × 40.*19\.2 kg.*19\.5 kg/);
  });

  it('follows a scan onto the second leg', async () => {
    const p = page();
    await p.addEvent({ at: `${dayPlus(-1)} 08:00`, status: 'at_customs', place: 'Felixstowe', text: 'Landed, entry lodged' });
    await expect.poll(() => p.status()).toBe('At customs');
    await expect.poll(() => flow().legs()).toEqual(['sea:done', 'road:current']);
  });

  it('records customs cleared and the freight and duty paid', async () => {
    const f = flow();
    await f.setCustoms({ status: 'cleared', broker: 'Thames Customs', entry: '26GB0001', clearedOn: today() });
    await expect.poll(() => e.page.getByTestId('customs-status').textContent()).toBe(`Cleared · ${today()}`);
    await f.addCost({ kind: 'freight', label: 'Sea freight', amount: '50.00', currency: 'GBP', payee: 'Thames Freight', reference: 'TF-881' });
    await f.addCost({ kind: 'duty', amount: '20.001', currency: 'GBP' });
    await f.saveCosts();
    // a third decimal in pounds is refused on its cell
    await expect.poll(() => f.costs.getByTestId('error-costs.1.amount').count()).toBe(1);
    await f.costs.getByTestId('cost-row').nth(1).getByTestId('cost-amount').fill('20.00');
    await f.saveCosts();
    await e.page.getByTestId('toast').filter({ hasText: 'Costs saved' }).waitFor();
    expect(await f.costs.getByTestId('cost-total').textContent()).toMatch(/Total GBP.*70\.00.*GBP/);
    const saved = await e.api.call('shipments.get', { id: await shipmentId('SH-000003') });
    expect(saved.costs.map((c) => [c.kind, c.amount, c.currency, c.supplierName, c.reference])).toEqual([
      ['freight', 5000, 'GBP', 'Thames Freight', 'TF-881'],
      ['duty', 2000, 'GBP', null, null],
    ]);
    await tallScreenshot('66-shipment-page-costs');
  });

  it('receives it: too many refused on the line, a missing rate asked for, then 20 in at 0.80', async () => {
    const f = flow();
    await f.openReceive();
    const line = f.receiveLine('LAMP-01');
    await line.getByTestId('receive-qty').fill('21');
    await f.submitReceive();
    await expect.poll(() => f.receiveForm.getByTestId('error-lines.0.qty').textContent()).toMatch(/more than the 20 this line carries/i);
    await line.getByTestId('receive-qty').fill('20');
    await f.submitReceive();
    await expect.poll(() => f.receiveForm.getByTestId('error-fxRates.USD').textContent()).toMatch(/No USD→GBP rate/);
    expect(await f.receiveForm.getByTestId('error-lines.0.qty').count()).toBe(0);
    await e.screenshot('67-shipment-receive-fx');
    await f.receiveForm.getByTestId('field-fxRates.USD').fill('0.80');
    await f.submitReceive();
    await f.receiveForm.waitFor({ state: 'detached' });
    await expect.poll(() => page().status()).toBe('Delivered');
    await expect.poll(() => f.receipts().count()).toBe(1);
    expect(await f.receipts().first().getAttribute('data-reversed')).toBe('false');
    expect(await f.receipts().first().textContent()).toMatch(/^GR-\d+ .*PO-000001/);
    expect(await e.page.getByTestId('line-arrived').textContent()).toBe('20');
    expect(await balance('HOME')).toEqual({ onHand: 20, value: 16000 });
    // received: no more editing, nothing more to receive
    expect(await e.page.getByTestId('shipment-edit').count()).toBe(0);
    expect(await e.page.getByTestId('shipment-receive').count()).toBe(0);
  });

  it('lands the freight and duty on the lamps and posts it', async () => {
    await e.page.getByTestId('shipment-land-post').click();
    const f = flow();
    await expect.poll(() => f.landedLink().getAttribute('data-status')).toBe('posted');
    expect(await f.landedLink().textContent()).toMatch(/^LC-\d+ · Posted$/);
    expect(await e.page.getByTestId('shipment-land-post').count()).toBe(0);
    // £160.00 of lamps + £50.00 freight + £20.00 duty
    expect(await balance('HOME')).toEqual({ onHand: 20, value: 23000 });
    await tallScreenshot('68-shipment-page-landed');
    // the posted document now carries the costs: changing them is refused, and said
    await f.costs.getByTestId('cost-row').first().getByTestId('cost-amount').fill('55.00');
    await f.saveCosts();
    await expect.poll(() => f.costs.getByTestId('error-costs').textContent()).toMatch(/LC-\d+ carries these costs into stock: reverse it first/);
    const href = await f.landedLink().getAttribute('href');
    await f.landedLink().click();
    await e.page.waitForFunction((h) => location.hash === h, href);
    await e.page.getByText('Posted', { exact: true }).first().waitFor();
  });

  it('prints its commercial invoice and packing list as PDFs', async () => {
    await e.page.goBack();
    await page().waitFor('SH-000003');
    await e.page.getByTestId('papers-chinese').check();
    const [invoice] = await Promise.all([e.page.waitForEvent('download'), e.page.getByTestId('papers-invoice').click()]);
    expect(invoice.suggestedFilename()).toMatch(/SH-000003.*\.pdf$/i);
    const head = await new Promise<string>((resolve, reject) => {
      void invoice.createReadStream().then((s) => {
        s.once('data', (b: Buffer) => resolve(b.subarray(0, 5).toString('latin1')));
        s.once('error', reject);
      });
    });
    expect(head).toBe('%PDF-');
    const [packing] = await Promise.all([e.page.waitForEvent('download'), e.page.getByTestId('papers-packing').click()]);
    expect(packing.suggestedFilename()).toMatch(/\.pdf$/i);
    expect(await e.page.getByTestId('error-action-papers').count()).toBe(0);
  });

  it('keeps the business details printed on the papers in the settings', async () => {
    await e.page.getByTestId('nav-settings').click();
    const form = e.page.getByTestId('business-form');
    await expect.poll(() => form.getByTestId('field-businessName').inputValue()).toBe('Crossdock Lamps Ltd');
    await form.getByTestId('field-businessName').fill('Crossdock Lighting Ltd');
    await form.getByTestId('field-businessTaxId').fill('GB999999973');
    await form.getByTestId('field-businessCountry').selectOption('GB');
    await form.getByTestId('business-save').click();
    await e.page.getByTestId('toast').filter({ hasText: 'Settings saved' }).waitFor();
    expect((await e.api.call('settings.get', {})).business).toEqual({ name: 'Crossdock Lighting Ltd', address: '1 Quay Street\nIpswich IP1 1AA', country: 'GB', taxId: 'GB999999973' });
  });

  it('dispatches a transfer into TRANSIT and receives 4 good and 1 damaged into quarantine', async () => {
    await e.page.getByTestId('nav-shipments').click();
    await new ShipmentsBoard(e.page).row('SH-000001').click();
    await page().waitFor('SH-000001');
    const f = flow();
    expect(await e.page.getByTestId('shipment-receive').count()).toBe(0);
    await f.dispatch();
    await expect.poll(() => page().status()).toBe('In transit');
    await expect.poll(() => e.page.getByTestId('doc-transit').textContent()).toBe('TRANSIT');
    expect(await balance('TRANSIT')).toEqual({ onHand: 5, value: 5750 });
    expect(await balance('HOME')).toEqual({ onHand: 15, value: 17250 });
    await f.openReceive();
    const line = f.receiveLine('LAMP-01');
    await line.getByTestId('receive-qty').fill('4');
    await line.getByTestId('receive-damaged').fill('1');
    await f.submitReceive();
    await expect.poll(() => f.receiveForm.getByTestId('error-lines.0.quarantineLocationId').textContent()).toMatch(/choose the quarantine location/i);
    await line.getByTestId('receive-quarantine').selectOption({ label: 'QUAR · Quarantine shelf' });
    await line.getByTestId('receive-reason').fill('Crushed corner');
    await e.screenshot('69-shipment-receive-transfer');
    await f.submitReceive();
    await f.receiveForm.waitFor({ state: 'detached' });
    await expect.poll(() => page().status()).toBe('Delivered');
    expect(await balance('OVF')).toEqual({ onHand: 4, value: 4600 });
    expect(await balance('QUAR')).toEqual({ onHand: 1, value: 1150 });
    expect(await balance('TRANSIT')).toBeNull();
    await e.screenshot('70-shipment-transfer-received');
  });

  it('creates an outbound shipment of 2 lamps to a customer and dispatches it: the stock leaves', async () => {
    await e.page.getByTestId('nav-shipments').click();
    const b = new ShipmentsBoard(e.page);
    await b.openNew();
    await b.field('direction').selectOption('outbound');
    await selectByLabelPrefix(e.page, 'field-fromLocationId', 'HOME');
    await b.field('customer').fill('Maison Lumière');
    await b.field('shipTo').fill('12 rue des Lampes\n75011 Paris');
    await b.field('shipToCountry').selectOption('FR');
    const line = e.page.getByTestId('shipment-form-product').first();
    await line.getByTestId('field-product-0').fill('LAMP');
    await e.page.getByRole('option', { name: /LAMP-01/ }).first().click();
    await line.getByTestId('product-qty').fill('2');
    await b.field('carrier').fill('DPD');
    await e.screenshot('71-shipment-new-outbound');
    await b.save();
    await page().waitFor('SH-000004');
    expect(await e.page.getByTestId('shipment-route').textContent()).toBe('HOME → Maison Lumière');
    expect(await e.page.getByTestId('shipment-ship-to').textContent()).toBe('12 rue des Lampes\n75011 Paris\nFR');
    expect(await e.page.getByTestId('shipment-receive').count()).toBe(0);
    await flow().dispatch();
    await expect.poll(() => page().status()).toBe('In transit');
    expect(await balance('HOME')).toEqual({ onHand: 13, value: 14950 });
  });

  /** The whole shipment page (its content scrolls inside the shell, so the window is made tall). */
  async function tallScreenshot(name: string): Promise<void> {
    await e.page.setViewportSize({ width: 1440, height: 2600 });
    await e.screenshot(name);
    await e.page.setViewportSize({ width: 1440, height: 900 });
  }

  /** A shipment's id by its number, through the API. */
  async function shipmentId(number: string): Promise<string> {
    const r = await e.api.call('shipments.list', { q: number, limit: 5 });
    return r.rows.find((x) => x.number === number)!.id;
  }
});
