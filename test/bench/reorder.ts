// Reorder at scale, in a fresh database of its own (a temp folder, removed afterwards):
//   - suggestions for 20,000 products with two years of daily demand history: a mix of smooth,
//     erratic, intermittent and lumpy sellers, about a fifth of them selling on any day. The daily
//     rows (sales_days) and the weekly aggregate the shipping path keeps beside them (demand_weeks)
//     are inserted directly in one transaction into the migrated database — shipping millions of
//     orders through the API would take hours and measure nothing here — with 20 suppliers' price
//     lists, stock, open purchase orders and two promotions. The database is closed and opened the
//     way the app opens it, and reorder.suggest is called through the dispatcher with 104 weeks of
//     history and `auto` choosing each product's method by backtest (so every method is run and
//     backtested on every product). Target (the issue): under 2 s.
//   - the `reorder` command on 100,000 series (52 weeks each) in a JSON file, run as a process the
//     way a script would (`npm run -s cli -- reorder FILE`), wall time including start-up, and the
//     engine alone in-process. Target (the issue): under 2 s.
//
//   npx tsx test/bench/reorder.ts            or   npm run bench -- --only=reorder
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { reorderJson } from '../../main/common/calc/reorder-json';
import { addDays, mondayOf } from '../../main/common/days';
import { seededRandom } from '../../main/common/random';
import { openApp, type App } from '../../main/server/app';
import { callOk } from './measure';
import { sample, stats, table, type Row } from './stats';

const PRODUCTS = 20_000;
const DAYS = 730;
const SUPPLIERS = 20;
const SERIES = 100_000;
const TARGET_MS = 2000;
const root = fileURLToPath(new URL('../../', import.meta.url));
const uuid = (group: string, n: number) => `00000000-0000-7000-${group}-${String(n).padStart(12, '0')}`;

/** One day's demand for a product of a pattern: smooth, erratic, intermittent or lumpy. */
function demandOf(kind: number, rnd: () => number): number {
  switch (kind) {
    case 0: // smooth: most days, a few units
      return rnd() < 0.8 ? 1 + Math.floor(rnd() * 4) : 0;
    case 1: // erratic: most days, anything from 1 to 30
      return rnd() < 0.6 ? 1 + Math.floor(rnd() ** 3 * 30) : 0;
    case 2: // intermittent: one day in twenty, 1 to 3
      return rnd() < 0.05 ? 1 + Math.floor(rnd() * 3) : 0;
    default: // lumpy: one day in fifty, 1 to 40
      return rnd() < 0.02 ? 1 + Math.floor(rnd() * 40) : 0;
  }
}

function build(app: App, today: string): { dailyRows: number; weeklyRows: number } {
  const db = app.db;
  const now = `${today}T08:00:00.000Z`;
  const rnd = seededRandom(20_000);
  const home = uuid('8001', 1);
  db.prepare(`INSERT INTO locations (id, code, name, kind, created_at, updated_at) VALUES (?, 'HOME', 'Home', 'own', ?, ?)`).run(home, now, now);
  const insertSupplier = db.prepare(`INSERT INTO suppliers (id, name, currency, lead_time_days, created_at, updated_at) VALUES (?, ?, 'USD', ?, ?, ?)`);
  for (let s = 1; s <= SUPPLIERS; s++) insertSupplier.run(uuid('8002', s), `Supplier ${s}`, 7 + (s % 4) * 7, now, now);
  const insertProduct = db.prepare(`INSERT INTO products (id, sku, name, status, created_at, updated_at) VALUES (?, ?, ?, 'active', ?, ?)`);
  const insertStock = db.prepare('INSERT INTO product_stock (product_id, on_hand, reserved, updated_at) VALUES (?, ?, ?, ?)');
  const insertListed = db.prepare(
    `INSERT INTO supplier_products (id, supplier_id, supplier_sku, product_id, unit_price, price_breaks, moq, order_multiple, price_date, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertDay = db.prepare(`INSERT INTO sales_days (day, product_id, location_id, channel, qty, revenue, cogs) VALUES (?, ?, ?, 'manual', ?, 0, 0)`);
  const insertWeek = db.prepare('INSERT INTO demand_weeks (product_id, week, location_id, qty) VALUES (?, ?, ?, ?)');
  const insertPo = db.prepare(
    `INSERT INTO purchase_orders (id, number, supplier_id, status, currency, base_currency, order_date, created_at, updated_at) VALUES (?, ?, ?, 'sent', 'USD', 'USD', ?, ?, ?)`,
  );
  const insertPoLine = db.prepare(
    `INSERT INTO purchase_order_lines (id, po_id, line_no, product_id, qty_ordered, unit_price, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 100, ?, ?)`,
  );
  const days = Array.from({ length: DAYS }, (_, k) => addDays(today, k - DAYS));
  let dailyRows = 0;
  let weeklyRows = 0;
  db.transaction(() => {
    for (let s = 1; s <= SUPPLIERS; s++) insertPo.run(uuid('8003', s), `PO-B${s}`, uuid('8002', s), addDays(today, -5), now, now);
    for (let i = 1; i <= PRODUCTS; i++) {
      const id = uuid('8004', i);
      const kind = i % 4;
      insertProduct.run(id, `SKU-${String(i).padStart(6, '0')}`, `Product ${i}`, now, now);
      const supplier = uuid('8002', (i % SUPPLIERS) + 1);
      insertListed.run(uuid('8005', i), supplier, `S-${i}`, id, 100 + (i % 900), i % 3 ? '[]' : '[{"minQty":48,"unitPrice":90}]', 1 + (i % 3) * 6, 1 + (i % 2) * 5, today, now, now);
      let week = '';
      let weekQty = 0;
      let total = 0;
      for (const day of days) {
        const q = demandOf(kind, rnd);
        const monday = mondayOf(day);
        if (monday !== week) {
          if (weekQty) {
            insertWeek.run(id, week, home, weekQty);
            weeklyRows++;
          }
          week = monday;
          weekQty = 0;
        }
        if (!q) continue;
        insertDay.run(day, id, home, q);
        dailyRows++;
        weekQty += q;
        total += q;
      }
      if (weekQty) {
        insertWeek.run(id, week, home, weekQty);
        weeklyRows++;
      }
      // stock for somewhere between one and ten weeks of average demand, some of it promised
      const perWeek = (total / DAYS) * 7;
      insertStock.run(id, Math.floor(perWeek * (1 + rnd() * 9)), Math.floor(rnd() * 3), now);
      if (i % 10 === 0) insertPoLine.run(uuid('8006', i), uuid('8003', (i % SUPPLIERS) + 1), i, id, 12 + (i % 5) * 12, now, now);
    }
    db.prepare(`INSERT INTO promotions (id, name, from_day, to_day, created_at, updated_at) VALUES (?, 'Double 11', ?, ?, ?, ?)`).run(uuid('8007', 1), addDays(today, -14), addDays(today, -8), now, now);
    db.prepare(`INSERT INTO promotions (id, name, from_day, to_day, product_id, created_at, updated_at) VALUES (?, 'Launch', ?, ?, ?, ?, ?)`).run(
      uuid('8007', 2),
      addDays(today, -200),
      addDays(today, -190),
      uuid('8004', 4),
      now,
      now,
    );
  })();
  return { dailyRows, weeklyRows };
}

/** Builds the dataset into `file` (run in a child process, so the measuring process starts clean). */
async function buildFile(file: string, today: string): Promise<void> {
  const app = openApp(file, { actor: 'bench' });
  try {
    await callOk(app, 'settings.update', { baseCurrency: 'USD' });
    const t0 = performance.now();
    const built = build(app, today);
    await callOk(app, 'reorder.savePromotion', { name: 'Rebuilt promotional units', fromDay: addDays(today, -30), toDay: addDays(today, -28) });
    console.log(
      `  built ${PRODUCTS.toLocaleString('en-US')} products: ${built.dailyRows.toLocaleString('en-US')} days with sales, ${built.weeklyRows.toLocaleString('en-US')} product-weeks, in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    // the weekly aggregate holds what the daily rows hold
    const sums = app.db.prepare('SELECT (SELECT sum(qty) FROM sales_days) AS daily, (SELECT sum(qty) FROM demand_weeks) AS weekly').get() as { daily: number; weekly: number };
    if (sums.daily !== sums.weekly) throw new Error(`demand_weeks holds ${sums.weekly} units, sales_days ${sums.daily}`);
    await callOk(app, 'reorder.saveSettings', { historyWeeks: 104, autoPick: 'backtest', orderCost: '25.00' });
    app.db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    app.close();
  }
}

async function measureSuggest(log: (m: string) => void): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossdock-bench-reorder-'));
  const file = path.join(dir, 'reorder.sqlite');
  const today = new Date().toISOString().slice(0, 10);
  let app: App | null = null;
  try {
    log(execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--build', file, today], { cwd: root, encoding: 'utf8' }).trimEnd());
    app = openApp(file, { actor: 'bench' });
    const a = app;
    const t = performance.now();
    const first = (await callOk(a, 'reorder.suggest', {})) as { planned: number; noHistory: number; suppliers: { lines: unknown[] }[] };
    const firstMs = performance.now() - t;
    const lines = first.suppliers.reduce((n, s) => n + s.lines.length, 0);
    log(`  ${first.planned.toLocaleString('en-US')} planned (${first.noHistory} without history), ${lines.toLocaleString('en-US')} lines to order from ${first.suppliers.length} suppliers`);
    const again = await sample(5, () => callOk(a, 'reorder.suggest', {}), 1);
    await callOk(a, 'reorder.saveSettings', { autoPick: 'class' });
    const classOnly = await sample(5, () => callOk(a, 'reorder.suggest', {}), 1);
    const one = await sample(30, (i) => callOk(a, 'reorder.product', { productId: uuid('8004', (i + 40) * 97) }), 2);
    return [
      { target: 'ro', label: `reorder.suggest, first call after open (${PRODUCTS / 1000}k products × 2 years daily, every method backtested)`, stats: stats([firstMs]), limit: TARGET_MS },
      { target: 'ro', label: 'reorder.suggest, again (every method backtested)', stats: stats(again), limit: TARGET_MS },
      { target: '', label: 'reorder.suggest, auto by class only', stats: stats(classOnly) },
      { target: '', label: 'reorder.product, one product’s plan, history and backtest', stats: stats(one) },
    ];
  } finally {
    app?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function measureCli(log: (m: string) => void): Row[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossdock-bench-reorder-cli-'));
  try {
    const rnd = seededRandom(100_000);
    const items = Array.from({ length: SERIES }, (_, i) => ({
      id: `SKU-${i}`,
      demand: Array.from({ length: 52 }, () => demandOf(i % 4, rnd) * 3),
      periodDays: 7,
      method: 'auto',
      leadTimeDays: 21,
      leadTimeSdDays: 3,
      serviceLevel: 0.95,
      onHand: Math.floor(rnd() * 50),
      onOrder: 0,
      reserved: 0,
      policy: 'rop',
      orderCost: '25.00',
      unitCost: '4.00',
      holdingRate: 0.25,
      moq: 6,
      orderMultiple: 6,
    }));
    const file = path.join(dir, 'series.json');
    fs.writeFileSync(file, JSON.stringify({ items }));
    log(`  ${SERIES.toLocaleString('en-US')} series of 52 weeks: ${(fs.statSync(file).size / 1024 / 1024).toFixed(0)} MiB of JSON`);
    const engine = stats(
      (() => {
        const out: number[] = [];
        for (let k = 0; k < 3; k++) {
          const t = performance.now();
          reorderJson(JSON.parse(fs.readFileSync(file, 'utf8')));
          out.push(performance.now() - t);
        }
        return out;
      })(),
    );
    // as a script would run it: the answer into a file (`reorder FILE > out.json`)
    const runs: number[] = [];
    const outFile = path.join(dir, 'out.json');
    let bytes = 0;
    for (let k = 0; k < 3; k++) {
      const out = fs.openSync(outFile, 'w');
      const t = performance.now();
      execFileSync('npm', ['run', '-s', 'cli', '--', 'reorder', file], { cwd: root, stdio: ['ignore', out, 'inherit'] });
      runs.push(performance.now() - t);
      fs.closeSync(out);
      bytes = fs.statSync(outFile).size;
      if ((JSON.parse(fs.readFileSync(outFile, 'utf8')) as { items: unknown[] }).items.length !== SERIES) throw new Error('the CLI did not answer every series');
    }
    const startup: number[] = [];
    for (let k = 0; k < 3; k++) {
      const t = performance.now();
      execFileSync('npm', ['run', '-s', 'cli', '--', 'reorder', '-'], { cwd: root, input: '{"items":[]}' });
      startup.push(performance.now() - t);
    }
    log(`  the CLI wrote ${(bytes / 1024 / 1024).toFixed(0)} MiB of JSON`);
    return [
      { target: 'rc', label: `reorder CLI, ${SERIES / 1000}k series of 52 weeks, whole process (npm run -s cli -- reorder FILE > out.json)`, stats: stats(runs), limit: TARGET_MS },
      { target: '', label: 'of which start-up (an empty file)', stats: stats(startup) },
      { target: '', label: 'the engine in-process (parse, forecast, policy)', stats: engine },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function measureReorder(log: (m: string) => void = () => undefined): Promise<Row[]> {
  const rows = measureCli(log);
  rows.push(...(await measureSuggest(log)));
  return rows;
}

const buildArg = process.argv.indexOf('--build');
if (buildArg > 0) {
  await buildFile(process.argv[buildArg + 1]!, process.argv[buildArg + 2]!);
} else if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log('== Reorder: suggestions and the reorder command');
  const rows = await measureReorder((m) => console.log(m));
  console.log(`\nTargets: ro suggestions < ${TARGET_MS} ms; rc the CLI on ${SERIES / 1000}k series < ${TARGET_MS} ms. Machine: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}.\n`);
  console.log(table(rows));
}
