// Reading a table a merchant or a supplier sends: a CSV in UTF-8 (with or without a BOM) or in
// GB18030 (a Chinese Excel export), or the first sheet of an XLSX. An XLSX is a zip archive: before
// it is opened, the sizes its entries declare are added up, so a "zip bomb" (a few kilobytes that
// unpack to gigabytes) is refused instead of filling the memory. Cells come out as the text a person
// would type (numbers to 15 significant digits, dates as YYYY-MM-DD), each row with the line number
// the merchant sees.
import { unzipSync } from 'fflate';
import { readSheet } from 'read-excel-file/node';
import { detectDelimiter, parseCsv, type Delimiter } from '../common/csv';

export interface TableRow {
  line: number;
  cells: string[];
}

export type Table = { kind: 'csv'; delimiter: Delimiter; rows: TableRow[] } | { kind: 'xlsx'; rows: TableRow[] } | { kind: 'unreadable'; problem: string };

/** What an XLSX may unpack to, all entries together: a sheet of 100,000 rows is a few tens of MB. */
const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;
/** Real spreadsheets compress 5–20 times; a bomb, thousands of times. */
const MAX_RATIO = 200;

/** Text of a file as UTF-8 (with or without a BOM), or GB18030 when it is not valid UTF-8. */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** A zip archive (an XLSX is one): its first four bytes. */
const isZip = (b: Uint8Array) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** A cell as the text a person would type: numbers to 15 significant digits, dates as YYYY-MM-DD. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  const text = String(v);
  if (typeof v === 'string' && !/^-?\d+(\.\d+)?(E[-+]?\d+)?$/i.test(text)) return text;
  const n = Number(text);
  if (!Number.isFinite(n)) return text;
  // 4.0999999999999996 (what Excel stored for 4.1) → 4.1; whole numbers (barcodes) as they are
  return Number.isInteger(n) && Math.abs(n) < 1e15 ? String(n) : Number(n.toPrecision(15)).toString();
}

/** Why an archive may not be unpacked (too big, or compressed like a bomb), or null when it may. */
export function zipProblem(bytes: Uint8Array): string | null {
  let unpacked = 0;
  let entries = 0;
  try {
    // the filter sees each entry's declared sizes; returning false unpacks nothing
    unzipSync(bytes, {
      filter: (f) => {
        entries++;
        unpacked += f.originalSize;
        if (f.size > 0 && f.originalSize / f.size > MAX_RATIO) unpacked = Infinity;
        return false;
      },
    });
  } catch {
    return 'it is not a readable XLSX (the archive is damaged)';
  }
  if (!entries) return 'it is not an XLSX (an empty archive)';
  if (unpacked > MAX_UNPACKED_BYTES) return 'it would unpack to far more than a spreadsheet holds (a "zip bomb"?); it was not opened';
  return null;
}

/** The rows of a CSV or of an XLSX's first sheet, or why they cannot be read. */
export async function readTable(bytes: Uint8Array): Promise<Table> {
  if (!isZip(bytes)) {
    const text = decodeText(bytes);
    if (text.includes('\u0000')) return { kind: 'unreadable', problem: 'it is not a CSV or XLSX file (it holds binary data)' };
    const delimiter = detectDelimiter(text);
    return { kind: 'csv', delimiter, rows: parseCsv(text, delimiter) };
  }
  const problem = zipProblem(bytes);
  if (problem) return { kind: 'unreadable', problem };
  try {
    const data = await readSheet(Buffer.from(bytes), { parseNumber: (n: string) => n });
    return { kind: 'xlsx', rows: data.map((row, i) => ({ line: i + 1, cells: row.map((c) => cellText(c).trim()) })) };
  } catch (e) {
    return { kind: 'unreadable', problem: `it is not a spreadsheet Crossdock can read (${(e as Error).message})` };
  }
}
