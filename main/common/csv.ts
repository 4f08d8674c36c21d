// Reading CSV text: commas (or semicolons or tabs, as spreadsheets in many countries save them),
// double-quoted cells (with delimiters, line breaks and "" inside), a byte-order mark ignored.
// Shared by every import of delimited files.

export type Delimiter = ',' | ';' | '\t';

/** The delimiter a file uses: the one found most often outside quotes on its first line (a comma when none). */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text.replace(/^\uFEFF/, '')) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\n') break;
    else if (!quoted && ch in counts) counts[ch as Delimiter]++;
  }
  return counts[';'] > counts[','] && counts[';'] >= counts['\t'] ? ';' : counts['\t'] > counts[','] ? '\t' : ',';
}

/** CSV cells with quotes ("a, b" and "" inside), and the line each record starts on. */
export function parseCsv(text: string, delimiter: Delimiter = ','): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delim = delimiter.charCodeAt(0);
  let cells: string[] = [];
  // a cell is read in pieces sliced from the text (quotes and stray carriage returns split it), not
  // a character at a time: a catalogue may have 100,000 rows
  let cell = '';
  let from = 0;
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (quoted) {
      if (c === QUOTE) {
        cell += src.slice(from, i);
        // "" inside quotes is one quote
        if (src.charCodeAt(i + 1) === QUOTE) {
          cell += '"';
          i++;
        } else quoted = false;
        from = i + 1;
      } else if (c === LF) line++;
    } else if (c === QUOTE || c === CR) {
      cell += src.slice(from, i);
      if (c === QUOTE) quoted = true;
      from = i + 1;
    } else if (c === delim || c === LF) {
      cells.push((cell + src.slice(from, i)).trim());
      cell = '';
      from = i + 1;
      if (c === LF) {
        out.push({ line: start, cells });
        cells = [];
        start = ++line;
      }
    }
  }
  const last = cell + src.slice(from);
  if (last !== '' || cells.length) out.push({ line: start, cells: [...cells, last.trim()] });
  return out;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
