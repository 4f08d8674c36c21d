// Reading the files merchants and suppliers send (main/sync/spreadsheet.ts): CSV in UTF-8 or
// GB18030, an XLSX's first sheet, and what is refused before it is opened — a zip bomb, a damaged
// archive, binary junk.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeXlsx } from '../../main/common/xlsx-write';
import { readTable, zipProblem } from '../../main/sync/spreadsheet';

describe('readTable', () => {
  it('reads a CSV in UTF-8 with a BOM and semicolons, and one in GB18030', async () => {
    expect(await readTable(strToU8('\uFEFFsku;name\nA-1;Lamp\n'))).toEqual({ kind: 'csv', delimiter: ';', rows: [{ line: 1, cells: ['sku', 'name'] }, { line: 2, cells: ['A-1', 'Lamp'] }] });
    // "货号,名称\nA-1,台灯" as a Chinese Excel saves it (GB18030)
    const gb = Uint8Array.from([0xbb, 0xf5, 0xba, 0xc5, 0x2c, 0xc3, 0xfb, 0xb3, 0xc6, 0x0a, 0x41, 0x2d, 0x31, 0x2c, 0xcc, 0xa8, 0xb5, 0xc6]);
    expect(await readTable(gb)).toMatchObject({ kind: 'csv', rows: [{ cells: ['货号', '名称'] }, { cells: ['A-1', '台灯'] }] });
  });

  it('reads the first sheet of an XLSX', async () => {
    expect(await readTable(writeXlsx('S', ['sku', 'qty'], [['A-1', 3]]))).toEqual({ kind: 'xlsx', rows: [{ line: 1, cells: ['sku', 'qty'] }, { line: 2, cells: ['A-1', '3'] }] });
  });

  it('refuses a zip bomb, a damaged archive and binary junk without opening them', async () => {
    // 20 MB of zeros in a few kilobytes: a compression no spreadsheet has
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    expect(zipProblem(bomb)).toMatch(/zip bomb/);
    expect(await readTable(bomb)).toEqual({ kind: 'unreadable', problem: expect.stringMatching(/zip bomb/) });
    expect(await readTable(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new Array(100).fill(7)]))).toEqual({ kind: 'unreadable', problem: expect.stringMatching(/damaged/) });
    expect(await readTable(Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]))).toEqual({ kind: 'unreadable', problem: expect.stringMatching(/binary data/) });
    // a zip that holds no sheet
    expect(await readTable(zipSync({ 'readme.txt': strToU8('hello') }))).toEqual({ kind: 'unreadable', problem: expect.stringMatching(/not a spreadsheet/) });
  });
});
