// Reading CSV text: commas, double-quoted cells (with commas, line breaks and "" inside), a
// byte-order mark ignored. Shared by every import of comma-separated files.

/** CSV cells with quotes ("a, b" and "" inside), and the line each record starts on. */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
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
    else if (ch === ',') {
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
