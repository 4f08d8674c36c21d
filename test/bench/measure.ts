// API-level measurements through the real dispatcher (zod validation, a transaction per call,
// the repos' SQL): the same door the renderer's calls go through, minus the transport.
import type { App } from '../../main/server/app';
import { sample, stats, type Row, type Samples } from './stats';

/** The page size the products screen asks for (renderer/api/paged.ts). */
export const UI_PAGE = 200;

type Log = (msg: string) => void;

export async function callOk(app: App, method: string, args: unknown): Promise<unknown> {
  const env = await app.dispatcher.dispatch(method, args);
  if (!env.ok) throw new Error(`${method} ${JSON.stringify(args)}: ${env.error.message}`);
  return env.result;
}

interface Fixtures {
  locations: Record<string, string>;
  /** location with the most balance rows, and one with about a tenth of them */
  bigLocation: { id: string; code: string; rows: number };
  smallLocation: { id: string; code: string; rows: number };
  busyProduct: { id: string; sku: string; movements: number };
  sku: string;
  barcode: string;
  name: string;
  localName: string;
  /** products with stock at HOME, for posting */
  postable: string[];
}

/** Picks real values out of the dataset to search for and post against (not timed). */
export function fixtures(app: App): Fixtures {
  const db = app.db;
  const locs = db.prepare("SELECT id, code FROM locations WHERE status = 'active'").all() as { id: string; code: string }[];
  const locations = Object.fromEntries(locs.map((l) => [l.code, l.id]));
  const perLoc = db
    .prepare('SELECT b.location_id AS id, l.code, count(*) AS rows FROM balances b JOIN locations l ON l.id = b.location_id WHERE b.on_hand <> 0 OR b.reserved <> 0 GROUP BY b.location_id ORDER BY rows DESC')
    .all() as { id: string; code: string; rows: number }[];
  const bigLocation = perLoc[0]!;
  const smallLocation = perLoc.find((l) => l.rows <= bigLocation.rows / 5) ?? perLoc[perLoc.length - 1]!;
  // the busiest product by movements at its busiest location (recent history is enough to find one)
  const busy = db
    .prepare(
      `SELECT m.product_id AS id, p.sku, count(*) AS movements FROM movements m JOIN products p ON p.id = m.product_id
       WHERE m.seq > (SELECT max(seq) FROM movements) - 200000 GROUP BY m.product_id ORDER BY movements DESC LIMIT 1`,
    )
    .get() as Fixtures['busyProduct'];
  const busyProduct = { ...busy, movements: (db.prepare('SELECT count(*) AS n FROM movements WHERE product_id = ?').get(busy.id) as { n: number }).n };
  const some = db
    .prepare("SELECT sku, barcode, name, local_name FROM products WHERE barcode IS NOT NULL AND local_name IS NOT NULL AND sku LIKE 'JP-%' AND name LIKE '%Essence%' LIMIT 1")
    .get() as { sku: string; barcode: string; name: string; local_name: string } | undefined;
  const any = some ?? (db.prepare('SELECT sku, barcode, name, local_name FROM products WHERE barcode IS NOT NULL AND local_name IS NOT NULL LIMIT 1').get() as NonNullable<typeof some>);
  const home = locations.HOME ?? bigLocation.id;
  const postable = (db.prepare('SELECT product_id AS id FROM balances WHERE location_id = ? AND on_hand >= 20 LIMIT 300').all(home) as { id: string }[]).map((r) => r.id);
  return { locations, bigLocation, smallLocation, busyProduct, sku: any.sku, barcode: any.barcode, name: any.name, localName: any.local_name, postable };
}

/** Each keystroke of typing `text`: its prefixes of 1, 2, 3… characters (code points). */
function keystrokes(text: string, max = 8): string[] {
  const chars = [...text];
  return chars.slice(0, max).map((_, i) => chars.slice(0, i + 1).join(''));
}

export async function measureApi(app: App, log: Log): Promise<{ rows: Row[]; fx: Fixtures; searchDetail: string }> {
  const rows: Row[] = [];
  const fx = fixtures(app);
  log(`  fixtures: ${fx.bigLocation.code} ${fx.bigLocation.rows} balances, ${fx.smallLocation.code} ${fx.smallLocation.rows}; busiest product ${fx.busyProduct.sku} with ${fx.busyProduct.movements} movements`);

  // ---- 1. product list, first page (what the products screen asks for first)
  rows.push({
    target: '1',
    label: `products.list first page of ${UI_PAGE}, API (warm)`,
    stats: stats(await sample(30, () => callOk(app, 'products.list', { limit: UI_PAGE }))),
  });
  const variants: [string, unknown][] = [
    ['products.list sort name', { sort: 'name', limit: UI_PAGE }],
    ['products.list sort onHand desc', { sort: 'onHand', dir: 'desc', limit: UI_PAGE }],
    ['products.list page at offset 50,000', { offset: 50_000, limit: UI_PAGE }],
    ['products.list category filter', { category: 'Skincare', limit: UI_PAGE }],
    ['products.list low stock only', { lowStock: true, limit: UI_PAGE }],
  ];
  for (const [label, args] of variants) rows.push({ target: '1', label, stats: stats(await sample(10, () => callOk(app, 'products.list', args))) });

  // ---- 2. search as you type: every prefix of what a person would type
  const typed: [kind: string, text: string][] = [
    ['SKU prefix', fx.sku],
    ['name substring', 'Essence'],
    ['name substring', 'moist'],
    ['Chinese local name', fx.localName.replace(/\s.*$/, '')],
    ['Chinese local name', '防晒'],
    ['barcode', fx.barcode],
  ];
  const byLen: Record<string, Samples> = { '1': Object.assign([], { cpu: [] }), '2': Object.assign([], { cpu: [] }), '3+': Object.assign([], { cpu: [] }) };
  const detail: string[] = [];
  for (const [kind, text] of typed) {
    const parts: string[] = [];
    for (const q of keystrokes(text, kind === 'barcode' ? 13 : 8)) {
      const t = await sample(12, () => callOk(app, 'products.list', { search: q, limit: UI_PAGE }), 1);
      const len = [...q].length;
      const bucket = byLen[len >= 3 ? '3+' : String(len)]!;
      bucket.push(...t);
      bucket.cpu!.push(...(t.cpu ?? []));
      const total = ((await callOk(app, 'products.list', { search: q, limit: 1 })) as { total: number }).total;
      parts.push(`${JSON.stringify(q)} ${stats(t).median.toFixed(1)} ms (${total} hits)`);
    }
    detail.push(`  ${kind}: ${parts.join(', ')}`);
  }
  for (const len of ['1', '2', '3+'] as const) {
    rows.push({ target: '2', label: `products.list search, ${len} char${len === '1' ? '' : 's'} (API)`, stats: stats(byLen[len]!), limit: 50 });
  }

  // ---- 3. stock balances of one location, a page of 100
  for (const l of [fx.bigLocation, fx.smallLocation]) {
    const total = ((await callOk(app, 'stock.balances', { locationId: l.id, limit: 1 })) as { total: number }).total;
    rows.push({ target: '3', label: `stock.balances ${l.code} (${total} rows) first page`, stats: stats(await sample(40, () => callOk(app, 'stock.balances', { locationId: l.id, limit: 100 }))), limit: 10 });
    const deep = Math.floor(total / 2 / 100) * 100;
    rows.push({ target: '3', label: `stock.balances ${l.code} page at offset ${deep}`, stats: stats(await sample(40, () => callOk(app, 'stock.balances', { locationId: l.id, limit: 100, offset: deep }))), limit: 10 });
  }

  // ---- extra figures
  rows.push({ target: '', label: 'dashboard.summary (30 days)', stats: stats(await sample(10, () => callOk(app, 'dashboard.summary', { days: 30 }), 1)) });
  rows.push({ target: '', label: 'dashboard.summary (365 days)', stats: stats(await sample(5, () => callOk(app, 'dashboard.summary', { days: 365 }), 1)) });
  rows.push({
    target: '',
    label: `stock.movements first page, one product (${fx.busyProduct.movements} mv)`,
    stats: stats(await sample(20, () => callOk(app, 'stock.movements', { productId: fx.busyProduct.id, limit: 100 }))),
  });
  rows.push({
    target: '',
    label: `stock.movements first page, location ${fx.bigLocation.code}`,
    stats: stats(await sample(5, () => callOk(app, 'stock.movements', { locationId: fx.bigLocation.id, limit: 100 }), 1)),
  });
  rows.push({ target: '', label: 'stock.movements first page, whole ledger', stats: stats(await sample(5, () => callOk(app, 'stock.movements', { limit: 100 }), 1)) });

  return { rows, fx, searchDetail: detail.join('\n') };
}

/** Writes last: they change the data (on the benchmark's working copy only). */
export async function measureWrites(app: App, fx: Fixtures): Promise<Row[]> {
  const home = fx.locations.HOME!;
  const other = fx.locations['3PL-HZ'] ?? Object.values(fx.locations).find((id) => id !== home)!;
  const products = fx.postable;
  if (!products.length) return [{ target: '4', label: 'stock.adjust', note: 'no product with stock at HOME' }];
  const adjust = await sample(
    500,
    (i) => {
      const productId = products[Math.abs(i) % products.length]!;
      // alternate a receipt at a cost and an issue at the average, so stock stays put
      return Math.abs(i) % 2 === 0
        ? callOk(app, 'stock.adjust', { productId, locationId: home, qty: 1, unitCost: '12.30', reason: 'found' })
        : callOk(app, 'stock.adjust', { productId, locationId: home, qty: -1, reason: 'damaged' });
    },
    10,
  );
  const transfer = await sample(
    200,
    (i) => callOk(app, 'stock.transfer', { productId: products[Math.abs(i) % products.length]!, fromLocationId: home, toLocationId: other, qty: 1 }),
    5,
  );
  // The disk's share: the same kind of transaction writing one small row, so the difference is
  // what posting itself costs. (A throwaway key on the benchmark's copy of the database.)
  const probe = app.db.prepare(
    "INSERT INTO settings (key, value, created_at, updated_at) VALUES ('bench_probe', ?, '', '') ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  );
  const floor = await sample(200, (i) => app.db.transaction(() => probe.run(String(i))).immediate(), 5);
  // Purchasing targets: the whole ECB history (~7,000 days × 41 currencies) imported in one go,
  // and opening a purchase order of 500 lines.
  const ecb = await sample(3, () => callOk(app, 'fx.importEcb', {}), 0);
  const supplier = (await callOk(app, 'suppliers.create', { name: `Bench supplier ${Date.now()}`, currency: 'JPY' })) as { id: string };
  const some = (await callOk(app, 'products.list', { limit: 500 })) as { rows: { id: string }[] };
  const lines = some.rows.map((p, i) => ({ productId: p.id, qty: 1 + (i % 24), unitPrice: String(100 + i) }));
  const created = (await callOk(app, 'purchasing.create', { supplierId: supplier.id, lines })) as { order: { id: string } };
  const open500 = await sample(20, () => callOk(app, 'purchasing.get', { id: created.order.id }));
  return [
    { target: '4', label: 'stock.adjust (1 movement, IMMEDIATE, sync=FULL)', stats: stats(adjust), limit: 2 },
    { target: '4', label: 'stock.transfer (2 movements, one transaction)', stats: stats(transfer), limit: 2 },
    { target: '4', label: '  floor: commit of a one-row IMMEDIATE write (fsync)', stats: stats(floor) },
    { target: 'po', label: 'fx.importEcb: whole ECB history 1999–2026', stats: stats(ecb), limit: 2000 },
    { target: 'po', label: `purchasing.get: a purchase order of ${lines.length} lines`, stats: stats(open500), limit: 200 },
  ];
}
