// The contract of list exports (spread into the one table in ./index.ts): any list, as the screen
// shows it (its own filter), to a CSV or an Excel file.
import { z } from './zod';
import { read } from './contract';

export const exportLists = ['products', 'stock', 'movements', 'suppliers', 'purchase-orders', 'sales-orders', 'customers', 'shipments'] as const;
export type ExportList = (typeof exportLists)[number];

export interface ExportFile {
  fileName: string;
  mimeType: string;
  base64: string;
  rows: number;
}

export const exportsApi = {
  /** every row of a list (not just the page shown), filtered as the list's own method filters (`filter` is its input) */
  'exports.list': read<ExportFile>()(
    z.object({
      what: z.enum(exportLists, { message: `must be one of ${exportLists.join(', ')}` }),
      format: z.enum(['csv', 'xlsx'], { message: 'must be csv or xlsx' }).default('csv'),
      filter: z.record(z.string(), z.unknown()).default({}),
    }),
  ),
};
