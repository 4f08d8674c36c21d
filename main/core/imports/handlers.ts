// Imports take a file: read (XLSX reading is asynchronous, so these are tasks), then — unless it is
// a dry run or nothing in it can be imported — a backup, then the rows saved in one transaction.
import { ApiError } from '../../common/api/errors';
import type { ImportTemplate } from '../../common/api/imports';
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

interface FileInput {
  fileName: string;
  base64: string;
  dryRun: boolean;
  allOrNothing: boolean;
}

async function importing<R extends { entries: unknown[]; problems: RowProblem[] }, T>(input: FileInput, t: TaskCtx, read: (rows: ImportRow[]) => R, apply: (ctx: Ctx, read: R) => T): Promise<T> {
  const table = await readTable(Buffer.from(input.base64, 'base64'));
  if (table.kind === 'unreadable') throw ApiError.field('base64', `${input.fileName} cannot be read: ${table.problem}. Nothing was imported.`);
  const ragged: RowProblem[] = [];
  const r = read(table.kind === 'csv' ? withoutRaggedRows(table.rows, ragged) : table.rows);
  r.problems.push(...ragged);
  if (!input.dryRun && r.entries.length) await t.backups.beforeImport();
  return t.transact((ctx) => apply(ctx, r));
}

export const importHandlers = {
  'imports.templates': (input, ctx) => templates.listTemplates(ctx.db, input.kind ?? null) as ImportTemplate[],
  'imports.saveTemplate': (input, ctx) => {
    templates.saveTemplate(ctx.db, input, ctx.now);
    return templates.listTemplates(ctx.db, input.kind).find((x) => x.name.toLowerCase() === input.name.toLowerCase())! as ImportTemplate;
  },
  'imports.removeTemplate': (input, ctx) => ({ removed: templates.deleteTemplate(ctx.db, input.kind, input.name) }),
  'imports.products': (input, t) =>
    importing(
      input,
      t,
      (rows) => readCatalog(rows, { format: input.format, ...(input.mapping ? { mapping: input.mapping } : {}) }),
      (ctx, read) => applyProducts(ctx, read, { ...input, mapping: read.format === 'mapped' ? (input.mapping ?? guessProductMapping(read.header)) : {} }),
    ),
  'imports.stock': (input, t) => importing(input, t, (rows) => readStock(rows, input.mapping), (ctx, read) => applyStock(ctx, read, input)),
  'imports.suppliers': (input, t) => importing(input, t, (rows) => readSuppliers(rows, input.mapping), (ctx, read) => applySuppliers(ctx, read, input)),
  'imports.prices': (input, t) => importing(input, t, (rows) => readPrices(rows, input.mapping), (ctx, read) => applyPrices(ctx, read, input)),
} satisfies Handlers<'imports'>;
