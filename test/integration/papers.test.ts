// Shipping papers as PDF, read back with a real PDF text extractor: what a customs officer or a
// forwarder's system would read. The clock is fixed at 2026-11-24 12:00 UTC; base currency CNY.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempApp, type TempApp } from '../helpers/temp-app';
import { pdfText } from '../helpers/pdf-text';

const NOW = new Date('2026-11-24T12:00:00Z');
let t: TempApp;
let home: string;
let supplier: string;
let lamp: string;
let cream: string;

beforeEach(async () => {
  t = tempApp({ clock: () => NOW });
  const c = t.client;
  await c.call('settings.update', { baseCurrency: 'CNY', business: { name: 'Lin Global Picks', address: '88 Changshou Road\nShanghai 200060', country: 'CN', taxId: '91310107MA1G8XXX0K' } });
  home = (await c.call('locations.create', { code: 'HOME', name: 'Home stockroom', kind: 'own', country: 'CN' })).id;
  supplier = (await c.call('suppliers.create', { name: 'Osaka Drug Wholesale', country: 'JP', currency: 'JPY', email: 'orders@osaka-drug.example' })).id;
  lamp = (await c.call('products.create', { sku: 'JP-LMP-01', name: 'Folding desk lamp', localName: '折叠台灯', hsCode: '940521', originCountry: 'JP', weightG: 850 })).id;
  cream = (await c.call('products.create', { sku: 'JP-SUN-001', name: 'Sunscreen SPF50 60 ml', localName: '防晒霜 SPF50', originCountry: 'JP', weightG: 70 })).id;
});
afterEach(() => t.close());

async function inbound() {
  const c = t.client;
  const po = await c.call('purchasing.create', {
    supplierId: supplier,
    orderDate: '2026-11-02',
    lines: [
      { productId: lamp, qty: 12, unitPrice: '2480' },
      { productId: cream, qty: 48, unitPrice: '980' },
    ],
  });
  await c.call('purchasing.send', { id: po.order.id });
  return c.call('shipments.create', {
    direction: 'inbound',
    toLocationId: home,
    carrier: 'Japan Post',
    service: 'EMS',
    incoterm: 'FOB',
    shippedOn: '2026-11-20',
    trackingNumbers: ['EE123456785GB'],
    parcels: [
      { weightG: 12600, lengthMm: 500, widthMm: 400, heightMm: 305, reference: 'CTN-1' },
      { weightG: 3400 },
    ],
    lines: po.lines.map((l) => ({ poLineId: l.id, qty: l.qtyOrdered })),
  });
}

const read = async (kind: 'invoice' | 'packing_list', id: string, chinese = false) => {
  const p = await t.client.call('shipments.papers', { id, kind, chinese });
  const bytes = Buffer.from(p.base64, 'base64');
  if (process.env.CROSSDOCK_KEEP_PDF) (await import('node:fs')).writeFileSync(`${process.env.CROSSDOCK_KEEP_PDF}/${kind}-${chinese ? 'zh-' : ''}${p.fileName}`, bytes);
  return { p, bytes, pages: await pdfText(bytes) };
};

describe('shipping papers', () => {
  it('the commercial invoice of an inbound shipment: parties, terms, lines with HS code and origin, totals', async () => {
    const d = await inbound();
    const { p, bytes, pages } = await read('invoice', d.shipment.id);
    expect(p).toMatchObject({ fileName: 'SH-000001-commercial-invoice.pdf', mimeType: 'application/pdf' });
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    for (const s of [
      'COMMERCIAL INVOICE',
      'No. SH-000001',
      'Date 2026-11-20',
      'Osaka Drug Wholesale',
      'Japan (JP)',
      'orders@osaka-drug.example',
      'Lin Global Picks',
      'Tax ID: 91310107MA1G8XXX0K',
      'FOB',
      'Japan Post · EMS',
      'EE123456785GB',
      'China (CN)',
      'Folding desk lamp',
      'JP-LMP-01',
      '940521',
      '2,480',
      '29,760',
      '47,040',
      // 12 × 2,480 + 48 × 980 yen
      'Total value: JPY 76,800',
      'Total quantity: 60',
      // 12 × 0.850 + 48 × 0.070 kg
      'Total net weight: 13.560 kg',
      'Gross weight: 16.000 kg · Packages: 2',
      'I declare that the information',
      'HS code missing for JP-SUN-001',
      'Page 1 of 1',
    ]) {
      expect(text).toContain(s);
    }
    // English only unless asked
    expect(text).not.toContain('折叠台灯');
    expect(bytes.length).toBeLessThan(60_000);
    if (process.env.CROSSDOCK_PDF_SIZES) console.log(`English invoice: ${bytes.length} bytes`);
  });

  it('with Chinese descriptions: the names come out as Chinese text, from an embedded subset of the font', async () => {
    const d = await inbound();
    const { bytes, pages } = await read('invoice', d.shipment.id, true);
    expect(pages[0]).toContain('折叠台灯');
    expect(pages[0]).toContain('防晒霜');
    expect(pages[0]).toContain('SPF50');
    // a subset of a 4 MB font
    expect(bytes.length).toBeLessThan(200_000);
    if (process.env.CROSSDOCK_PDF_SIZES) console.log(`Chinese invoice: ${bytes.length} bytes`);
  });

  it('the packing list: packages with weights and dimensions, quantities, and no prices', async () => {
    const d = await inbound();
    const { p, pages } = await read('packing_list', d.shipment.id);
    expect(p.fileName).toBe('SH-000001-packing-list.pdf');
    const text = pages[0]!;
    for (const s of ['PACKING LIST', 'PACKAGES', '1 of 2', '12.600', '50 × 40 × 30.5', 'CTN-1', '2 of 2', '3.400', 'Total quantity: 60', 'Gross weight: 16.000 kg']) expect(text).toContain(s);
    expect(text).not.toContain('2,480');
    expect(text).not.toContain('Total value');
  });

  it('an outbound parcel with a declared value: the value is split over the lines exactly, by their cost', async () => {
    const c = t.client;
    const kettle = (await c.call('products.create', { sku: 'JP-KTL-02', name: 'Travel kettle', hsCode: '851671', originCountry: 'CN', weightG: 600 })).id;
    await c.call('stock.adjust', { productId: lamp, locationId: home, qty: 10, unitCost: '150.00', reason: 'opening' });
    await c.call('stock.adjust', { productId: cream, locationId: home, qty: 10, unitCost: '50.00', reason: 'opening' });
    await c.call('stock.adjust', { productId: kettle, locationId: home, qty: 10, unitCost: '75.00', reason: 'opening' });
    const d = await c.call('shipments.create', {
      direction: 'outbound',
      fromLocationId: home,
      customer: 'Chan Mei Ling',
      shipTo: 'Flat 5B, 23 Hennessy Road\nWan Chai',
      shipToCountry: 'HK',
      incoterm: 'DAP',
      declaredValue: '100.00',
      currency: 'USD',
      lines: [
        { productId: lamp, qty: 1 },
        { productId: cream, qty: 3 },
        { productId: kettle, qty: 2 },
      ],
    });
    const text = (await read('invoice', d.shipment.id)).pages[0]!;
    for (const s of ['Chan Mei Ling', 'Wan Chai', 'Hong Kong (HK)', 'Lin Global Picks', 'China (CN)', 'DAP', 'Total USD']) expect(text).toContain(s);
    // costs 150, 3 × 50 and 2 × 75: a third each of the declared 100.00, the odd cent to the first
    // a row reads: SKU, HS code, origin, qty, unit value, line total, net kg
    const totals = [...text.matchAll(/(JP-[A-Z]{3}-\d+)\s+\S+\s+[A-Z]{2}\s+(\d+)\s+([\d,.]+)\s+([\d,.]+)\s+[\d.]+/g)].map((m) => ({ sku: m[1], qty: m[2], unit: m[3], total: m[4]! }));
    expect(totals).toEqual([
      { sku: 'JP-LMP-01', qty: '1', unit: '33.34', total: '33.34' },
      { sku: 'JP-SUN-001', qty: '3', unit: '11.11', total: '33.33' },
      { sku: 'JP-KTL-02', qty: '2', unit: '16.67', total: '33.33' },
    ]);
    const cents = totals.reduce((a, r) => a + Number(r.total.replace(/[,.]/g, '')), 0);
    expect(cents).toBe(10000);
    expect(text).toContain('Total value: USD 100.00');
  });

  it('once dispatched, a parcel is valued at what its stock cost when it left, not at a later average', async () => {
    const c = t.client;
    await c.call('stock.adjust', { productId: lamp, locationId: home, qty: 2, unitCost: '150.00', reason: 'opening' });
    const d = await c.call('shipments.create', { direction: 'outbound', fromLocationId: home, customer: 'Chan Mei Ling', shipToCountry: 'HK', lines: [{ productId: lamp, qty: 2 }] });
    expect((await read('invoice', d.shipment.id)).pages[0]).toContain('Total value: CNY 300.00');
    await c.call('shipments.dispatch', { id: d.shipment.id });
    // restocked dearer afterwards: the average moves, the parcel's value does not
    await c.call('stock.adjust', { productId: lamp, locationId: home, qty: 2, unitCost: '250.00', reason: 'found' });
    const text = (await read('invoice', d.shipment.id)).pages[0]!;
    expect(text).toContain('Date 2026-11-24');
    expect(text).toContain('150.00');
    expect(text).toContain('Total value: CNY 300.00');
    expect(text).not.toContain('250.00');
  });

  it('letters no font has: accents dropped, other scripts as "?" and said so; an empty parcel still gets its paper', async () => {
    const c = t.client;
    const d = await c.call('shipments.create', {
      direction: 'outbound',
      fromLocationId: home,
      customer: 'Łukasz Wiśniewski',
      shipTo: 'ul. Długa 5\nул. Тверская 7',
      shipToCountry: 'PL',
      declaredValue: '20.00',
      currency: 'EUR',
    });
    const { pages } = await read('invoice', d.shipment.id);
    const text = pages[0]!;
    expect(text).toContain('Lukasz Wisniewski');
    expect(text).toContain('ul. Dluga 5');
    expect(text).toContain('??. ???????? 7');
    expect(text).toContain('printed as "?" for want of a font: U+0443 U+043B');
    expect(text).toContain('Total quantity: 0');
    expect(text).toContain('Total value: EUR 0.00');
    expect(text).toContain('no lines: add what it carries');
  });

  it('an inbound line priced in another currency than the rest is left unvalued and named, not converted', async () => {
    const c = t.client;
    const yen = await c.call('purchasing.create', { supplierId: supplier, orderDate: '2026-11-02', lines: [{ productId: lamp, qty: 2, unitPrice: '2480' }] });
    await c.call('purchasing.send', { id: yen.order.id });
    await c.call('suppliers.update', { id: supplier, currency: 'USD' });
    const usd = await c.call('purchasing.create', { supplierId: supplier, orderDate: '2026-11-03', lines: [{ productId: cream, qty: 5, unitPrice: '7.50' }] });
    await c.call('purchasing.send', { id: usd.order.id });
    expect(usd.order.currency).toBe('USD');
    const d = await c.call('shipments.create', { direction: 'inbound', toLocationId: home, lines: [...yen.lines, ...usd.lines].map((l) => ({ poLineId: l.id, qty: l.qtyOrdered })) });
    const text = (await read('invoice', d.shipment.id)).pages[0]!;
    expect(text).toContain('Total value: JPY 4,960');
    expect(text).toContain('JP-SUN-001 is priced in USD, not JPY');
    expect(text).not.toContain('7.50');
  });

  it('a long shipment runs over pages, the table header repeated and every page numbered', async () => {
    const c = t.client;
    const lines = [];
    for (let i = 0; i < 120; i++) {
      const p = await c.call('products.create', { sku: `SKU-${String(i).padStart(3, '0')}`, name: `Item ${i}`, hsCode: '392690', originCountry: 'CN', weightG: 100 });
      await c.call('stock.adjust', { productId: p.id, locationId: home, qty: 1, unitCost: '1.00', reason: 'opening' });
      lines.push({ productId: p.id, qty: 1 });
    }
    const other = (await c.call('locations.create', { code: 'TYO', name: 'Tokyo warehouse', kind: 'overseas', country: 'JP' })).id;
    const d = await c.call('shipments.create', { direction: 'transfer', fromLocationId: home, toLocationId: other, lines });
    const { pages } = await read('invoice', d.shipment.id);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((text, i) => {
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
      // a page that carries lines carries the header above them
      if (text.includes('SKU-')) expect(text).toContain('Description');
    });
    expect(pages.filter((text) => text.includes('SKU-')).length).toBeGreaterThanOrEqual(2);
    const all = pages.join('\n');
    expect(all).toContain('Not a sale');
    expect(all).toContain('SKU-000');
    expect(all).toContain('SKU-119');
    expect(all).toContain('Total value: CNY 120.00');
  });

  it('an unknown shipment is refused naming the id', async () => {
    const e = await t.client.call('shipments.papers', { id: '01890000-0000-7000-8000-000000000000', kind: 'invoice' }).catch((x) => x);
    expect(e.code).toBe('not_found');
    expect(e.details.field).toBe('id');
  });
});
