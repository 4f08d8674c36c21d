// Supplier sync at scale, against the reference supplier running as its own process on 127.0.0.1
// (a temp folder of its own, removed afterwards):
//   - pulling a 100,000-item catalogue (and its 100,000 prices and stock levels) into a fresh
//     database through the sync runner, 1,000 records a page; then the same pull cancelled half
//     way and resumed from its saved cursor, ending with every item once. Target (the issue):
//     the catalogue under 10 s, resumable.
//   - draining 1,000 purchase orders queued in the outbox with the supplier answering each request
//     20 ms late. Target (the issue): under 5 s.
//
//   npx tsx test/bench/sync.ts            or   npm run bench -- --only=sync
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SyncProgress, SyncRun } from '../../main/common/api';
import { openApp, type App } from '../../main/server/app';
import { startSupplier } from '../helpers/supplier-server';
import { callOk } from './measure';
import { stats, table, type Row } from './stats';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const ORDERS = 1_000;
const KEY = 'bench-key';

async function connect(app: App, url: string): Promise<string> {
  await callOk(app, 'locations.create', { code: 'HOME', name: 'Home', kind: 'own' });
  const supplier = (await callOk(app, 'suppliers.create', { name: 'Reference Supplier', currency: 'USD' })) as { id: string };
  await callOk(app, 'sync.saveConnection', { supplierId: supplier.id, kind: 'open_protocol', endpoint: url, apiKey: KEY, autoSync: false });
  return supplier.id;
}

/** Runs one sync, timing each stage from the progress events. */
async function timedRun(app: App, supplierId: string, onProgress?: (p: SyncProgress) => void): Promise<{ run: SyncRun; ms: number; stageMs: Record<string, number> }> {
  const stageEnd: Record<string, number> = {};
  const t0 = performance.now();
  const off = app.dispatcher.subscribe((event, payload) => {
    if (event !== 'sync.progress') return;
    const p = payload as SyncProgress;
    if (!p.finished) stageEnd[p.stage] = performance.now() - t0;
    onProgress?.(p);
  });
  const r = await app.sync.run(supplierId, 'manual', true);
  off();
  return { run: r.runs[0]!, ms: performance.now() - t0, stageMs: stageEnd };
}

export async function measureSync(log: (m: string) => void = () => undefined): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossdock-bench-sync-'));
  let t = performance.now();
  const server = await startSupplier(path.join(dir, 'supplier'), KEY, [], ITEMS);
  log(`  reference supplier with ${ITEMS.toLocaleString('en-US')} items started in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const rows: Row[] = [];
  try {
    // 1. the whole catalogue into a fresh database
    const pulls: number[] = [];
    const catalogOnly: number[] = [];
    for (let k = 0; k < 3; k++) {
      const app = openApp(path.join(dir, `pull-${k}.sqlite`), { sync: { pageSize: 1000 } });
      try {
        const id = await connect(app, server.url);
        const { run, ms, stageMs } = await timedRun(app, id);
        if (run.result !== 'ok' || run.counts.catalog !== ITEMS) throw new Error(`pull ${k}: ${run.result} ${JSON.stringify(run.counts)} ${run.message}`);
        pulls.push(ms);
        catalogOnly.push(stageMs.catalog!);
        log(`  pull ${k + 1}: catalogue ${(stageMs.catalog! / 1000).toFixed(2)} s, then prices and availability: ${(ms / 1000).toFixed(2)} s in all (${JSON.stringify(run.counts)})`);
      } finally {
        app.close();
      }
    }
    rows.push({ target: 'sc', label: `catalogue pull, ${ITEMS / 1000}k items, fresh database (1,000 a page)`, stats: stats(catalogOnly), limit: 10_000 });
    rows.push({ target: '', label: `the same run with ${ITEMS / 1000}k prices and ${ITEMS / 1000}k stock levels too`, stats: stats(pulls) });

    // 2. cancelled half way, then resumed from the saved cursor
    const app = openApp(path.join(dir, 'resume.sqlite'), { sync: { pageSize: 1000, inFlight: 8 } });
    try {
      const id = await connect(app, server.url);
      const first = await timedRun(app, id, (p) => {
        if (p.stage === 'catalog' && p.done >= ITEMS / 2) app.sync.cancel(id);
      });
      const second = await timedRun(app, id);
      const mirrored = (app.db.prepare('SELECT count(*) AS n FROM supplier_catalog WHERE supplier_id = ?').get(id) as { n: number }).n;
      if (first.run.result !== 'cancelled' || mirrored !== ITEMS) throw new Error(`resume: ${first.run.result}, ${mirrored} items mirrored`);
      log(`  cancelled after ${first.run.counts.catalog} items (${(first.ms / 1000).toFixed(2)} s); the resumed run pulled ${second.run.counts.catalog} more in ${((second.stageMs.catalog ?? 0) / 1000).toFixed(2)} s; ${mirrored.toLocaleString('en-US')} items held, each once`);
      rows.push({ target: '', label: `resumed catalogue pull after a cancel at ${first.run.counts.catalog} items`, stats: stats([second.stageMs.catalog ?? 0]) });

      // 3. draining 1,000 queued orders, the supplier 20 ms late on every request (three rounds)
      const product = (await callOk(app, 'products.create', { sku: 'LAMP', name: 'Lamp', price: '30.00' })) as { id: string };
      await callOk(app, 'suppliers.saveProduct', { supplierId: id, supplierSku: 'SUP-000001', productId: product.id, unitPrice: '10.00' });
      const drains: number[] = [];
      for (let round = 0; round < 3; round++) {
        await server.admin('/_admin/faults', {});
        t = performance.now();
        const placed: string[] = [];
        for (let i = 0; i < ORDERS; i++) {
          const po = (await callOk(app, 'purchasing.create', { supplierId: id, lines: [{ productId: product.id, qty: 1 + (i % 5) }] })) as { order: { id: string; number: string } };
          await callOk(app, 'purchasing.send', { id: po.order.id });
          placed.push(po.order.number);
        }
        log(`  ${ORDERS} purchase orders placed and queued in ${((performance.now() - t) / 1000).toFixed(1)} s`);
        await server.admin('/_admin/faults', { latencyMs: Number(process.env.BENCH_LATENCY ?? 20) });
        const drain = await timedRun(app, id);
        const last = await fetch(`${server.url}/v1/orders?reference=${placed[placed.length - 1]}`, { headers: { 'x-api-key': KEY } });
        if (drain.run.counts.ordersSent !== ORDERS || ((await last.json()) as { items: unknown[] }).items.length !== 1) throw new Error(`drain: ${JSON.stringify(drain.run.counts)}`);
        drains.push(drain.stageMs.orders ?? 0);
        log(`  drained ${ORDERS} orders in ${((drain.stageMs.orders ?? 0) / 1000).toFixed(2)} s (whole run with the pulls after it ${(drain.ms / 1000).toFixed(2)} s)`);
      }
      rows.push({ target: 'ob', label: `outbox drain, ${ORDERS.toLocaleString('en-US')} orders, supplier 20 ms late, 8 on the wire`, stats: stats(drains), limit: 5_000 });
    } finally {
      app.close();
    }
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log('== Supplier sync: catalogue pull and outbox drain against the reference supplier');
  const rows = await measureSync((m) => console.log(m));
  console.log(`\nTargets: sc catalogue pull of 100k items < 10 s, resumable · ob 1,000 queued orders drained < 5 s at 20 ms latency. Machine: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}.\n`);
  console.log(table(rows));
}
