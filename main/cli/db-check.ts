import type { Client } from '../common/api/client';
import type { Db } from '../db/open';
import { integrityCheck } from '../db/integrity';
import { checkStore } from '../db/repos/files';
import { FileStore, storeDirFor } from '../db/store';
import type { CliIo } from './index';

export async function dbCheck(db: Db, dataFile: string, client: Client, io: CliIo, o: { json: boolean }): Promise<number> {
  const sqlite = integrityCheck(db);
  const ledger = await client.call('stock.check');
  const files = checkStore(db, new FileStore(storeDirFor(dataFile)));
  const filesOk = files.missing.length === 0 && files.damaged.length === 0;
  const ok = sqlite.length === 0 && ledger.ok && filesOk;
  if (o.json) {
    io.out(JSON.stringify({ ok, sqlite: sqlite.length ? sqlite : 'ok', ledger, files }, null, 2));
    return ok ? 0 : 1;
  }
  io.out(sqlite.length ? `SQLite integrity: FAILED\n  ${sqlite.join('\n  ')}` : 'SQLite integrity: ok');
  io.out(
    ledger.chain.ok
      ? `Ledger hash chain: ok (${ledger.movements} movements)`
      : `Ledger hash chain: BROKEN at movement #${ledger.chain.firstBrokenSeq}: ${ledger.chain.message}`,
  );
  if (ledger.balances.ok) io.out('Balances rebuilt from the ledger: all match');
  else {
    io.out(`Balances rebuilt from the ledger: ${ledger.balances.mismatches.length} mismatch(es)`);
    for (const m of ledger.balances.mismatches.slice(0, 20)) {
      io.out(`  product ${m.productId} at ${m.locationId}: ${m.field} stored ${m.stored}, ledger says ${m.rebuilt}`);
    }
  }
  io.out(`Photos and attachments: ${files.files} file(s)${filesOk ? ', all present and intact' : ''}`);
  for (const m of files.missing) io.out(`  MISSING ${m.hash.slice(0, 12)}… used by ${m.usedBy}`);
  for (const m of files.damaged) io.out(`  DAMAGED ${m.hash.slice(0, 12)}… used by ${m.usedBy}`);
  if (files.orphaned.length) io.out(`  ${files.orphaned.length} file(s) no record uses: removed when the app next opens`);
  io.out(ok ? 'All checks passed.' : 'Problems found: restore a backup or contact support with this output.');
  return ok ? 0 : 1;
}
