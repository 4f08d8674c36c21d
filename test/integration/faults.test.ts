// Fault tests (DESIGN.md §8): a crash mid-write and a full disk end with nothing lost, nothing
// half-written, and a clear message.
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempApp, tempDir } from '../helpers/temp-app';
import { openApp } from '../../main/server/app';
import { createClient } from '../../main/common/api/client';
import { inProcessTransport } from '../../main/server/in-process';
import fs from 'node:fs';

const root = path.resolve(__dirname, '../..');
let dir: string;
beforeEach(() => (dir = tempDir()));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function writer(file: string, mode: string, shellPrefix = '') {
  // `node --import tsx` runs the TypeScript in this one process (the tsx CLI would fork a child
  // that a SIGKILL of the parent leaves running), and `exec` puts node in the shell's place.
  const cmd = `${shellPrefix} exec "${process.execPath}" --import tsx "${path.join(root, 'test/fixtures/writer.ts')}" "${file}" ${mode}`;
  const child = spawn('bash', ['-c', cmd], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Record<string, unknown>[] = [];
  const waiters: [(l: Record<string, unknown>) => boolean, () => void][] = [];
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    const msg = JSON.parse(line) as Record<string, unknown>;
    lines.push(msg);
    for (const [pred, done] of waiters) if (pred(msg)) done();
  });
  const until = (pred: (l: Record<string, unknown>) => boolean) => new Promise<void>((resolve) => waiters.push([pred, resolve]));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, lines, until, exited };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function checkFile(file: string) {
  const app = openApp(file);
  try {
    const c = createClient(inProcessTransport(app.dispatcher));
    return { check: await c.call('stock.check'), movements: (await c.call('stock.movements', { limit: 1 })).total };
  } finally {
    app.close();
  }
}

describe('faults', () => {
  it('kill -9 in the middle of writing loses nothing that was committed and leaves the ledger consistent', async () => {
    const file = path.join(dir, 'crash.sqlite');
    const w = writer(file, 'forever');
    await w.until((l) => typeof l.ok === 'number' && (l.ok as number) >= 300);
    w.child.kill('SIGKILL');
    await w.exited;
    expect(processAlive(w.child.pid!)).toBe(false);
    const reported = Math.max(...w.lines.map((l) => (typeof l.ok === 'number' ? l.ok : 0)));
    const { check, movements } = await checkFile(file);
    expect(check).toMatchObject({ ok: true, chain: { ok: true }, balances: { ok: true } });
    // every post the writer saw succeed is there (and maybe a few more it had no time to report)
    expect(movements).toBeGreaterThanOrEqual(reported);
  });

  it('a full disk fails the write with a clear message, keeps the app usable, and loses nothing saved', async () => {
    const file = path.join(dir, 'full.sqlite');
    // File-size limit of ~1.5 MB for the writer process; SIGXFSZ ignored so writes fail with EFBIG.
    const w = writer(file, 'disk-full', "trap '' XFSZ; ulimit -f 1500;");
    const code = await w.exited;
    const failure = w.lines.find((l) => l.error) as { ok: number; error: { code: string; message: string } } | undefined;
    expect(code).toBe(0);
    expect(failure?.error.message).toMatch(/disk is full|nothing was saved/i);
    expect(w.lines.find((l) => 'readAfterError' in l)).toMatchObject({ readAfterError: true });
    const { check, movements } = await checkFile(file);
    expect(check.ok).toBe(true);
    expect(movements).toBe(failure!.ok);
  });

  it('a write refused half-way through a transfer leaves neither half', async () => {
    const t = tempApp();
    try {
      const a = await t.client.call('locations.create', { code: 'A', name: 'A', kind: 'own' });
      const b = await t.client.call('locations.create', { code: 'B', name: 'B', kind: 'own' });
      const p = await t.client.call('products.create', { sku: 'P', name: 'P' });
      await t.client.call('stock.adjust', { productId: p.id, locationId: a.id, qty: 5, unitCost: '1', reason: 'opening' });
      await t.client.call('locations.archive', { id: b.id }).catch(() => undefined);
      // the out-movement succeeds, then the in-movement is refused (archived target): all rolled back
      await expect(t.client.call('stock.transfer', { productId: p.id, fromLocationId: a.id, toLocationId: b.id, qty: 2 })).rejects.toMatchObject({ code: 'conflict', details: { field: 'toLocationId' } });
      expect((await t.client.call('stock.balances', { productId: p.id })).rows.map((r) => [r.locationCode, r.onHand])).toEqual([['A', 5]]);
      expect((await t.client.call('stock.check')).ok).toBe(true);
    } finally {
      t.close();
    }
  });
});
