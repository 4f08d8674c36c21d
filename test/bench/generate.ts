// Builds the benchmark dataset through the app's real write path: openApp (real schema and
// migrations), the locations and settings services through the dispatcher, products through the
// products service, and every stock movement through the ledger's post() primitive (or the
// transfer service), so hashes, balances, product totals and daily aggregates are all real.
// Only batching differs from the app: many documents share one IMMEDIATE transaction.
import { FileStore, storeDirFor } from '../../main/db/store';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { api } from '../../main/common/api';
import { loadHs } from '../../main/core/reference/hs';
import { createProduct, setProductStatus } from '../../main/core/products/service';
import { post, type PostLine } from '../../main/core/stock/post';
import { transfer } from '../../main/core/stock/service';
import type { Ctx } from '../../main/core/context';
import { fileKeySecrets } from '../../main/core/secrets';
import { uuidv7 } from '../../main/core/ids';
import { loadMigrations } from '../../main/db/migrate';
import { openApp, type App } from '../../main/server/app';
import { planCatalogue, rng, pick } from './catalog';
import { LOCATIONS, simulate, type Doc } from './simulate';

/** Bump when the generated data changes shape, so an old cached file is rebuilt. */
export const GENERATOR_VERSION = 1;

export interface DatasetSpec {
  products: number;
  movements: number;
  /** documents (and so movements) per transaction */
  batch: number;
}

export interface DatasetMeta extends DatasetSpec {
  version: number;
  seconds: { total: number; products: number; movements: number };
  moves: Record<string, number>;
  refused: number;
  finishedAt: string;
  /** migrations applied to the cached file after it was generated */
  upgrades?: { from: number; to: number; applied: string[]; seconds: number }[];
}

type Log = (msg: string) => void;

function ctxFor(app: App, hs: Ctx['hs'], actor: string): Ctx {
  // built as dispatch.ts builds it: one clock reading per call, events queued (nobody listens here)
  return { db: app.db, actor, now: new Date().toISOString(), hs, emit: () => undefined, secrets: fileKeySecrets(path.dirname(app.file)), store: new FileStore(storeDirFor(app.file)) };
}

async function call(app: App, method: string, args: unknown): Promise<{ id: string }> {
  const env = await app.dispatcher.dispatch(method, args);
  if (!env.ok) throw new Error(`${method}: ${env.error.message}`);
  return env.result as { id: string };
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** Creates the dataset at `file` (which must not exist). Returns what it did. */
export async function generate(file: string, spec: DatasetSpec, log: Log): Promise<DatasetMeta> {
  const t0 = performance.now();
  const app = openApp(file, { actor: 'bench' });
  // A bigger page cache for the bulk load only (a connection setting, not a write-path change);
  // the measurements reopen the file with the app's own settings.
  app.db.pragma('cache_size = -262144');
  const hs = loadHs();
  try {
    await call(app, 'settings.update', { baseCurrency: 'CNY', userName: 'Bench' });
    const locIds: string[] = [];
    for (const l of LOCATIONS) locIds.push((await call(app, 'locations.create', l)).id);

    // ---- products, through the products service (zod-parsed input, the service's own checks)
    const plan = planCatalogue(spec.products);
    const ids: string[] = new Array(plan.length);
    const tp = performance.now();
    const schema = api['products.create'].input;
    for (let start = 0; start < plan.length; start += spec.batch) {
      app.db
        .transaction(() => {
          for (let i = start; i < Math.min(plan.length, start + spec.batch); i++) {
            const p = plan[i]!;
            const input = schema.parse({ ...p.input, parentId: p.parentIndex === null ? null : ids[p.parentIndex] });
            ids[i] = createProduct(ctxFor(app, hs, 'bench'), input).id;
          }
        })
        .immediate();
      const done = Math.min(plan.length, start + spec.batch);
      if (done % (spec.batch * 5) === 0 || done === plan.length) {
        log(`  products ${fmt(done)}/${fmt(plan.length)}  ${((performance.now() - tp) / 1000).toFixed(1)} s`);
      }
    }
    // a few discontinued products, archived before they ever held stock
    const rand = rng(11);
    const archived = new Set<number>();
    app.db
      .transaction(() => {
        for (let i = 0; i < plan.length; i++) {
          if (!plan[i]!.isParent && plan[i]!.parentIndex === null && rand() < 0.02) {
            setProductStatus(ctxFor(app, hs, 'bench'), ids[i]!, 'archived');
            archived.add(i);
          }
        }
      })
      .immediate();
    const productSeconds = (performance.now() - tp) / 1000;

    // ---- movements
    const tm = performance.now();
    const sim = simulate(plan, archived, spec.movements, rand);
    let posted = 0;
    let refused = 0;
    let lastLog = performance.now();
    const moves: Record<string, number> = {};
    const actors = ['Mei', 'Kenji', 'Ops', 'Bench'];
    let pendingDocs: Doc[] = [];
    const flush = () => {
      if (!pendingDocs.length) return;
      const docs = pendingDocs;
      pendingDocs = [];
      app.db
        .transaction(() => {
          for (const d of docs) {
            const ctx = ctxFor(app, hs, d.actor);
            try {
              if (d.kind === 'transfer') {
                transfer(ctx, {
                  productId: ids[d.product]!,
                  fromLocationId: locIds[d.from]!,
                  toLocationId: locIds[d.to]!,
                  qty: d.qty,
                  note: d.note,
                  occurredAt: d.at,
                });
                posted += 2;
                moves.transfer = (moves.transfer ?? 0) + 2;
              } else {
                const line: PostLine = {
                  productId: ids[d.product]!,
                  locationId: locIds[d.loc]!,
                  kind: d.kind,
                  qty: d.qty,
                  occurredAt: d.at,
                  reason: d.reason,
                  note: d.note,
                  docType: d.docType,
                  docId: d.docId ?? uuidv7(),
                  ...(d.value !== undefined ? { value: d.value } : {}),
                };
                post(ctx, line);
                posted++;
                moves[d.kind] = (moves[d.kind] ?? 0) + 1;
              }
            } catch (e) {
              // the simulation mirrors stock exactly, so this should never happen; counted, not hidden
              if (refused++ < 3) log(`  refused: ${(e as Error).message}`);
            }
          }
        })
        .immediate();
      const now = performance.now();
      if (now - lastLog > 5000 || posted >= spec.movements) {
        lastLog = now;
        const s = (now - tm) / 1000;
        const rate = posted / s;
        log(`  movements ${fmt(posted)}/${fmt(spec.movements)}  ${s.toFixed(1)} s  ${fmt(Math.round(rate))}/s  ETA ${Math.max(0, (spec.movements - posted) / rate).toFixed(0)} s`);
      }
    };
    let inBatch = 0;
    for (const d of sim) {
      d.actor = pick(rand, actors);
      pendingDocs.push(d);
      inBatch += d.kind === 'transfer' ? 2 : 1;
      if (inBatch >= spec.batch) {
        flush();
        inBatch = 0;
      }
    }
    flush();
    const movementSeconds = (performance.now() - tm) / 1000;
    app.db.pragma('wal_checkpoint(TRUNCATE)');
    return {
      ...spec,
      version: GENERATOR_VERSION,
      seconds: { total: (performance.now() - t0) / 1000, products: productSeconds, movements: movementSeconds },
      moves,
      refused,
      finishedAt: new Date().toISOString(),
    };
  } finally {
    app.close();
  }
}

/**
 * A dataset cached before a new migration was added is brought up to date the way a user's file
 * is: by opening it (backup, then the pending migrations). The time is kept in the metadata.
 */
function upgrade(file: string, meta: DatasetMeta, log: Log): void {
  // also folds any write-ahead log left by a tool that opened the file into it, since the
  // benchmark measures a copy of the main file alone
  const peek = new Database(file);
  peek.pragma('wal_checkpoint(TRUNCATE)');
  const version = peek.pragma('user_version', { simple: true }) as number;
  peek.close();
  const latest = loadMigrations().length;
  if (version >= latest) return;
  const t = performance.now();
  const app = openApp(file, { actor: 'bench' });
  app.db.pragma('wal_checkpoint(TRUNCATE)');
  app.close();
  const seconds = (performance.now() - t) / 1000;
  if (app.migration?.backup) fs.rmSync(app.migration.backup, { force: true });
  meta.upgrades = [...(meta.upgrades ?? []), { from: version, to: latest, applied: app.migration?.applied ?? [], seconds }];
  log(`Migrated the cached dataset from schema ${version} to ${latest} in ${seconds.toFixed(1)} s (including the pre-migration backup)`);
}

export interface CachedDataset {
  file: string;
  meta: DatasetMeta;
  reused: boolean;
}

/** The cached dataset for `spec`, generated (atomically: temp file then rename) if missing, stale or `fresh`. */
export async function ensureDataset(file: string, spec: DatasetSpec, opts: { fresh: boolean; log: Log }): Promise<CachedDataset> {
  const metaFile = `${file}.json`;
  const clear = (f: string) => ['', '-wal', '-shm'].forEach((s) => fs.rmSync(f + s, { force: true }));
  if (!opts.fresh && fs.existsSync(file) && fs.existsSync(metaFile)) {
    const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as DatasetMeta;
    if (meta.version === GENERATOR_VERSION && meta.products === spec.products && meta.movements === spec.movements) {
      opts.log(`Reusing ${path.relative(process.cwd(), file)} (generated ${meta.finishedAt} in ${meta.seconds.total.toFixed(1)} s; --fresh rebuilds it)`);
      upgrade(file, meta, opts.log);
      fs.writeFileSync(metaFile, JSON.stringify(meta, null, 2));
      return { file, meta, reused: true };
    }
    opts.log(`Cached dataset is stale (generator ${meta.version}, ${meta.products}/${meta.movements}); rebuilding`);
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  clear(file);
  fs.rmSync(metaFile, { force: true });
  // backups taken before upgrading an older cached dataset
  fs.rmSync(path.join(path.dirname(file), 'backups'), { recursive: true, force: true });
  const partial = `${file}.partial`;
  clear(partial);
  opts.log(`Generating ${fmt(spec.products)} products and ${fmt(spec.movements)} movements into ${path.relative(process.cwd(), file)} …`);
  const meta = await generate(partial, spec, opts.log);
  fs.renameSync(partial, file);
  clear(partial);
  fs.writeFileSync(metaFile, JSON.stringify(meta, null, 2));
  opts.log(`Generated in ${meta.seconds.total.toFixed(1)} s (products ${meta.seconds.products.toFixed(1)} s, movements ${meta.seconds.movements.toFixed(1)} s)`);
  return { file, meta, reused: false };
}
