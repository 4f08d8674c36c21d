import fs from 'node:fs';
import type { CliIo } from './index';

/** Every row of a paged list, fetched 500 at a time. */
export async function allRows<T>(fetch: (page: { offset: number; limit: number }) => Promise<{ rows: T[]; total: number }>): Promise<T[]> {
  const rows: T[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await fetch({ offset, limit: 500 });
    rows.push(...page.rows);
    if (rows.length >= page.total || !page.rows.length) return rows;
  }
}

/** A command's input file as text; null (after saying why on stderr) when none was given or it cannot be read. */
export function readTextArg(io: CliIo, file: string | undefined, usage: string): string | null {
  if (!file) {
    io.err(`Usage: ${usage}`);
    return null;
  }
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    io.err(`Cannot read ${file}: ${(e as Error).message}`);
    return null;
  }
}
