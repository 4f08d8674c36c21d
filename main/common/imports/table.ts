// A table of any layout read by a mapping of its columns to fields: the mapping guessed from the
// header's words (English and Chinese) unless one is given, a missing required column named, and
// each row's cells by field (trimmed; a neutralised formula-looking text restored). Shared by the
// imports of opening stock, suppliers and supplier prices.
import { restoreText } from '../table-csv';

/** A row of a file as read: its line as a spreadsheet numbers it, and its cells as text */
export interface ImportRow {
  line: number;
  cells: string[];
}

/** What is wrong with a row, on the file's column */
export interface RowProblem {
  line: number;
  column: string;
  message: string;
}

export interface TableSpec<F extends string> {
  fields: readonly F[];
  required: readonly F[];
  /** header words that name each field (lower case, without spaces or punctuation) */
  words: Record<F, string[]>;
  /** how a missing required column is described ("the SKU") */
  describe: Partial<Record<F, string>>;
}

export interface MappedRow<F extends string> {
  line: number;
  cells: Record<F, string>;
}

export interface MappedTable<F extends string> {
  header: string[];
  mapping: Partial<Record<F, string>>;
  rows: MappedRow<F>[];
  problems: RowProblem[];
}

export const squash = (s: string) => s.toLowerCase().replace(/[\s_\-./()（）]+/g, '');

export function guessColumns<F extends string>(header: readonly string[], spec: TableSpec<F>): Partial<Record<F, string>> {
  const mapping: Partial<Record<F, string>> = {};
  for (const field of spec.fields) {
    const hit = header.find((h) => spec.words[field].includes(squash(h)) && !Object.values(mapping).includes(h));
    if (hit) mapping[field] = hit;
  }
  return mapping;
}

/** A table's rows by the mapping given or guessed; `header` when the caller has taken the header and the empty rows off already. */
export function readMapped<F extends string>(rows: readonly ImportRow[], spec: TableSpec<F>, given?: Partial<Record<F, string>>, header?: string[]): MappedTable<F> {
  if (!header) {
    const records = rows.filter((r) => r.cells.some((c) => c !== ''));
    return readMapped(records.slice(1), spec, given, records[0]?.cells ?? []);
  }
  const body = rows;
  const mapping = given ?? guessColumns(header, spec);
  const index = new Map(header.map((h, i) => [squash(h), i] as const));
  const problems: RowProblem[] = [];
  for (const need of spec.required) {
    const col = mapping[need];
    if (!col || !index.has(squash(col))) problems.push({ line: 1, column: col ?? need, message: col ? `no column "${col}" in the file` : `choose the column that holds ${spec.describe[need] ?? need}` });
  }
  if (problems.length) return { header, mapping, rows: [], problems };
  // each mapped field's cell position, found once (a file may have 100,000 rows); a row holds just
  // those, and reads every other field as '' from a shared prototype
  const at = spec.fields.map((f) => [f, mapping[f] === undefined ? -1 : (index.get(squash(mapping[f]!)) ?? -1)] as const).filter(([, i]) => i >= 0);
  const unmapped = Object.fromEntries(spec.fields.map((f) => [f, '']));
  const mapped = body.map((r) => {
    const cells = Object.create(unmapped) as Record<F, string>;
    for (const [f, i] of at) cells[f] = restoreText((r.cells[i] ?? '').trim());
    return { line: r.line, cells };
  });
  return { header, mapping, rows: mapped, problems };
}

/**
 * A CSV's rows without those that have more cells than the header has columns: a value with the
 * delimiter in it that was not quoted has pushed every cell after it into the wrong column, so the
 * row cannot be trusted. Each is listed in `problems`.
 */
export function withoutRaggedRows(rows: readonly ImportRow[], problems: RowProblem[]): ImportRow[] {
  const header = rows.find((r) => r.cells.some((c) => c !== ''));
  if (!header) return [...rows];
  const width = header.cells.length;
  return rows.filter((r) => {
    if (r === header) return true;
    const filled = r.cells.length - [...r.cells].reverse().findIndex((c) => c !== '');
    if (filled <= width || !r.cells.some((c) => c !== '')) return true;
    problems.push({ line: r.line, column: header.cells[width - 1] ?? '', message: `has ${filled} cells but the header names ${width} columns: a value with the delimiter in it, not quoted? Every cell after it would be in the wrong column` });
    return false;
  });
}
