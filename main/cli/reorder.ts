// `reorder FILE.json | -`: the forecasting and reorder engines as a command, JSON in and out
// (docs/reorder.md). No database: everything comes in the JSON.
import { ReorderInputError, reorderJson } from '../common/calc/reorder-json';
import type { CliIo } from './index';
import { BAD_INPUT, oneLine, readJsonArg, readStream } from './json-input';

export const REORDER_USAGE = 'Usage: reorder FILE.json   (or `-` to read the JSON from stdin)';

export async function reorderCommand(rest: string[], io: CliIo, readStdin: () => Promise<string> = () => readStream()): Promise<number> {
  const input = await readJsonArg(rest, io, readStdin, REORDER_USAGE);
  if (!input) return BAD_INPUT;
  try {
    // compact: a script's input (100k items stay a few seconds' work); `jq .` shows it indented
    io.out(JSON.stringify(reorderJson(input.value)));
    return 0;
  } catch (e) {
    if (!(e instanceof ReorderInputError)) throw e;
    for (const issue of e.issues) io.err(`${issue.path}: ${oneLine(issue.message)}`);
    return BAD_INPUT;
  }
}
