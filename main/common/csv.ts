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
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n') {
      cells.push(cell);
      out.push({ line: start, cells });
      cells = [];
      cell = '';
      start = ++line;
    } else if (ch !== '\r') cell += ch;
  }
  if (cell !== '' || cells.length) out.push({ line: start, cells: [...cells, cell] });
  return out.map((r) => ({ line: r.line, cells: r.cells.map((c) => c.trim()) }));
}
