// `landed-cost FILE.json | -`: the landed-cost engine as a command, for scripts and spreadsheets.
// JSON in (a file, or stdin with `-`), the engine's JSON out. No database: the customs profiles
// are the ones shipped with the app, so `"customs": {"profile": "AU"}` works anywhere.
import { isAscii } from 'node:buffer';
import fs from 'node:fs';
import { profileLookup } from '../common/calc/customs';
import { SHIPPED_PROFILES } from '../common/calc/shipped-profiles';
import { landedCost, LandedInputError, landedJson } from '../common/calc/landed';
import type { CliIo } from './index';

export const LANDED_USAGE = 'Usage: landed-cost FILE.json   (or `-` to read the JSON from stdin)';

/** Exit code for input the engine cannot use: bad JSON, a problem in it, no file. */
export const BAD_INPUT = 2;

/** Reads all of a stream (stdin by default) as UTF-8. */
/** UTF-8 bytes as text; plain ASCII (most JSON) is decoded byte for byte, several times faster on a large file. */
function decode(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

export async function readStream(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer));
  return decode(Buffer.concat(chunks));
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
    text = source === '-' ? await readStdin() : decode(fs.readFileSync(source));
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

export async function landedCostCommand(rest: string[], io: CliIo, readStdin: () => Promise<string> = () => readStream()): Promise<number> {
  const input = await readJsonArg(rest, io, readStdin, LANDED_USAGE);
  if (!input) return BAD_INPUT;
  try {
    const result = landedCost(input.value, { profiles: profileLookup(SHIPPED_PROFILES) });
    io.out(JSON.stringify(landedJson(result), null, 2));
    return 0;
  } catch (e) {
    if (!(e instanceof LandedInputError)) throw e;
    for (const issue of e.issues) io.err(`${issue.path}: ${oneLine(issue.message)}`);
    return BAD_INPUT;
  }
}
