// `landed-cost FILE.json | -`: the landed-cost engine as a command, for scripts and spreadsheets.
// JSON in (a file, or stdin with `-`), the engine's JSON out. No database: the customs profiles
// are the ones shipped with the app, so `"customs": {"profile": "AU"}` works anywhere.
import { profileLookup } from '../common/calc/customs';
import { SHIPPED_PROFILES } from '../common/calc/shipped-profiles';
import { landedCost, LandedInputError, landedJson } from '../common/calc/landed';
import type { CliIo } from './index';
import { BAD_INPUT, oneLine, readJsonArg, readStream } from './json-input';

export const LANDED_USAGE = 'Usage: landed-cost FILE.json   (or `-` to read the JSON from stdin)';

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
