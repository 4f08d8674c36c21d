// Imports take a file: read (XLSX reading is asynchronous, so these are tasks), then — unless it is
// a dry run or nothing in it can be imported — a backup, and the rows saved in one transaction.
// A file of more rows than one chunk holds that transaction open across pauses, so its progress
// reaches the screen and it can be cancelled; meanwhile every other call waits, and supplier sync
// stops until it is done.
import { ApiError } from '../../common/api/errors';
import type { ImportKind, ImportProgress, ImportReport, ImportTemplate } from '../../common/api/imports';
import * as templates from '../../db/repos/imports';
import { guessProductMapping, readCatalog, type ImportRow, type RowProblem } from '../../common/imports/products';
import { withoutRaggedRows } from '../../common/imports/table';
import { readStock } from '../../common/imports/stock';
import { readPrices, readSuppliers } from '../../common/imports/suppliers';
import { readTable } from '../../sync/spreadsheet';
import type { Ctx, Handlers, TaskCtx } from '../context';
import { applyProducts } from './products';
import { applyStock } from './stock';
import { applyPrices, applySuppliers } from './suppliers';
import { CHUNK, type Step } from './run';

interface FileInput {
  fileName: string;
  base64: string;
  dryRun: boolean;
  allOrNothing: boolean;
}

async function importing<R extends { entries: unknown[]; problems: RowProblem[] }, T extends ImportReport>(
  kind: ImportKind,
  input: FileInput,
  t: TaskCtx,
  read: (rows: ImportRow[]) => R,
  apply: (ctx: Ctx, read: R, step: Step) => Promise<T>,
): Promise<T> {
  const progress = (stage: ImportProgress['stage'], done = 0, total = 0) => t.emit('imports.progress', { kind, fileName: input.fileName, stage, done, total, dryRun: input.dryRun });
  progress('reading');
  const table = await readTable(Buffer.from(input.base64, 'base64'));
  if (table.kind === 'unreadable') throw ApiError.field('base64', `${input.fileName} cannot be read: ${table.problem}. Nothing was imported.`);
  const ragged: RowProblem[] = [];
  const r = read(table.kind === 'csv' ? withoutRaggedRows(table.rows, ragged) : table.rows);
  r.problems.push(...ragged);
  // The backup (when there is something to import) is made off the main thread; a big file's rows
  // are checked and saved meanwhile — the backup copies the data as it was before, since the
  // import's transaction is not committed until the end and no other connection sees it — and it
  // must have succeeded before the import commits. It is waited for however the import ends, so
  // nothing of it goes on after the answer.
  const backup = input.dryRun || !r.entries.length ? null : t.backups.beforeImport();
  backup?.catch(() => undefined);
  const backedUp = async () => {
    if (!backup) return;
    progress('backup');
    await backup;
  };
  const long = r.entries.length > CHUNK;
  try {
    if (!long) await backedUp();
    return await t.transactLong(
      (ctx, pause) =>
        apply(ctx, r, async (stage, done, total) => {
          if (long && stage === 'finishing') await backedUp();
          progress(stage, done, total);
          if (long) await pause();
        }),
      { big: long },
    );
  } finally {
    await backup?.catch(() => undefined);
  }
}

export const importHandlers = {
  'imports.templates': (input, ctx) => templates.listTemplates(ctx.db, input.kind ?? null) as ImportTemplate[],
  'imports.saveTemplate': (input, ctx) => {
    templates.saveTemplate(ctx.db, input, ctx.now);
    return templates.listTemplates(ctx.db, input.kind).find((x) => x.name.toLowerCase() === input.name.toLowerCase())! as ImportTemplate;
  },
  'imports.removeTemplate': (input, ctx) => ({ removed: templates.deleteTemplate(ctx.db, input.kind, input.name) }),
  'imports.cancel': async (_input, t) => ({ cancelled: t.cancelLong() }),
  'imports.products': (input, t) =>
    importing(
      'products',
      input,
      t,
      (rows) => readCatalog(rows, { format: input.format, ...(input.mapping ? { mapping: input.mapping } : {}) }),
      (ctx, read, step) => applyProducts(ctx, read, { ...input, mapping: read.format === 'mapped' ? (input.mapping ?? guessProductMapping(read.header)) : {} }, step),
    ),
  'imports.stock': (input, t) => importing('stock', input, t, (rows) => readStock(rows, input.mapping), (ctx, read, step) => applyStock(ctx, read, input, step)),
  'imports.suppliers': (input, t) => importing('suppliers', input, t, (rows) => readSuppliers(rows, input.mapping), (ctx, read, step) => applySuppliers(ctx, read, input, step)),
  'imports.prices': (input, t) => importing('prices', input, t, (rows) => readPrices(rows, input.mapping), (ctx, read, step) => applyPrices(ctx, read, input, step)),
} satisfies Handlers<'imports'>;
