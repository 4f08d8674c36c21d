// `export <what> [--format csv|xlsx] [--out path]` — a list to a file, as the screen exports it;
// `export all --out DIR` — the full export (every table, docs/export.md); `import all DIR`, which
// makes a new data file from a full export; and `import products|stock|suppliers|prices FILE`.
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '../common/api/client';
import { exportLists, type ExportList } from '../common/api/exports';
import { exportAll, importAll, ImportAllError } from '../db/dump';
import type { Db } from '../db/open';
import { FileStore, storeDirFor } from '../db/store';
import type { CliIo } from './index';

export async function exportCommand(db: Db, dataFile: string, client: Client, io: CliIo, what: string | undefined, o: { format?: string | undefined; out?: string | undefined }): Promise<number> {
  if (what === 'all') {
    if (!o.out) {
      io.err('Where to? Usage: export all --out DIR (a new, empty folder)');
      return 1;
    }
    const m = exportAll(db, path.resolve(o.out), new Date(), new FileStore(storeDirFor(dataFile)));
    const rows = m.tables.reduce((n, t) => n + t.rows, 0);
    io.out(`Exported ${rows.toLocaleString('en-US')} rows of ${m.tables.length} tables to ${path.resolve(o.out)}, photos and attachments in files/ (manifest.json lists them; API keys are not exported).`);
    if (m.missingFiles?.length) io.err(`${m.missingFiles.length} photo or attachment file(s) were missing from the data folder and are not in the export: run db check.`);
    return 0;
  }
  if (!what || !(exportLists as readonly string[]).includes(what)) {
    io.err(`What to export? One of: ${exportLists.join(', ')}, or all`);
    return 1;
  }
  const format = o.format ?? (o.out?.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv');
  if (format !== 'csv' && format !== 'xlsx') {
    io.err('--format: must be csv or xlsx');
    return 1;
  }
  const file = await client.call('exports.list', { what: what as ExportList, format });
  const target = path.resolve(o.out ?? file.fileName);
  fs.writeFileSync(target, Buffer.from(file.base64, 'base64'));
  io.out(`Exported ${file.rows.toLocaleString('en-US')} rows to ${target}`);
  return 0;
}

/** `import all DIR --data NEW_FILE`: the data file must not exist yet. */
export function importAllCommand(dir: string | undefined, dataFile: string, io: CliIo): number {
  if (!dir) {
    io.err('Usage: import all DIR --data NEW_FILE (a folder made by export all)');
    return 1;
  }
  try {
    const r = importAll(path.resolve(dir), path.resolve(dataFile));
    io.out(`Imported ${r.rows.toLocaleString('en-US')} rows of ${r.manifest.tables.length} tables (exported ${r.manifest.exportedAt}) into ${path.resolve(dataFile)}.`);
    if (r.manifest.withheld.length) io.out('API keys are never exported: enter them again on each supplier connection.');
    if (r.files.missing.length) io.err(`${r.files.missing.length} photo or attachment file(s) were not in the export's files/ folder: db check names them.`);
    return 0;
  } catch (e) {
    io.err(e instanceof ImportAllError ? `${e.message}. Nothing was written.` : `The import failed: ${(e as Error).message}. Nothing was written.`);
    return 1;
  }
}

/** `import products|stock|suppliers|prices FILE [--dry-run] [--all-or-nothing] [--format F] [--map TEMPLATE.json]` */
export async function importCommand(client: Client, io: CliIo, kind: 'products' | 'stock' | 'suppliers' | 'prices', file: string | undefined, o: { dryRun: boolean; allOrNothing: boolean; format?: string | undefined; map?: string | undefined }): Promise<number> {
  if (!file) {
    io.err(`Usage: import ${kind} FILE [--dry-run] [--all-or-nothing]${kind === 'products' ? ' [--format shopify|woocommerce|crossdock]' : ''} [--map TEMPLATE.json]`);
    return 1;
  }
  let mapping: Record<string, string> | undefined;
  if (o.map && fs.existsSync(o.map)) {
    try {
      mapping = JSON.parse(fs.readFileSync(o.map, 'utf8')) as Record<string, string>;
    } catch (e) {
      io.err(`--map ${o.map}: ${(e as Error).message}`);
      return 1;
    }
  } else if (o.map) {
    // the name of a mapping saved in the app
    mapping = (await client.call('imports.templates', { kind })).find((x) => x.name.toLowerCase() === o.map!.toLowerCase())?.mapping;
    if (!mapping) {
      io.err(`--map ${o.map}: neither a file nor a saved mapping of a ${kind} import`);
      return 1;
    }
  }
  const args = { fileName: path.basename(file), base64: fs.readFileSync(file).toString('base64'), ...(mapping ? { mapping } : {}), dryRun: o.dryRun, allOrNothing: o.allOrNothing };
  // a big file: how far it has got, on stderr (Ctrl-C stops it, and nothing of it is saved)
  const off = client.on('imports.progress', (p) => {
    if (p.stage === 'saving' && p.done > 0 && p.done % 10_000 === 0) io.err(`  ${p.done} of ${p.total} rows…`);
  });
  try {
    return await importing(client, io, kind, args, o.format);
  } finally {
    off();
  }
}

async function importing(client: Client, io: CliIo, kind: 'products' | 'stock' | 'suppliers' | 'prices', args: { fileName: string; base64: string; mapping?: Record<string, string>; dryRun: boolean; allOrNothing: boolean }, format: string | undefined): Promise<number> {
  const columns = (m: Record<string, string>) => 'columns: ' + Object.entries(m).map(([f, c]) => `${f}=${c}`).join(', ');
  let r;
  if (kind === 'products') {
    const p = await client.call('imports.products', { ...args, format: (format ?? 'auto') as 'auto' });
    const what = `${p.created} new, ${p.updated} updated, ${p.unchanged} unchanged${p.skipped ? `, ${p.skipped} rows that are not products skipped` : ''}`;
    io.out(`${p.fileName} (${p.format === 'mapped' ? columns(p.mapping) : p.format}): ${p.products} products — ${what}.`);
    if (p.madeSkus) io.out(`${p.madeSkus} products had no SKU in the file: each got one made from its handle.`);
    r = p;
  } else if (kind === 'stock') {
    const s = await client.call('imports.stock', args);
    io.out(`${s.fileName} (${columns(s.mapping)}): ${s.rows} rows — ${s.created} set, ${s.updated} changed, ${s.unchanged} already so; ${s.units >= 0 ? '+' : ''}${s.units} units.`);
    r = s;
  } else {
    const s = await client.call(kind === 'suppliers' ? 'imports.suppliers' : 'imports.prices', args);
    io.out(`${s.fileName} (${columns(s.mapping)}): ${s.rows} rows — ${s.created} new, ${s.updated} updated, ${s.unchanged} unchanged.`);
    r = s;
  }
  for (const p of r.problems.slice(0, 50)) io.out(`  line ${p.line}, ${p.column}: ${p.message}`);
  if (r.problems.length > 50) io.out(`  … and ${r.problems.length - 50} more`);
  io.out(r.dryRun ? 'Dry run: nothing was saved.' : r.written ? (r.problems.length ? `Saved, except the ${r.problems.length} rows above.` : 'Saved.') : `Nothing was saved (all or nothing, and ${r.problems.length} rows have problems).`);
  return r.problems.length ? 1 : 0;
}
