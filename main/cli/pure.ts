// The commands that are pure calculations (reorder, landed-cost): JSON in, JSON out, no database.
// Kept apart so a script calling them thousands of times loads only the engine: `npm run cli`
// runs them from a prebuilt bundle of this file (./launch.mjs).
import { parseArgs } from './args';
import type { CliIo } from './index';
import { readStream } from './json-input';

export async function runPure(command: string, rest: string[], io: CliIo, readStdin: () => Promise<string> = () => readStream(process.stdin)): Promise<number> {
  try {
    // each loads only its own engine
    const run = command === 'reorder' ? (await import('./reorder')).reorderCommand : (await import('./landed-cost')).landedCostCommand;
    return await run(rest, io, readStdin);
  } catch (e) {
    io.err(`Failed: ${(e as Error).message}`);
    return 1;
  }
}

/** A whole command line that is a pure command (what ./launch.mjs runs from the bundle). */
export function runPureCli(argv: string[], io: CliIo): Promise<number> {
  const { command, rest } = parseArgs(argv);
  return runPure(command, rest, io);
}
