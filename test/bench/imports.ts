// Importing 100,000 products from a CSV through imports.products (read, every row validated by the
// contract, saved through the products service, one transaction), three times, each into a fresh
// database; and, in the same run, the same rows inserted straight through better-sqlite3 (one
// prepared INSERT per row and its stock row, one transaction, the search index built at the end as
// the import builds it, the other indexes too) — what the disk and SQLite alone cost. Target (the issue): under 5 s; the ratio says
// what the checks cost. A second import of the same file (every row found, nothing changed) too.
//
//   npx tsx test/bench/imports.ts            or   npm run bench -- --only=imports
//   BENCH_IMPORT_ROWS=20000 for fewer rows
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCsv } from '../../main/common/table-csv';
import { openApp } from '../../main/server/app';
import { uuidv7 } from '../../main/core/ids';
import { deferIndexes } from '../../main/db/repos/products';
import { callOk } from './measure';
import { stats, table, type Row } from './stats';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);

function catalogue(n: number): string {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const sku = `SKU-${String(i).padStart(6, '0')}`;
    rows.push([sku, `Product ${i} ${i % 7 === 0 ? '抹茶 Kit Kat' : 'linen tote'}`, ['Acme', 'Nestlé Japan', 'COSRX', null][i % 4]!, ['Snacks', 'Bags', 'Beauty'][i % 3]!, 100 + (i % 900), `${1 + Math.floor((i % 5000) / 100)}.${String(i % 100).padStart(2, "0")}`]);
  }
  return writeCsv(['SKU', 'Name', 'Brand', 'Category', 'Weight (g)', 'Price'], rows, { bom: true });
}

export async function measureImports(log: (m: string) => void = () => undefined): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossdock-bench-import-'));
  const rows: Row[] = [];
  try {
    const csv = catalogue(ROWS);
    const base64 = Buffer.from(csv).toString('base64');
    log(`  ${ROWS.toLocaleString('en-US')} rows, ${(csv.length / 1024 / 1024).toFixed(1)} MB of CSV`);

    // three imports, each into a fresh database; the last one's file is then imported again
    const mapping = { sku: 'SKU', name: 'Name', brand: 'Brand', category: 'Category', weightG: 'Weight (g)', price: 'Price' };
    const importMs: number[] = [];
    let againMs = 0;
    for (let run = 0; run < 3; run++) {
      const app = openApp(path.join(dir, `import-${run}.sqlite`), { actor: 'bench' });
      let t = performance.now();
      const r = (await callOk(app, 'imports.products', { fileName: 'catalogue.csv', base64, mapping })) as { created: number; problems: unknown[] };
      importMs.push(performance.now() - t);
      if (r.created !== ROWS || r.problems.length) throw new Error(`the import made ${r.created} products with ${r.problems.length} problems`);
      if (run === 2) {
        t = performance.now();
        const again = (await callOk(app, 'imports.products', { fileName: 'catalogue.csv', base64, mapping })) as { unchanged: number };
        againMs = performance.now() - t;
        if (again.unchanged !== ROWS) throw new Error('the second import changed something');
      }
      app.close();
    }

    // the same rows straight into the same schema
    const raw = openApp(path.join(dir, 'raw.sqlite'), { actor: 'bench' });
    const t = performance.now();
    const now = new Date().toISOString();
    const product = raw.db.prepare(
      `INSERT INTO products (id, sku, name, brand, category, weight_g, pack_size, price, allow_backorder, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, 0, 'active', ?, ?)`,
    );
    const stock = raw.db.prepare('INSERT INTO product_stock (product_id, updated_at) VALUES (?, ?)');
    raw.db.transaction(() => {
      const indexNew = deferIndexes(raw.db, { rebuildIndexes: true });
      for (let i = 0; i < ROWS; i++) {
        const id = uuidv7();
        product.run(id, `SKU-${String(i).padStart(6, '0')}`, `Product ${i}`, 'Acme', 'Snacks', 100 + (i % 900), 100 + i, now, now);
        stock.run(id, now);
      }
      indexNew();
    })();
    const rawMs = performance.now() - t;
    raw.close();

    rows.push({ target: 'im', label: `import of ${ROWS.toLocaleString('en-US')} products from CSV (imports.products, backup first), each into a fresh database`, stats: stats(importMs), limit: 5000 });
    rows.push({ target: 'im', label: 'the same rows inserted straight through better-sqlite3', stats: stats([rawMs]) });
    rows.push({ target: 'im', label: 'ratio import (median) / straight inserts', value: `${(stats(importMs).median / rawMs).toFixed(1)} ×` });
    rows.push({ target: 'im', label: 'the same file imported again (every SKU found, nothing changed)', stats: stats([againMs]) });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log('== Importing products from a CSV');
  const rows = await measureImports((m) => console.log(m));
  console.log(`\nTarget: im 100k product rows from CSV < 5 s. Machine: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}.\n`);
  console.log(table(rows));
}
