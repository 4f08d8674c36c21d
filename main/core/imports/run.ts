// The frame every import runs in: one transaction for the whole file (the caller's: one long
// transaction, see handlers.ts); each row saved by the import's own function, its refusal (a contract
// issue or a service's ApiError) recorded as a problem on the file's line and column while the other
// rows go on; any other error (something wrong underneath, not a bad row) ends the import with
// nothing saved. A dry run, or all-or-nothing with a problem, rolls everything back at the end — so
// a dry run's counts are the real ones. Between chunks of rows it reports how far it got and gives
// way, and a cancel there rolls everything back too.
import { z } from 'zod';
import { ApiError } from '../../common/api/errors';
import type { ImportProblem, ImportProgress, ImportReport } from '../../common/api/imports';
import { Cancelled, type Ctx } from '../context';

/** rows saved between two steps of a long import (about a tenth of a second's work) */
export const CHUNK = 2000;

/** Reports how far an import got and, in a long one, gives way; throws Cancelled when asked to stop. */
export type Step = (stage: ImportProgress['stage'], done: number, total: number) => Promise<void>;

export interface ImportRun<R extends { line: number }> {
  rows: readonly R[];
  /** the file's column a row's field came from (and the column to blame when nothing better is known) */
  column(row: R, field: string): string;
  /** the report: its problems (those found reading the file, then the rows'), dryRun and allOrNothing read, written and cancelled set */
  report: ImportReport;
  /** saves one row; throws ApiError or a ZodError to refuse it */
  save(row: R): void;
  /** each row in a savepoint of its own, for a save that may be refused after it began writing */
  savepoint?: boolean;
  /** runs before the rows and returns what runs after them, inside the same transaction (e.g. a bulk index) */
  around?: () => (() => void) | null;
}

/** The report an import starts from: nothing written or counted yet, the problems found reading the file. */
export function startReport<M extends Record<string, string>>(
  opts: { fileName: string; dryRun: boolean; allOrNothing: boolean },
  read: { header: string[]; problems: readonly ImportProblem[] },
  mapping: M,
): ImportReport & { mapping: M } {
  return { fileName: opts.fileName, header: read.header, mapping, dryRun: opts.dryRun, allOrNothing: opts.allOrNothing, written: false, cancelled: false, created: 0, updated: 0, unchanged: 0, problems: [...read.problems] };
}

/** Runs the rows inside the caller's transaction; problems are added to the report, sorted by line. */
export async function runImport<R extends { line: number }>(ctx: Ctx, run: ImportRun<R>, step: Step): Promise<void> {
  const { report } = run;
  const save = run.savepoint ? ctx.db.transaction((row: R) => run.save(row)) : run.save;
  const total = run.rows.length;
  ctx.db.exec('SAVEPOINT import_rows');
  try {
    const after = run.around?.() ?? null;
    for (let i = 0; i < total; i++) {
      if (i % CHUNK === 0) await step('saving', i, total);
      const row = run.rows[i]!;
      try {
        save(row);
      } catch (err) {
        if (!(err instanceof ApiError) && !(err instanceof z.ZodError)) throw err;
        report.problems.push(...problemsOf(row.line, (field) => run.column(row, field), err));
      }
    }
    if (report.dryRun || (report.allOrNothing && report.problems.length)) {
      ctx.db.exec('ROLLBACK TO import_rows');
    } else {
      await step('finishing', total, total);
      after?.();
      report.written = true;
    }
  } catch (err) {
    // an error SQLite itself rolled back for (a full disk) has left no savepoint to return to
    if (ctx.db.inTransaction) ctx.db.exec('ROLLBACK TO import_rows');
    if (!(err instanceof Cancelled)) throw err;
    report.cancelled = true;
  } finally {
    if (ctx.db.inTransaction) ctx.db.exec('RELEASE import_rows');
    report.problems.sort((a, b) => a.line - b.line);
  }
}

/** A refusal on the file's column: each contract issue, or the field a service named. */
function problemsOf(line: number, column: (field: string) => string, err: ApiError | z.ZodError): ImportProblem[] {
  if (err instanceof z.ZodError) return err.issues.map((i) => ({ line, column: column(String(i.path[0] ?? '')), message: i.message }));
  return [{ line, column: column(err.details?.field ?? ''), message: err.message }];
}

/**
 * A Ctx whose products.changed and stock.changed events are gathered, to be sent once for the whole
 * import by `flush` (a file of 10,000 rows is one refresh of the screens, not 10,000). Other events
 * pass through. Ids beyond the first thousand are left out: screens refresh on the event itself.
 */
export function gatherEvents(ctx: Ctx): { ctx: Ctx; flush(): void } {
  const products = new Set<string>();
  const stockProducts = new Set<string>();
  const locations = new Set<string>();
  const quiet: Ctx = {
    ...ctx,
    emit: (event, payload) => {
      if (event === 'products.changed') addFirst(products, (payload as { ids: string[] }).ids);
      else if (event === 'stock.changed') {
        const p = payload as { productIds: string[]; locationIds: string[] };
        addFirst(stockProducts, p.productIds);
        addFirst(locations, p.locationIds);
      } else ctx.emit(event, payload);
    },
  };
  return {
    ctx: quiet,
    flush() {
      if (products.size) ctx.emit('products.changed', { ids: [...products] });
      if (stockProducts.size) ctx.emit('stock.changed', { productIds: [...stockProducts], locationIds: [...locations] });
    },
  };
}

/** the first thousand ids are kept (screens refresh on the event itself) */
function addFirst(into: Set<string>, ids: readonly string[]): void {
  for (const id of ids) if (into.size < 1000) into.add(id);
}
