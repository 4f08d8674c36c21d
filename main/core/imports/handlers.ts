import { guessProductMapping, readCatalog } from '../../common/imports/products';
import { readStock } from '../../common/imports/stock';
import { ApiError } from '../../common/api/errors';
import { readTable } from '../../sync/spreadsheet';
import type { Handlers } from '../context';
import { applyProducts } from './products';
import { applyStock } from './stock';

/** The rows of the file sent, or a refusal naming it. */
async function rowsOf(input: { fileName: string; base64: string }) {
  const table = await readTable(Buffer.from(input.base64, 'base64'));
  if (table.kind === 'unreadable') throw ApiError.field('base64', `${input.fileName} cannot be read: ${table.problem}. Nothing was imported.`);
  return table.rows;
}

export const importHandlers = {
  'imports.products': async (input, t) => {
    const read = readCatalog(await rowsOf(input), { format: input.format, ...(input.mapping ? { mapping: input.mapping } : {}) });
    const mapping = read.format === 'mapped' ? (input.mapping ?? guessProductMapping(read.header)) : {};
    // the backup comes first, so a wrong file is undone by restoring it; refused if it cannot be made
    if (!input.dryRun && read.entries.length) await t.backups.beforeImport();
    return t.transact((ctx) => applyProducts(ctx, read, { fileName: input.fileName, mapping, dryRun: input.dryRun, allOrNothing: input.allOrNothing }));
  },
  'imports.stock': async (input, t) => {
    const read = readStock(await rowsOf(input), input.mapping);
    if (!input.dryRun && read.entries.length) await t.backups.beforeImport();
    return t.transact((ctx) => applyStock(ctx, read, { fileName: input.fileName, dryRun: input.dryRun, allOrNothing: input.allOrNothing }));
  },
} satisfies Handlers<'imports'>;
