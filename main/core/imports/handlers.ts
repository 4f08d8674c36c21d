import { guessProductMapping, readCatalog } from '../../common/imports/products';
import { ApiError } from '../../common/api/errors';
import { readTable } from '../../sync/spreadsheet';
import type { Handlers } from '../context';
import { applyProducts } from './products';

export const importHandlers = {
  'imports.products': async (input, t) => {
    const table = await readTable(Buffer.from(input.base64, 'base64'));
    if (table.kind === 'unreadable') throw ApiError.field('base64', `${input.fileName} cannot be read: ${table.problem}. Nothing was imported.`);
    const read = readCatalog(table.rows, { format: input.format, ...(input.mapping ? { mapping: input.mapping } : {}) });
    const mapping = read.format === 'mapped' ? (input.mapping ?? guessProductMapping(read.header)) : {};
    // the backup comes first, so a wrong file is undone by restoring it; refused if it cannot be made
    if (!input.dryRun && read.entries.length) await t.backups.beforeImport();
    return t.transact((ctx) => applyProducts(ctx, read, { fileName: input.fileName, mapping, dryRun: input.dryRun, allOrNothing: input.allOrNothing }));
  },
} satisfies Handlers<'imports'>;
