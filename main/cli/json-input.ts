// JSON in for the pure commands (landed-cost, reorder): a file, or stdin with `-`; what cannot be
// read or parsed is said once on stderr (its path is `$`).
import fs from 'node:fs';
import type { CliIo } from './index';

/** Exit code for input the engine cannot use: bad JSON, a problem in it, no file. */
export const BAD_INPUT = 2;

/** Reads all of a stream (stdin by default) as UTF-8. */
export async function readStream(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The JSON a command reads from the file named in `rest` (or stdin with `-`); null after saying on
 * stderr why there is none (no file, unreadable, not JSON — its path is `$`).
 */
export async function readJsonArg(rest: string[], io: CliIo, readStdin: () => Promise<string>, usage: string): Promise<{ value: unknown } | null> {
  const source = rest[0];
  if (source === undefined || rest.length > 1) {
    io.err(usage);
    return null;
  }
  let text: string;
  try {
    text = source === '-' ? await readStdin() : fs.readFileSync(source, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    io.err(err.code === 'ENOENT' ? `Cannot read ${source}: no such file` : `Cannot read ${source === '-' ? 'stdin' : source}: ${oneLine(err.message)}`);
    return null;
  }
  try {
    // a byte-order mark is what spreadsheet exports on Windows often start with
    return { value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (e) {
    io.err(`$: not valid JSON: ${oneLine((e as Error).message)}`);
    return null;
  }
}
