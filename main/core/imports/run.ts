// The frame every import runs in: one transaction for the whole file; each row saved by the
// import's own function, its refusal (a contract issue or a service's ApiError) recorded as a problem
// on the file's line and column while the other rows go on; any other error (something wrong
// underneath, not a bad row) ends the import with nothing saved. A dry run, or all-or-nothing with
// a problem, rolls everything back at the end — so a dry run's counts are the real ones.
import { z } from 'zod';
import { ApiError } from '../../common/api/errors';
import type { ImportProblem } from '../../common/api/imports';
import type { Ctx } from '../context';

class Rollback extends Error {}

export interface RowOf {
  line: number;
  /** the file's column for a field (and the column to blame when nothing better is known) */
  column(field: string): string;
}

export interface ImportRun<R extends RowOf> {
  rows: readonly R[];
  /** problems found while reading the file */
  problems: ImportProblem[];
  dryRun: boolean;
  allOrNothing: boolean;
  /** saves one row; throws ApiError or a ZodError to refuse it */
  save(row: R): void;
  /** each row in a savepoint of its own, for a save that may be refused after it began writing */
  savepoint?: boolean;
  /** runs before the rows and returns what runs after them, inside the same transaction (e.g. a bulk index) */
  around?: () => (() => void) | null;
}

/** Runs the rows; returns whether anything was saved. Problems are added to `problems`, sorted by line. */
export function runImport<R extends RowOf>(ctx: Ctx, run: ImportRun<R>): boolean {
  const save = run.savepoint ? ctx.db.transaction((row: R) => run.save(row)) : run.save;
  let written = false;
  try {
    ctx.db.transaction(() => {
      const after = run.around?.() ?? null;
      for (const row of run.rows) {
        try {
          save(row);
        } catch (err) {
          if (!(err instanceof ApiError) && !(err instanceof z.ZodError)) throw err;
          run.problems.push(...problemsOf(row, err));
        }
      }
      if (run.dryRun || (run.allOrNothing && run.problems.length)) throw new Rollback();
      after?.();
    })();
    written = true;
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  run.problems.sort((a, b) => a.line - b.line);
  return written;
}

/** A refusal on the file's column: each contract issue, or the field a service named. */
function problemsOf(row: RowOf, err: ApiError | z.ZodError): ImportProblem[] {
  if (err instanceof z.ZodError) return err.issues.map((i) => ({ line: row.line, column: row.column(String(i.path[0] ?? '')), message: i.message }));
  return [{ line: row.line, column: row.column(err.details?.field ?? ''), message: err.message }];
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
      if (event === 'products.changed') for (const id of (payload as { ids: string[] }).ids) products.add(id);
      else if (event === 'stock.changed') {
        const p = payload as { productIds: string[]; locationIds: string[] };
        p.productIds.forEach((id) => stockProducts.add(id));
        p.locationIds.forEach((id) => locations.add(id));
      } else ctx.emit(event, payload);
    },
  };
  const first = (ids: Set<string>) => [...ids].slice(0, 1000);
  return {
    ctx: quiet,
    flush() {
      if (products.size) ctx.emit('products.changed', { ids: first(products) });
      if (stockProducts.size) ctx.emit('stock.changed', { productIds: first(stockProducts), locationIds: first(locations) });
    },
  };
}
