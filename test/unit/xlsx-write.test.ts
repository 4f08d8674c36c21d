// The .xlsx writer (main/common/xlsx-write.ts), read back with read-excel-file (the library the
// price-list feed reads spreadsheets with): every value in its cell, numbers as numbers, text as
// text — a formula-looking text stays text — and characters XML cannot carry left out.
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { columnName, writeXlsx } from '../../main/common/xlsx-write';

describe('writeXlsx', () => {
  it('names columns as spreadsheets do', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('writes a sheet read-excel-file reads back cell for cell', async () => {
    const bytes = writeXlsx('Products / 商品', ['SKU', 'Name', 'On hand', 'Price'], [
      ['LAMP-1', '台灯 <Brass> & "gold"', 12, 30.5],
      ['=CMD()', '  leading spaces', -3, null],
      ['0012', 'bell\u0007 removed', 0, 1e-7],
    ]);
    expect(Buffer.from(bytes.subarray(0, 2)).toString()).toBe('PK');
    const rows = await readSheet(Buffer.from(bytes), { trim: false });
    expect(rows).toEqual([
      ['SKU', 'Name', 'On hand', 'Price'],
      ['LAMP-1', '台灯 <Brass> & "gold"', 12, 30.5],
      ['=CMD()', '  leading spaces', -3, null],
      ['0012', 'bell removed', 0, 1e-7],
    ]);
  });
});
