import fs from 'node:fs';
import type { Client } from '../common/api/client';
import { readEcbZip } from '../core/fx/service';
import type { CliIo } from './index';

/** `fx import FILE`: a zip from the ECB or a CSV (ECB wide format or date,base,quote,rate). */
export async function fxImport(client: Client, io: CliIo, file: string | undefined): Promise<number> {
  if (!file) {
    io.err('Usage: fx import FILE   (FILE: the ECB eurofxref-hist.zip, or a CSV; or `--ecb` for the rates shipped with the app)');
    return 1;
  }
  let text: string;
  try {
    text = file === '--ecb' ? '' : file.toLowerCase().endsWith('.zip') ? readEcbZip(fs.readFileSync(file)) : fs.readFileSync(file, 'utf8');
  } catch (e) {
    io.err(`Cannot read ${file}: ${(e as Error).message}`);
    return 1;
  }
  const r = file === '--ecb' ? await client.call('fx.importEcb') : await client.call('fx.importCsv', { text });
  io.out(`Imported ${r.imported} rates for ${r.days} days (${r.from ?? '—'} to ${r.to ?? '—'}), currencies ${r.currencies.join(' ') || 'none'}.`);
  if (r.skipped.length) {
    io.out(`Skipped ${r.skipped.length}:`);
    for (const s of r.skipped.slice(0, 50)) io.out(`  line ${s.row}: ${s.message}`);
    if (r.skipped.length > 50) io.out(`  … and ${r.skipped.length - 50} more`);
  }
  return r.imported > 0 || r.skipped.length === 0 ? 0 : 1;
}

/** `fx rate CUR [DATE]`: what one CUR is worth in the base currency on a day. */
export async function fxRate(client: Client, io: CliIo, cur: string | undefined, date: string | undefined, json: boolean): Promise<number> {
  if (!cur) {
    io.err('Usage: fx rate CUR [YYYY-MM-DD]');
    return 1;
  }
  const { baseCurrency } = await client.call('settings.get');
  const q = await client.call('fx.rate', { from: cur, to: baseCurrency, ...(date ? { date } : {}) });
  if (json) io.out(JSON.stringify(q, null, 2));
  else {
    io.out(`1 ${q.from} = ${q.rate} ${q.to}   (${q.via}, ${q.source}, rate of ${q.day})`);
    if (q.stale) io.out(`Warning: this rate is ${q.ageDays} days old for ${date ?? 'today'}; import newer rates or enter one.`);
  }
  return 0;
}
