// Landed cost at scale: the engine on a 1,000-line, 10-charge consignment, and posting a landed-
// cost document over a receipt of 1,000 lines through the dispatcher (engine, revaluation of
// every product's balance, the document's records, one IMMEDIATE transaction).
import { landedCost, type LandedInput } from '../../main/common/calc/landed';
import { seededRandom } from '../../main/common/random';
import type { App } from '../../main/server/app';
import { callOk } from './measure';
import { sample, stats, type Row } from './stats';

/** A consignment of `n` lines in three currencies with ten charges, one of each split method and more. */
export function consignment(n: number, seed = 7): LandedInput {
  const rnd = seededRandom(seed);
  const currencies = ['USD', 'JPY', 'EUR'];
  const lines = Array.from({ length: n }, (_, i) => {
    const currency = currencies[i % 3]!;
    const price = currency === 'JPY' ? String(100 + Math.floor(rnd() * 20000)) : `${1 + Math.floor(rnd() * 300)}.${String(Math.floor(rnd() * 100)).padStart(2, '0')}`;
    return {
      id: `l${i}`,
      quantity: 1 + Math.floor(rnd() * 48),
      unitPrice: price,
      currency,
      unitWeightKg: `0.${String(50 + Math.floor(rnd() * 900)).padStart(3, '0')}`,
      unitVolumeM3: `0.00${String(1 + Math.floor(rnd() * 900)).padStart(3, '0')}`,
      hsCode: ['330499', '851830', '610910', '950300'][i % 4]!,
      dutyRate: ['0.05', '0.08', '0.12', '0'][i % 4]!,
      exciseRate: i % 10 === 0 ? '0.15' : '0',
    };
  });
  const split = ['value', 'quantity', 'weight', 'volume', 'equal', 'value', 'weight', 'value', 'quantity', 'value'] as const;
  const charges = split.map((s, j) => {
    const currency = currencies[j % 3]!;
    return { id: `c${j}`, amount: currency === 'JPY' ? String(12000 + j * 3700) : `${100 + j * 37}.${String(j * 9).padStart(2, '0')}`, currency, split: s, inCustomsValue: j < 4 };
  });
  return { currency: 'CNY', rates: { USD: '7.1234', JPY: '0.0472', EUR: '7.8123' }, lines, charges, customs: { dutyBasis: 'CIF', vatRate: '0.13', taxFactor: '0.7' } };
}

export async function measureLanded(app: App, fx: { locations: Record<string, string> }): Promise<Row[]> {
  const input = consignment(1000);
  // a long warm-up: the figure is the engine at steady state, not V8's tiers compiling it
  const engine = await sample(200, () => landedCost(input), 50);

  // One purchase order of 1,000 lines received in full at HOME, then landed-cost documents over it.
  const home = fx.locations.HOME ?? Object.values(fx.locations)[0]!;
  const base = ((await callOk(app, 'settings.get', {})) as { baseCurrency: string }).baseCurrency;
  const supplier = (await callOk(app, 'suppliers.create', { name: `Bench landed ${Date.now()}`, currency: base })) as { id: string };
  const products = (await callOk(app, 'products.list', { limit: 1000, offset: 1000 })) as { rows: { id: string }[] };
  const po = (await callOk(app, 'purchasing.create', {
    supplierId: supplier.id,
    lines: products.rows.map((p, i) => ({ productId: p.id, qty: 5 + (i % 20), unitPrice: `${10 + (i % 90)}.50` })),
  })) as { order: { id: string }; lines: { id: string; qtyOrdered: number }[] };
  await callOk(app, 'purchasing.send', { id: po.order.id });
  const receipt = (await callOk(app, 'purchasing.receive', { poId: po.order.id, locationId: home, lines: po.lines.map((l) => ({ lineId: l.id, qty: l.qtyOrdered })) })) as { id: string };
  const drafts: string[] = [];
  for (let i = 0; i < 7; i++) {
    const doc = (await callOk(app, 'landed.create', {
      receiptIds: [receipt.id],
      customs: { dutyBasis: 'CIF', vatRate: '0.13', vatRecoverable: true },
      charges: [
        { kind: 'freight', amount: '1830.00', currency: base, split: 'value' },
        { kind: 'insurance', amount: '120.00', currency: base, split: 'value' },
        { kind: 'brokerage', amount: '450.00', currency: base, split: 'quantity', inCustomsValue: false },
      ],
    })) as { id: string };
    drafts.push(doc.id);
  }
  const post = await sample(5, (i) => callOk(app, 'landed.post', { id: drafts[i + 2]! }), 2);
  return [
    { target: 'lc', label: 'landed-cost engine: 1,000 lines, 10 charges, 3 currencies', stats: stats(engine), limit: 5 },
    { target: 'lc', label: `landed.post over a receipt of ${po.lines.length} lines (revalues each balance)`, stats: stats(post), limit: 200 },
  ];
}
