// The CSV codec of exports (main/common/table-csv.ts): formula injection neutralised, and every
// value read back exactly — null vs empty text, numbers, quotes, line breaks, Chinese.
import { describe, expect, it } from 'vitest';
import { neutralise, readCsv, restoreText, writeCsv, type Cell } from '../../main/common/table-csv';

describe('CSV for exports', () => {
  it('neutralises what a spreadsheet would run as a formula, and only that', () => {
    expect(['=HYPERLINK("http://x")', '+1-555', '-2+3', '@SUM(A1)', '\t=1', '\r=1', 'plain', '10', 'a=b', ''].map(neutralise)).toEqual([
      "'=HYPERLINK(\"http://x\")",
      "'+1-555",
      "'-2+3",
      "'@SUM(A1)",
      "'\t=1",
      "'\r=1",
      'plain',
      '10',
      'a=b',
      '',
    ]);
    // an apostrophe of its own is doubled, so reading back is exact
    expect(neutralise("'quoted")).toBe("''quoted");
    for (const s of ['=1+2', "'quoted", "'=tricky", 'plain', "''"]) expect(restoreText(neutralise(s))).toBe(s);
  });

  it('writes numbers bare, text quoted, null as an empty cell, CRLF, and an optional BOM', () => {
    expect(writeCsv(['sku', 'qty', 'note'], [['A-1', 3, null], ['=cmd|x', -2.5, '']], { bom: true })).toBe('\uFEFF"sku","qty","note"\r\n"A-1",3,\r\n"\'=cmd|x",-2.5,""\r\n');
  });

  it('reads back exactly what it wrote', () => {
    const rows: Cell[][] = [
      ['台灯 "Brass"', 0, null, ''],
      ['line one\r\nline two, with comma', -0.000123, 9007199254740991, "'"],
      ['-5', 1e21, '@home', '   spaced   '],
      [null, null, null, null],
    ];
    const text = writeCsv(['a', 'b', 'c', 'd'], rows);
    expect(readCsv(text)).toEqual({ header: ['a', 'b', 'c', 'd'], rows });
  });

  it('names the line of a malformed record', () => {
    expect(() => readCsv('"a","b"\r\n"x",12abc\r\n')).toThrow(/line 2: "12abc" is neither a number nor quoted text/);
    expect(() => readCsv('"a"\r\n"open\r\n')).toThrow(/line 2: a quoted cell is never closed/);
    expect(() => readCsv('"a","b"\r\n"x"y,1\r\n')).toThrow(/line 2: unexpected "y"/);
  });
});
