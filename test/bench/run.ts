// `npm run bench`: Crossdock at scale (100,000 products, 1,000,000 stock movements). Builds the
// dataset once into .cache/bench/ through the app's real write path, then measures a working
// copy of it through the dispatcher, the loopback bridge and Chromium, and prints a table.
// Benchmarks print figures; they never fail on a time.
//
//   --fresh            rebuild the cached dataset
//   --products=N       catalogue size (default 100000)
//   --movements=N      ledger size (default 1000000)
//   --no-browser       skip the Chromium measurements
//   --no-build         do not rebuild the renderer when dist/renderer is older than renderer/
//   --no-api           browser figures only (a quick look while working on the UI)
//   --check            also time stock.check (hash chain + balance rebuild over the whole ledger)
//   --only=shipments   only the shipments board (20,000 shipments, 500,000 tracking events, a dataset
//                      of its own built in a temp folder; same as npx tsx test/bench/shipments.ts)
//   --no-shipments     skip the shipments board in a full run
//   --only=sales       only sales: the orders list over 200,000 orders and the live console (claims
//                      at 20 a second over the bridge for --live-seconds=N, default 60); a dataset
//                      of its own (same as npx tsx test/bench/sales.ts)
//   --no-sales         skip sales in a full run
//   --only=reorder     only reorder: suggestions for 20,000 products × 2 years of daily demand, and the
//                      reorder command on 100,000 series; a dataset of its own (same as npx tsx
//                      test/bench/reorder.ts)
//   --no-reorder       skip reorder in a full run
//   --only=sync        only supplier sync: a 100,000-item catalogue pulled from the reference supplier
//                      (and resumed after a cancel), and 1,000 queued orders drained at 20 ms latency
//                      (same as npx tsx test/bench/sync.ts)
//   --no-sync          skip supplier sync in a full run
//   --only=backup      only backups: a 1 GB database backed up (and restored) while the API is called
//                      every 20 ms (same as npx tsx test/bench/backup.ts)
//   --no-backup        skip backups in a full run
//   --only=imports     only imports: 100,000 products from a CSV, against the same rows inserted
//                      straight (same as npx tsx test/bench/imports.ts)
//   --no-imports       skip imports in a full run
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHost, type Host } from '../../main/server/standalone';
import { measureBrowser, uiStatus } from './browser';
import { measureLanded } from './landed';
import { measureReorder } from './reorder';
import { measureSync } from './sync';
import { measureBackup } from './backup';
import { measureImports } from './imports';
import { measureSales } from './sales';
import { measureShipments } from './shipments';
import { ensureDataset } from './generate';
import { callOk, measureApi, measureWrites, UI_PAGE } from './measure';
import { sample, stats, table, type Row } from './stats';

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const num = (name: string, dflt: number) => {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.split('=')[1]) : dflt;
};
const log = (msg: string) => console.log(msg);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

async function main(): Promise<void> {
  const only = args.find((x) => x.startsWith('--only='))?.split('=')[1];
  if (only === 'shipments') {
    log('== Shipments board (dispatcher, a dataset of its own)');
    const rows = await measureShipments(log);
    log(`\nTargets: sh shipments board first rows < 300 ms. Machine: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}.\n`);
    log(table(rows));
    return;
  }
  if (only === 'sales') {
    log('== Sales: orders list and live console (a dataset of its own)');
    const rows = await measureSales(log, num('live-seconds', 60));
    log(`\nTargets: so orders list first rows < 300 ms · lv live claim → counter < 50 ms (p95). Machine: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}.\n`);
    log(table(rows));
    return;
  }
  if (only === 'reorder') {
    log('== Reorder: suggestions and the reorder command (a dataset of its own)');
    const rows = await measureReorder(log);
    log(`\nTargets: ro suggestions < 2 s · rc the reorder command on 100k series < 2 s. Machine: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}.\n`);
    log(table(rows));
    return;
  }
  if (only === 'sync') {
    log('== Supplier sync: catalogue pull and outbox drain against the reference supplier');
    const rows = await measureSync(log);
    log(`\nTargets: sc catalogue pull of 100k items < 10 s, resumable · ob 1,000 queued orders drained < 5 s at 20 ms latency. Machine: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}.\n`);
    log(table(rows));
    return;
  }
  if (only === 'backup') {
    log('== Backup of a large database while the app answers');
    const rows = await measureBackup(log);
    log(`\nTarget: bk the app never blocked more than 100 ms at a time during a backup of a 1 GB database. Machine: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}.\n`);
    log(table(rows));
    return;
  }
  if (only === 'imports') {
    log('== Importing products from a CSV');
    const rows = await measureImports(log);
    log(`\nTarget: im 100k product rows from CSV < 5 s. Machine: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}.\n`);
    log(table(rows));
    return;
  }
  if (only) throw new Error(`--only=${only}: only --only=shipments, --only=sales, --only=reorder, --only=sync, --only=backup and --only=imports are known`);
  const spec = { products: num('products', 100_000), movements: num('movements', 1_000_000), batch: num('batch', 10_000) };
  const label = spec.products === 100_000 && spec.movements === 1_000_000 ? '100k' : `${spec.products}p-${spec.movements}m`;
  const cacheDir = path.join(root, '.cache', 'bench');
  const started = performance.now();
  const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
  const loadAtStart = load();

  log('== Dataset');
  const ds = await ensureDataset(path.join(cacheDir, `crossdock-${label}.sqlite`), spec, { fresh: flag('fresh'), log });
  const dbBytes = fs.statSync(ds.file).size;

  // Measure a copy, so the posting benchmarks never grow the cached file.
  const work = path.join(cacheDir, `run-${process.pid}.sqlite`);
  fs.copyFileSync(ds.file, work);
  const rows: Row[] = [];
  let host: Host | null = null;
  const notes: string[] = [];
  try {
    log('\n== Renderer');
    const rendererDir = path.join(root, 'dist', 'renderer');
    if (!flag('no-browser') && !flag('no-build') && stale(path.join(root, 'renderer'), rendererDir)) {
      log('  dist/renderer is missing or older than renderer/: npm run build:renderer');
      try {
        execFileSync('npm', ['run', '--silent', 'build:renderer'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
      } catch (e) {
        notes.push(`npm run build:renderer failed: ${(e as Error).message.split('\n')[0]}`);
      }
    }
    const ui = uiStatus(rendererDir, path.join(root, 'renderer'));
    log(ui.ready ? `  products page found (search debounce ${ui.debounceMs} ms)` : `  not measurable: ${ui.reason}`);

    log('\n== Opening the app on a copy of the dataset');
    const t0 = performance.now();
    host = await startHost({ file: work, actor: 'bench' });
    const openMs = performance.now() - t0;
    const app = host.app;
    const tFirst = performance.now();
    await callOk(app, 'products.list', { limit: UI_PAGE });
    const firstCall = performance.now() - tFirst;
    rows.push({ target: '1', label: `products.list first page of ${UI_PAGE}, API, first call after open`, stats: stats([firstCall]) });

    if (flag('no-browser')) {
      rows.push({ target: '1', label: 'browser: navigation → first product row', note: 'skipped (--no-browser)' });
    } else if (!ui.ready) {
      rows.push({ target: '1', label: 'browser: navigation → first product row', note: 'NOT MEASURED: UI not ready' });
      rows.push({ target: '2', label: 'browser: keystroke → rows changed', note: 'NOT MEASURED: UI not ready' });
      notes.push(`Browser figures not measured: ${ui.reason}.`);
    } else {
      log('\n== Browser (Chromium, standalone host)');
      try {
        rows.push(...(await measureBrowser(host, { loads: 5, debounceMs: ui.debounceMs, typing: ['Ess', '4976', 'JP-S', '伊藤', 'moist'], log })));
      } catch (e) {
        rows.push({ target: '1', label: 'browser: navigation → first product row', note: 'FAILED (see note)' });
        notes.push(`Browser measurement failed: ${(e as Error).message}`);
      }
    }

    let searchDetail = '';
    if (!flag('no-api')) {
      log('\n== API (in-process dispatcher)');
      const api = await measureApi(app, log);
      rows.push(...api.rows);
      const secret = host.bridge.secret;
      const http = await sample(30, async () => {
        const res = await fetch(`${host!.bridge.url}/api/invoke`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
          body: JSON.stringify({ method: 'products.list', args: { limit: UI_PAGE } }),
        });
        const env = (await res.json()) as { ok: boolean };
        if (!env.ok) throw new Error('products.list over HTTP failed');
      });
      rows.push({ target: '1', label: `products.list first page of ${UI_PAGE} over HTTP bridge`, stats: stats(http) });

      log('\n== Posting (dispatcher, one IMMEDIATE transaction per call)');
      rows.push(...(await measureWrites(app, api.fx)));
      log('\n== Landed cost');
      rows.push(...(await measureLanded(app, api.fx)));
      if (!flag('no-shipments')) {
        log('\n== Shipments board (a dataset of its own: 20,000 shipments, 500,000 tracking events)');
        rows.push(...(await measureShipments(log)));
      }
      if (!flag('no-sales')) {
        log('\n== Sales (a dataset of its own: 200,000 orders; the live console at 20 claims a second)');
        rows.push(...(await measureSales(log, num('live-seconds', 60))));
      }
      if (!flag('no-reorder')) {
        log('\n== Reorder (a dataset of its own: 20,000 products × 2 years of daily demand; the reorder command on 100,000 series)');
        rows.push(...(await measureReorder(log)));
      }
      if (!flag('no-sync')) {
        log('\n== Supplier sync (the reference supplier with 100,000 items; 1,000 queued orders at 20 ms latency)');
        rows.push(...(await measureSync(log)));
      }
      if (!flag('no-backup')) {
        log('\n== Backup of a 1 GB database while the API is called every 20 ms');
        rows.push(...(await measureBackup(log)));
      }
      if (!flag('no-imports')) {
        log('\n== Importing 100,000 products from a CSV');
        rows.push(...(await measureImports(log)));
      }

      searchDetail = api.searchDetail;
    }

    if (flag('check')) {
      log('\n== stock.check (whole ledger)');
      const tc = performance.now();
      const report = (await callOk(app, 'stock.check', {})) as { ok: boolean; movements: number };
      rows.push({ target: '', label: `stock.check over ${report.movements.toLocaleString('en-US')} movements (${report.ok ? 'ok' : 'NOT OK'})`, stats: stats([performance.now() - tc]) });
      if (!report.ok) notes.push('stock.check found the generated ledger inconsistent: the dataset or the write path is wrong.');
    }

    rows.push({ target: '', label: 'open app (quick_check, migrations) + host start', stats: stats([openMs]) });
    for (const u of ds.meta.upgrades ?? []) {
      rows.push({ target: '', label: `migration to schema ${u.to} on the dataset (with backup)`, value: `${u.seconds.toFixed(1)} s (${u.applied.join(', ')})` });
    }
    rows.push({ target: '', label: 'database file size', value: `${mb(dbBytes)} (${dbBytes.toLocaleString('en-US')} bytes)` });
    const gen = ds.meta.seconds;
    rows.push({
      target: '',
      label: `dataset generation${ds.reused ? ' (cached run)' : ''}`,
      value: `${gen.total.toFixed(1)} s (products ${gen.products.toFixed(1)} s, movements ${gen.movements.toFixed(1)} s)`,
    });

    // targets first, extra figures after
    const ordered = [...rows.filter((r) => r.target).sort((a, b) => a.target.localeCompare(b.target)), ...rows.filter((r) => !r.target)];
    log(`\n== Crossdock benchmark: ${spec.products.toLocaleString('en-US')} products, ${spec.movements.toLocaleString('en-US')} movements`);
    log('Targets: 1 product list to first rows < 1 s · 2 search keystroke to rows < 50 ms · 3 balances page < 10 ms · 4 one posting < 2 ms · lc engine 1,000 lines < 5 ms, posting over 1,000 receipt lines < 200 ms · sh shipments board first rows < 300 ms · so orders list first rows < 300 ms · lv live claim → counter < 50 ms · sc supplier catalogue pull (100k) < 10 s · ob outbox drain (1,000 orders, 20 ms latency) < 5 s');
    log(`Machine: ${os.cpus().length} cores, load average ${loadAtStart} at start, ${load()} now (other work on the machine inflates figures).`);
    log('Verdict compares the wall-clock p95 with the target. Rows without a target are reported, not judged.');
    log('cpu med: median CPU time of this process per call (waiting for a busy core or for the disk does not count).\n');
    log(table(ordered));
    if (searchDetail) log('\nSearch as you type (API median per keystroke):\n' + searchDetail);
    if (ds.meta.refused) notes.push(`${ds.meta.refused} generated movements were refused by post() (the simulation should never cause that).`);
    log(`\nMovements by kind: ${Object.entries(ds.meta.moves).map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`).join(', ')}`);
    for (const n of notes) log(`NOTE: ${n}`);
    log(`\nBench finished in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await host?.close();
    for (const s of ['', '-wal', '-shm']) fs.rmSync(work + s, { force: true });
  }
}

/** Whether any file under `src` is newer than the built index.html (or nothing is built). */
function stale(src: string, built: string): boolean {
  const index = path.join(built, 'index.html');
  if (!fs.existsSync(index)) return true;
  const builtAt = fs.statSync(index).mtimeMs;
  const newest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
      const p = path.join(dir, e.name);
      return Math.max(m, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }, 0);
  return fs.existsSync(src) && newest(src) > builtAt;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
