// Demo data: a small Shanghai reseller of Japanese and Korean goods, with an overseas warehouse
// in Tokyo, a bonded warehouse, a 3PL and 60 days of stock movements. Written through the API
// (so it obeys every rule a user would) and deterministic (same data on every machine).
import type { Client } from '../../common/api/client';
import { convert, parseRate } from '../../common/calc/fx';
import { s10CheckDigit } from '../../common/calc/shipping';
import { gs1CheckDigit } from '../../common/codes';
import { divRound, formatMoney, parseMoney, toSafeNumber } from '../../common/money';
import { seededRandom } from '../../common/random';

interface DemoProduct {
  sku: string;
  name: string;
  localName: string;
  brand: string;
  category: string;
  hs: string;
  origin: string;
  cost: string;
  weightG: number;
  variants?: { key: string; values: string[] };
}

const CATALOGUE: DemoProduct[] = [
  { sku: 'JP-SUN-001', name: 'UV Aqua Rich Watery Essence SPF50+ 50g', localName: '碧柔水感防晒精华', brand: 'Biore', category: 'Skincare', hs: '330499', origin: 'JP', cost: '58.00', weightG: 70 },
  { sku: 'JP-SUN-002', name: 'Skin Aqua Tone Up UV Essence 80g', localName: '曼秀雷敦美白防晒', brand: 'Rohto', category: 'Skincare', hs: '330499', origin: 'JP', cost: '52.50', weightG: 95 },
  { sku: 'JP-LOT-010', name: 'Hada Labo Gokujyun Lotion 170ml', localName: '肌研极润化妆水', brand: 'Rohto', category: 'Skincare', hs: '330499', origin: 'JP', cost: '61.00', weightG: 210 },
  { sku: 'JP-MSK-020', name: 'Lululun Face Mask 32 sheets', localName: '露露伦面膜', brand: 'Lululun', category: 'Skincare', hs: '330499', origin: 'JP', cost: '79.00', weightG: 420 },
  { sku: 'JP-CLN-030', name: 'Senka Perfect Whip 120g', localName: '洗颜专科洁面乳', brand: 'Shiseido', category: 'Skincare', hs: '340130', origin: 'JP', cost: '28.00', weightG: 140 },
  { sku: 'JP-SHP-040', name: 'Tsubaki Premium Moist Shampoo 490ml', localName: '丝蓓绮洗发水', brand: 'Shiseido', category: 'Hair care', hs: '330510', origin: 'JP', cost: '45.00', weightG: 560 },
  { sku: 'JP-EYE-050', name: 'Rohto V Eye Drops 12ml', localName: '乐敦眼药水', brand: 'Rohto', category: 'Health', hs: '300490', origin: 'JP', cost: '22.00', weightG: 30 },
  { sku: 'JP-VIT-060', name: 'DHC Vitamin C 60 days', localName: 'DHC维生素C', brand: 'DHC', category: 'Health', hs: '210690', origin: 'JP', cost: '18.50', weightG: 40 },
  { sku: 'JP-SNK-070', name: 'Royce Nama Chocolate Au Lait', localName: 'Royce生巧克力', brand: 'Royce', category: 'Snacks', hs: '180690', origin: 'JP', cost: '66.00', weightG: 180 },
  { sku: 'JP-SNK-071', name: 'Shiroi Koibito 24 pieces', localName: '白色恋人饼干', brand: 'Ishiya', category: 'Snacks', hs: '190531', origin: 'JP', cost: '88.00', weightG: 500 },
  { sku: 'JP-BBY-080', name: 'Merries Diapers M 64', localName: '花王妙而舒纸尿裤', brand: 'Kao', category: 'Baby', hs: '961900', origin: 'JP', cost: '95.00', weightG: 2100 },
  { sku: 'JP-LIP-090', name: 'Canmake Melty Lumi Rouge', localName: '井田丝绒口红', brand: 'Canmake', category: 'Cosmetics', hs: '330410', origin: 'JP', cost: '42.00', weightG: 20, variants: { key: 'colour', values: ['Coral', 'Rose', 'Brick'] } },
  { sku: 'KR-SRM-100', name: 'Snail Mucin 96% Essence 100ml', localName: '蜗牛精华', brand: 'COSRX', category: 'Skincare', hs: '330499', origin: 'KR', cost: '55.00', weightG: 190 },
  { sku: 'KR-CRM-110', name: 'Water Sleeping Mask 70ml', localName: '兰芝睡眠面膜', brand: 'Laneige', category: 'Skincare', hs: '330499', origin: 'KR', cost: '98.00', weightG: 110 },
  { sku: 'KR-CUS-120', name: 'Cushion Foundation SPF50', localName: '气垫粉底', brand: 'Hera', category: 'Cosmetics', hs: '330499', origin: 'KR', cost: '160.00', weightG: 60, variants: { key: 'shade', values: ['17C1', '21N1', '23N1'] } },
  { sku: 'KR-TNT-130', name: 'Juicy Lasting Tint', localName: '唇釉', brand: 'Rom&nd', category: 'Cosmetics', hs: '330410', origin: 'KR', cost: '38.00', weightG: 15 },
  { sku: 'KR-RMN-140', name: 'Buldak Hot Chicken Ramen 5-pack', localName: '火鸡面', brand: 'Samyang', category: 'Snacks', hs: '190230', origin: 'KR', cost: '24.00', weightG: 700 },
  { sku: 'US-VIT-200', name: 'Kirkland Fish Oil 400 softgels', localName: '科克兰鱼油', brand: 'Kirkland', category: 'Health', hs: '210690', origin: 'US', cost: '120.00', weightG: 650 },
  { sku: 'US-TEE-210', name: 'Essentials Cotton T-shirt', localName: '纯棉T恤', brand: 'Essentials', category: 'Apparel', hs: '610910', origin: 'US', cost: '75.00', weightG: 200, variants: { key: 'size', values: ['S', 'M', 'L', 'XL'] } },
  { sku: 'US-BAG-220', name: 'Canvas Tote Bag', localName: '帆布托特包', brand: 'Everlane', category: 'Apparel', hs: '420222', origin: 'US', cost: '140.00', weightG: 450 },
];

function ean13(n: number): string {
  const body = '49' + String(1000000000 + n).slice(-10);
  return body + gs1CheckDigit(body);
}

function day(offset: number, today = new Date()): string {
  return new Date(today.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
}

export async function seedDemo(c: Client): Promise<{ products: number; movements: number }> {
  const rand = seededRandom(42);
  await c.call('settings.update', { baseCurrency: 'CNY' });
  const loc = async (code: string, name: string, kind: 'own' | 'overseas' | 'bonded' | '3pl' | 'in_transit', country: string | null) =>
    (await c.call('locations.create', { code, name, kind, country })).id;
  const home = await loc('HOME', 'Home stockroom, Shanghai', 'own', 'CN');
  const tokyo = await loc('TYO', 'Tokyo consolidation warehouse', 'overseas', 'JP');
  const bonded = await loc('BND-NB', 'Ningbo bonded warehouse', 'bonded', 'CN');
  const tpl = await loc('3PL-HZ', 'Hangzhou 3PL', '3pl', 'CN');
  const transit = await loc('TRANSIT', 'In transit', 'in_transit', null);

  const skus: { id: string; sku: string; cost: string; origin: string }[] = [];
  let n = 0;
  for (const p of CATALOGUE) {
    const base = {
      name: p.name,
      localName: p.localName,
      brand: p.brand,
      category: p.category,
      hsCode: p.hs,
      originCountry: p.origin,
      weightG: p.weightG,
      lowStockThreshold: 10,
    };
    if (!p.variants) {
      const made = await c.call('products.create', { ...base, sku: p.sku, barcode: ean13(++n) });
      skus.push({ id: made.id, sku: made.sku, cost: p.cost, origin: p.origin });
      continue;
    }
    const parent = await c.call('products.create', { ...base, sku: p.sku, lowStockThreshold: null });
    for (const v of p.variants.values) {
      const made = await c.call('products.create', {
        ...base,
        sku: `${p.sku}-${v.toUpperCase()}`,
        name: `${p.name} – ${v}`,
        barcode: ean13(++n),
        parentId: parent.id,
        options: { [p.variants.key]: v },
        lowStockThreshold: 5,
      });
      skus.push({ id: made.id, sku: made.sku, cost: p.cost, origin: p.origin });
    }
  }

  let movements = 0;
  // Opening stock 60 days ago, then weekly buying trips, transfers home and daily outflows.
  for (const s of skus) {
    const where = s.origin === 'JP' ? tokyo : s.origin === 'KR' ? bonded : tpl;
    await c.call('stock.adjust', { productId: s.id, locationId: where, qty: 20 + Math.floor(rand() * 60), unitCost: s.cost, reason: 'opening', occurredAt: day(60) });
    movements++;
  }
  for (let d = 59; d >= 0; d--) {
    for (const s of skus) {
      const r = rand();
      const src = s.origin === 'JP' ? tokyo : s.origin === 'KR' ? bonded : tpl;
      try {
        if (d % 7 === 3 && r < 0.5) {
          // this trip's price: up to 10% above the catalogue cost, in whole percent
          const cost = formatMoney(toSafeNumber(divRound(BigInt(parseMoney(s.cost, 'CNY')) * BigInt(100 + Math.floor(rand() * 11)), 100n)), 'CNY');
          await c.call('stock.adjust', { productId: s.id, locationId: src, qty: 10 + Math.floor(rand() * 30), unitCost: cost, reason: 'received', occurredAt: day(d) });
          movements++;
        } else if (d % 5 === 0 && r < 0.4) {
          await c.call('stock.transfer', { productId: s.id, fromLocationId: src, toLocationId: home, qty: 5 + Math.floor(rand() * 10), occurredAt: day(d) });
          movements += 2;
        } else if (r < 0.35) {
          const from = rand() < 0.6 ? home : src;
          await c.call('stock.adjust', { productId: s.id, locationId: from, qty: -(1 + Math.floor(rand() * 4)), reason: rand() < 0.9 ? 'sample' : 'damaged', note: 'demo outflow', occurredAt: day(d) });
          movements++;
        }
      } catch {
        // not enough stock for this random outflow: a real merchant would have been refused too
      }
    }
  }
  // a parcel on its way home right now
  const moving = skus[0]!;
  await c.call('stock.transfer', { productId: moving.id, fromLocationId: tokyo, toLocationId: transit, qty: 3, note: 'EMS parcel' }).catch(() => undefined);
  await seedSuppliers(c, skus);
  await seedLandedCost(c, home, skus);
  await seedShipments(c, { home, tokyo }, skus);
  await seedSales(c, home, skus);
  await seedDemand(c, { [tokyo]: 'JP', [bonded]: 'KR', [tpl]: 'US' }, skus);
  return { products: skus.length, movements };
}

/**
 * Reorder's raw material: eight weeks of orders the Hangzhou 3PL and the overseas warehouses
 * shipped for a few steady sellers (one slower, one selling on odd weeks), a promotional week, and
 * the last live session marked as the promotion it was — so the reorder screen has something to say.
 */
async function seedDemand(c: Client, origins: Record<string, string>, skus: { id: string; origin: string }[]): Promise<void> {
  const rand = seededRandom(11);
  const sellers = Object.entries(origins).flatMap(([locationId, origin]) =>
    skus
      .filter((s) => s.origin === origin)
      .slice(0, 3)
      .map((s, i) => ({ ...s, locationId, perWeek: [30, 16, 3][i]!, everyOther: i === 2 })),
  );
  for (let week = 8; week >= 1; week--) {
    for (const s of sellers) {
      if (s.everyOther && week % 2) continue;
      const qty = Math.max(1, s.perWeek + Math.floor(rand() * 5) - 2);
      try {
        const o = await c.call('sales.create', { locationId: s.locationId, orderDate: day(7 * week - 1), lines: [{ productId: s.id, qty }], confirm: true });
        await c.call('sales.ship', { id: o.order.id, at: day(7 * week - 1), parcel: null });
      } catch {
        // not enough in that warehouse that day: the order would have been refused then too
      }
    }
  }
  await c.call('reorder.savePromotion', { name: 'Member week', fromDay: day(20), toDay: day(14) });
  const closed = (await c.call('live.list', { status: 'closed' })).rows[0];
  if (closed) await c.call('live.markPromotional', { id: closed.id, promotional: true });
}

/**
 * Selling: the usual price of each product (about 1.8 × its cost), regular buyers, a month of
 * orders from the shop and from chats — most shipped, some waiting to be packed — and the last
 * live session on Douyin with its orders, plus the next one planned from the suggestions.
 */
async function seedSales(c: Client, home: string, skus: { id: string; sku: string; cost: string }[]): Promise<void> {
  const rand = seededRandom(7);
  for (const p of skus) {
    const price = toSafeNumber(divRound(BigInt(parseMoney(p.cost, 'CNY')) * 18n, 1000n)) * 100 - 1;
    await c.call('products.update', { id: p.id, price: formatMoney(price, 'CNY') });
  }
  const people: [string, string, string | null][] = [
    ['Chan Mei Ling', 'meiling.c', 'HK'],
    ['Wang Xiaoyu', 'xiaoyu_w', 'CN'],
    ['Li Na', 'lina88', 'CN'],
    ['Zhao Lei', 'zhaolei', 'CN'],
    ['Sophie Tan', 'sophie.tan', 'SG'],
    ['Kim Jiwoo', 'jiwoo.k', 'KR'],
    ['Liu Yang', 'yangyang', 'CN'],
    ['Chen Jing', 'jingjing', 'TW'],
  ];
  const buyers: string[] = [];
  for (const [name, handle, country] of people) buyers.push((await c.call('customers.create', { name, handle, country })).id);
  const athome = (await c.call('stock.balances', { locationId: home, limit: 1000 })).rows.filter((b) => b.available > 3).map((b) => b.productId);
  const pick = () => athome[Math.floor(rand() * athome.length)]!;
  for (let i = 0; i < 24 && athome.length; i++) {
    const lines = [...new Set([pick(), ...(rand() < 0.4 ? [pick()] : [])])].map((productId) => ({ productId, qty: 1 + Math.floor(rand() * 2) }));
    try {
      const o = await c.call('sales.create', { customerId: buyers[i % buyers.length]!, locationId: home, orderDate: day(28 - i), lines, shipping: rand() < 0.5 ? '12.00' : '0', confirm: true });
      if (i < 19) {
        await c.call('sales.pay', { id: o.order.id, amount: formatMoney(o.order.total, 'CNY') });
        await c.call('sales.ship', { id: o.order.id, at: day(27 - i), parcel: i % 3 ? { carrier: 'SF Express', trackingNumbers: [] } : null });
      } else if (i === 22) await c.call('sales.cancel', { id: o.order.id, reason: 'ordered the wrong shade' });
    } catch {
      // not enough left of what was picked: a real order would have been refused too
    }
  }
  const featured = (await c.call('live.suggest', { locationId: home, limit: 6 })).slice(0, 4);
  const items = featured.map((f, i) => ({ productId: f.productId, price: formatMoney(Math.round(((f.price ?? f.avgCost * 2) * 0.9) / 100) * 100 - 10, 'CNY'), cap: Math.min(f.suggestedCap, 6), code: `A${i + 1}` }));
  if (!items.length) return;
  const last = await c.call('live.create', { title: 'Thursday night Japan haul', platform: 'Douyin', locationId: home, perCustomerLimit: 2, items });
  await c.call('live.start', { id: last.session.id });
  let k = 0;
  for (const item of items) {
    for (let u = 0; u < item.cap + 1; u++) {
      await c.call('live.claim', { sessionId: last.session.id, product: item.code, customer: people[k++ % people.length]![1] }).catch(() => undefined);
    }
  }
  const closed = await c.call('live.close', { id: last.session.id });
  for (const o of closed.orders.slice(0, Math.ceil(closed.orders.length / 2))) await c.call('sales.pay', { id: o.id, amount: formatMoney(o.total, 'CNY') });
  await c.call('live.create', {
    title: 'Sunday restock live',
    platform: 'Douyin',
    locationId: home,
    scheduledAt: `${day(-2)}T12:00:00.000Z`,
    perCustomerLimit: 2,
    items: items.slice(0, 2).map((x) => ({ ...x, cap: Math.max(1, x.cap - 2) })),
  });
}

/**
 * The last buying round from Osaka, received at home, with its air freight and the broker's
 * fee folded into the unit costs (duty rates kept on the products for China), and a what-if
 * for the next round.
 */
async function seedLandedCost(c: Client, home: string, skus: { id: string; sku: string }[]): Promise<void> {
  const osaka = (await c.call('suppliers.list')).find((s) => s.currency === 'JPY')!;
  const bought = ['JP-SUN-001', 'JP-LOT-010', 'JP-MSK-020'].map((sku) => skus.find((p) => p.sku === sku)!);
  for (const p of bought) await c.call('landed.setProductRate', { productId: p.id, profileCode: 'CN', dutyRate: '0.01' });
  const po = await c.call('purchasing.create', { supplierId: osaka.id, orderDate: day(21), lines: bought.map((p) => ({ productId: p.id, qty: 48 })) });
  await c.call('purchasing.send', { id: po.order.id });
  const receipt = await c.call('purchasing.receive', { poId: po.order.id, locationId: home, receivedAt: day(12), lines: po.lines.map((l) => ({ lineId: l.id, qty: l.qtyOrdered })) });
  const doc = await c.call('landed.create', {
    receiptIds: [receipt.id],
    docDate: day(11),
    customs: { profile: 'CN' },
    notes: 'Air freight Kansai → Pudong, cleared by our broker',
    charges: [
      { kind: 'freight', label: 'Air freight KIX → PVG', amount: '38500', currency: 'JPY', split: 'weight', inCustomsValue: true, reference: 'AWB 205-1184 2291' },
      { kind: 'insurance', label: 'Cargo insurance', amount: '1200', currency: 'JPY', split: 'value', inCustomsValue: true },
      { kind: 'brokerage', label: 'Customs clearance', amount: '350.00', currency: 'CNY', split: 'equal', inCustomsValue: false, reference: 'SH-CB 11/0412' },
    ],
  });
  await c.call('landed.post', { id: doc.id });
  await c.call('landed.saveCalculation', {
    name: 'Next Osaka round by sea',
    input: {
      currency: 'CNY',
      lines: bought.map((p, i) => ({ id: `l${i + 1}`, productId: p.id, name: p.sku, quantity: 96, unitPrice: ['980', '1050', '1380'][i]!, currency: 'JPY', hsCode: '330499', unitWeightKg: ['0.07', '0.21', '0.42'][i]! })),
      charges: [
        { id: 'freight', kind: 'freight', label: 'Sea freight LCL', amount: '26000', currency: 'JPY', split: 'weight', inCustomsValue: true },
        { id: 'broker', kind: 'brokerage', label: 'Customs clearance', amount: '350.00', currency: 'CNY', split: 'equal', inCustomsValue: false },
      ],
      customs: { profile: 'CN' },
    },
  });
}

/** A UPU S10 number (two letters, eight digits, its check digit, the country). */
function s10(prefix: string, serial: string, country: string): string {
  return `${prefix}${serial}${s10CheckDigit(serial)}${country}`;
}

/**
 * What is on the move: a Korean order flying in and waiting at customs, a US order held by
 * customs and overdue, a box on its way home from the Tokyo warehouse, and a parcel out to a
 * customer in Hong Kong.
 */
async function seedShipments(c: Client, at: { home: string; tokyo: string }, skus: { id: string; sku: string; origin: string }[]): Promise<void> {
  await c.call('settings.update', {
    business: { name: 'Lin Global Picks', address: 'Room 1203, 88 Changshou Road\nPutuo District, Shanghai 200060', country: 'CN', taxId: '91310107MA1G8XXX0K' },
  });
  const suppliers = await c.call('suppliers.list');
  const sentPo = async (currency: string, origin: string, qty: number) => {
    const supplier = suppliers.find((s) => s.currency === currency)!;
    const lines = skus.filter((p) => p.origin === origin).slice(0, 3);
    const po = await c.call('purchasing.create', { supplierId: supplier.id, orderDate: day(9), lines: lines.map((p) => ({ productId: p.id, qty })) });
    await c.call('purchasing.send', { id: po.order.id });
    return po;
  };
  const seoul = await sentPo('KRW', 'KR', 24);
  const korean = await c.call('shipments.create', {
    direction: 'inbound',
    toLocationId: at.home,
    carrier: 'Korea Post EMS',
    service: 'EMS Premium',
    incoterm: 'FOB',
    eta: day(-3),
    shippedOn: day(4),
    trackingNumbers: [s10('EG', '40213377', 'KR')],
    parcels: [{ weightG: 9800, lengthMm: 500, widthMm: 400, heightMm: 350, reference: 'CTN 1/1' }],
    legs: [
      { from: 'Seoul', to: 'Incheon (ICN)', mode: 'road' },
      { from: 'Incheon (ICN)', to: 'Pudong (PVG)', mode: 'air', carrier: 'Korean Air Cargo', eta: day(1) },
      { from: 'Pudong (PVG)', to: 'Pudong customs', mode: 'customs' },
      { from: 'Pudong customs', to: 'Home stockroom', mode: 'courier', eta: day(-3) },
    ],
    lines: seoul.lines.map((l) => ({ poLineId: l.id, qty: l.qtyOrdered })),
  });
  await c.call('shipments.addEvents', {
    shipmentId: korean.shipment.id,
    events: [
      { at: `${day(4)}T09:10:00Z`, status: 'in_transit', place: 'Seoul', text: 'Posted' },
      { at: `${day(2)}T22:40:00Z`, status: 'in_transit', place: 'Incheon', text: 'Departed from the office of exchange' },
      { at: `${day(1)}T06:05:00Z`, status: 'at_customs', place: 'Shanghai Pudong', text: 'Arrived at the office of exchange; handed to customs' },
    ],
  });
  await c.call('shipments.setCustoms', { id: korean.shipment.id, status: 'submitted', broker: 'Pudong Swift Customs Brokerage', entryNumber: null, clearedOn: null });
  await c.call('shipments.setCosts', {
    id: korean.shipment.id,
    costs: [
      { kind: 'freight', label: 'EMS postage', amount: '86500', currency: 'KRW', split: 'weight', reference: 'EMS receipt 0412' },
      { kind: 'insurance', label: 'Declared-value cover', amount: '9000', currency: 'KRW', split: 'value' },
    ],
  });

  const portland = await sentPo('USD', 'US', 12);
  const held = await c.call('shipments.create', {
    direction: 'inbound',
    toLocationId: at.home,
    carrier: 'UPS',
    service: 'Worldwide Expedited',
    incoterm: 'DAP',
    eta: day(2),
    shippedOn: day(8),
    trackingNumbers: ['1Z999AA10123456784'],
    parcels: [{ weightG: 14200, lengthMm: 600, widthMm: 400, heightMm: 400 }],
    lines: portland.lines.map((l) => ({ poLineId: l.id, qty: l.qtyOrdered })),
  });
  await c.call('shipments.addEvents', {
    shipmentId: held.shipment.id,
    events: [
      { at: `${day(8)}T17:00:00Z`, status: 'in_transit', place: 'Portland, OR', text: 'Picked up' },
      { at: `${day(5)}T03:20:00Z`, status: 'at_customs', place: 'Shanghai', text: 'Clearance in progress' },
      { at: `${day(3)}T08:45:00Z`, status: 'customs_held', place: 'Shanghai', text: 'Customs requests the commercial invoice and the importer’s ID' },
    ],
  });
  await c.call('shipments.setCustoms', { id: held.shipment.id, status: 'held', broker: 'UPS Brokerage', entryNumber: '2203 2026 1187 4410', clearedOn: null });

  const tokyoItems = skus.filter((p) => p.origin === 'JP').slice(3, 5);
  const box = await c.call('shipments.create', {
    direction: 'transfer',
    fromLocationId: at.tokyo,
    toLocationId: at.home,
    carrier: 'Japan Post EMS',
    eta: day(-2),
    trackingNumbers: [s10('EJ', '71550382', 'JP')],
    parcels: [{ weightG: 4300, lengthMm: 400, widthMm: 300, heightMm: 250 }],
    lines: tokyoItems.map((p) => ({ productId: p.id, qty: 2 })),
  });
  await c.call('shipments.dispatch', { id: box.shipment.id, at: day(2) }).catch(() => undefined);

  const parcel = await c.call('shipments.create', {
    direction: 'outbound',
    fromLocationId: at.home,
    customer: 'Chan Mei Ling',
    shipTo: 'Flat 5B, 23 Hennessy Road\nWan Chai, Hong Kong',
    shipToCountry: 'HK',
    carrier: 'SF Express',
    declaredValue: '420.00',
    currency: 'CNY',
    trackingNumbers: ['SF1402876633951'],
    parcels: [{ weightG: 950, lengthMm: 250, widthMm: 200, heightMm: 100 }],
    lines: [{ productId: skus.find((p) => p.origin === 'JP')!.id, qty: 1 }],
  });
  await c.call('shipments.dispatch', { id: parcel.shipment.id, at: day(3) }).catch(() => undefined);
  await c.call('shipments.addEvents', { shipmentId: parcel.shipment.id, events: [{ at: `${day(1)}T10:30:00Z`, status: 'delivered', place: 'Wan Chai', text: 'Signed for' }] });
}

/**
 * The ECB rates shipped with the app, and the three suppliers this business buys from, each
 * pricing in its own currency a little under what the goods cost landed.
 */
async function seedSuppliers(c: Client, skus: { id: string; sku: string; cost: string; origin: string }[]): Promise<void> {
  await c.call('fx.importEcb');
  const suppliers = [
    { origin: 'JP', prefix: 'OSK', name: 'Osaka Drug Wholesale', country: 'JP', currency: 'JPY', paymentTerms: '30 days net', leadTimeDays: 10, contactName: 'Tanaka Yuki' },
    { origin: 'KR', prefix: 'SBT', name: 'Seoul Beauty Trading', country: 'KR', currency: 'KRW', paymentTerms: 'prepaid', leadTimeDays: 14, contactName: 'Kim Min-ji' },
    { origin: 'US', prefix: 'PDX', name: 'Portland Outlet Supply', country: 'US', currency: 'USD', paymentTerms: '50% deposit, balance before shipping', leadTimeDays: 21, contactName: 'Sam Ortiz' },
  ] as const;
  for (const { origin, prefix, ...fields } of suppliers) {
    const supplier = await c.call('suppliers.create', fields);
    const rate = parseRate((await c.call('fx.rate', { from: 'CNY', to: fields.currency, date: '2026-04-13' })).rate);
    for (const p of skus.filter((x) => x.origin === origin)) {
      const percent = (minor: number, pct: bigint) => toSafeNumber(divRound(BigInt(minor) * pct, 100n));
      const list = convert(percent(parseMoney(p.cost, 'CNY'), 85n), 'CNY', fields.currency, rate);
      const price = (pct: bigint) => formatMoney(percent(list, pct), fields.currency);
      await c.call('suppliers.saveProduct', {
        supplierId: supplier.id,
        supplierSku: `${prefix}-${p.sku}`,
        productId: p.id,
        unitPrice: price(100n),
        priceBreaks: [
          { minQty: 12, unitPrice: price(95n) },
          { minQty: 48, unitPrice: price(90n) },
        ],
        moq: 6,
        orderMultiple: 6,
        priceDate: '2026-04-13',
      });
    }
  }
}
