// Writing tables as CSV, for spreadsheets and for Crossdock's own full export. RFC 4180: a header
// row, cells separated by commas, records by CRLF, text in double quotes ("" inside). Text that a
// spreadsheet would run as a formula (it begins with =, +, -, @, a tab or a carriage return) is
// neutralised with a leading apostrophe, as OWASP recommends; so is text that begins with an
// apostrophe, so that reading it back (restoreText) is exact. Numbers are written bare, and an
// empty cell without quotes is "no value" (null), distinct from the empty text "".

export type Cell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r']/;

/** Text as it goes into a cell: a leading apostrophe before anything a spreadsheet would run. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The text neutralise() was given. */
export function restoreText(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

function encode(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new RangeError(`cannot write ${cell} to a CSV cell`);
    return String(cell);
  }
  return `"${neutralise(cell).replace(/"/g, '""')}"`;
}

/** A CSV file: the header, then one record per row (CRLF line ends; `bom` for Excel to read UTF-8). */
export function writeCsv(header: readonly string[], rows: Iterable<readonly Cell[]>, opts: { bom?: boolean } = {}): string {
  const lines = [header.map((h) => encode(h)).join(',')];
  for (const row of rows) lines.push(row.map(encode).join(','));
  return (opts.bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}

/**
 * Reads a CSV written by writeCsv back, exactly: quoted cells are text (neutralising undone),
 * unquoted empty cells are null, other unquoted cells are numbers. Throws naming the line on a
 * malformed record (a quote left open, a stray character after a closing quote).
 */
export function readCsv(text: string): { header: string[]; rows: Cell[][] } {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: Cell[][] = [];
  let row: Cell[] = [];
  let line = 1;
  let i = 0;
  const n = src.length;
  while (i < n) {
    let cell: Cell;
    if (src[i] === '"') {
      let value = '';
      const from = line;
      i++;
      for (;;) {
        if (i >= n) throw new Error(`line ${from}: a quoted cell is never closed`);
        const ch = src[i]!;
        if (ch === '"') {
          if (src[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (ch === '\n') line++;
        value += ch;
        i++;
      }
      cell = restoreText(value);
    } else {
      let j = i;
      while (j < n && src[j] !== ',' && src[j] !== '\r' && src[j] !== '\n') j++;
      const raw = src.slice(i, j);
      if (raw === '') cell = null;
      else {
        const num = Number(raw);
        if (raw.trim() !== raw || Number.isNaN(num)) throw new Error(`line ${line}: "${raw}" is neither a number nor quoted text`);
        cell = num;
      }
      i = j;
    }
    row.push(cell);
    if (i >= n) {
      records.push(row);
      break;
    }
    const sep = src[i];
    if (sep === ',') {
      i++;
      if (i >= n) {
        row.push(null);
        records.push(row);
      }
    } else if (sep === '\r' || sep === '\n') {
      i += sep === '\r' && src[i + 1] === '\n' ? 2 : 1;
      records.push(row);
      row = [];
      line++;
    } else throw new Error(`line ${line}: unexpected ${JSON.stringify(sep)} after a quoted cell`);
  }
  const [head, ...rows] = records;
  if (!head) return { header: [], rows: [] };
  if (head.some((h) => typeof h !== 'string')) throw new Error('line 1: the header must name every column');
  return { header: head as string[], rows };
}
