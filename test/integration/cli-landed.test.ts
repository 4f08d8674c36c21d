// `npm run -s cli -- landed-cost FILE.json | -`: the engine as a command. Worked example: the
// Australian Border Force's "GST and duty calculation" (an amplifier at US$1,274, postage and
// insurance US$118.30, A$1 = US$0.91, duty 5% of the customs value, GST 10% of customs value +
// duty + T&I: duty A$70.00, GST A$160.00, landed A$1,760.00); see test/unit/landed.test.ts for
// the source. No database is opened: the file passed with --data must never appear.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index';
import { ABF_INPUT, ABF_OUTPUT } from '../fixtures/abf-example';

const ROOT = path.resolve(__dirname, '../..');

const abfInput = { ...ABF_INPUT, date: '2026-05-01' };
const abfOutput = ABF_OUTPUT;

// three problems the parser finds together, and what the command prints for them
const badInput = {
  currency: 'AUD',
  lines: [
    { id: 'a', quantity: -1, unitPrice: '10.00', currency: 'AUD' },
    { id: 'b', quantity: 1.5, unitPrice: '10.00', currency: 'USD' },
  ],
  charges: [{ id: 'freight', amount: '5.00', currency: 'AUD', split: 'by-magic' }],
};
const badLines = [
  'lines[0].quantity: must be a positive integer',
  'lines[1].quantity: must be a positive integer',
  'lines[1].currency: no exchange rate for USD → AUD: add rates.USD',
  'charges[0].split: "by-magic" is not a split method: use value, quantity, weight, volume, equal or {"manual": {…}}',
];

let dir: string;
let noDb: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossdock-landed-cli-'));
  noDb = path.join(dir, 'must-not-be-created.sqlite');
});
afterEach(() => {
  expect(fs.existsSync(noDb)).toBe(false);
  fs.rmSync(dir, { recursive: true, force: true });
});

function writeJson(name: string, value: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return file;
}

async function cli(argv: string[], stdin?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...argv, '--data', noDb], { out: (l) => out.push(l), err: (l) => err.push(l) }, stdin === undefined ? {} : { readStdin: async () => stdin });
  return { code, out: out.join('\n'), err };
}

describe('crossdock CLI: landed-cost', () => {
  it('help lists the command', async () => {
    const r = await cli(['help']);
    expect(r.out).toMatch(/^ {2}landed-cost FILE\.json\|- /m);
  });

  it('prints the engine JSON for a file: the ABF worked example', async () => {
    const r = await cli(['landed-cost', writeJson('abf.json', abfInput)]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(JSON.stringify(abfOutput, null, 2));
  });

  it('reads stdin with `-`, and takes a shipped customs profile by name', async () => {
    const r = await cli(['landed-cost', '-'], JSON.stringify(abfInput));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(abfOutput);
    // Australia's shipped profile: duty on the FOB value, GST 10% on value + duty + T&I
    const au = await cli(['landed-cost', '-'], JSON.stringify({ ...abfInput, customs: { profile: 'AU' } }));
    expect(au.err).toEqual([]);
    expect(au.code).toBe(0);
    expect(JSON.parse(au.out)).toMatchObject({ totals: { goods: '1400.00', duty: '70.00', vat: '160.00' } });
  });

  it('bad input: exit 2, one `path: message` line per problem on stderr, nothing on stdout', async () => {
    const r = await cli(['landed-cost', writeJson('bad.json', badInput)]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toEqual(badLines);
    // a problem found while computing (a zero basis) is reported the same way
    const zero = await cli(['landed-cost', '-'], JSON.stringify({ currency: 'USD', lines: [{ id: 'a', quantity: 1, unitPrice: '0', currency: 'USD' }], charges: [{ id: 'f', amount: '1.00', currency: 'USD', split: 'value' }] }));
    expect(zero.code).toBe(2);
    expect(zero.err).toEqual(["charges[0].split: cannot split by value: the lines' value adds up to zero"]);
    // a profile outside its dates names customs.profile (Australia's GST began on 1 July 2000)
    const old = await cli(['landed-cost', '-'], JSON.stringify({ ...abfInput, date: '1999-01-01', customs: { profile: 'AU' } }));
    expect(old.code).toBe(2);
    expect(old.err).toHaveLength(1);
    expect(old.err[0]).toMatch(/^customs\.profile: "AU" does not apply on 1999-01-01/);
  });

  it('unparsable JSON: exit 2 and one line `$: not valid JSON: …`', async () => {
    const r = await cli(['landed-cost', writeJson('broken.json', '{"currency": "AUD", lines: []}')]);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/^\$: not valid JSON: \S/);
    const empty = await cli(['landed-cost', '-'], '');
    expect(empty.code).toBe(2);
    expect(empty.err).toEqual([expect.stringMatching(/^\$: not valid JSON: /)]);
    const notObject = await cli(['landed-cost', '-'], '[1, 2]');
    expect(notObject.err).toEqual(['$: must be a JSON object']);
  });

  it('a missing file, or no file at all: exit 2 with one clear line', async () => {
    const missing = path.join(dir, 'nope.json');
    const r = await cli(['landed-cost', missing]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([`Cannot read ${missing}: no such file`]);
    const none = await cli(['landed-cost']);
    expect(none.code).toBe(2);
    expect(none.err).toEqual([expect.stringMatching(/^Usage: landed-cost FILE\.json/)]);
  });

  it('runs as a real process reading stdin, through the `cli` script and straight from the TypeScript alike', () => {
    // `npm run cli` is main/cli/launch.mjs: the pure commands from a bundle it keeps up to date
    for (const args of [['main/cli/launch.mjs'], ['--import', 'tsx', 'main/cli/index.ts']]) {
      const run = (input: string) => spawnSync(process.execPath, [...args, 'landed-cost', '-', '--data', noDb], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });
      const ok = run(JSON.stringify(abfInput));
      expect(ok.stderr).toBe('');
      expect(ok.status).toBe(0);
      expect(JSON.parse(ok.stdout)).toEqual(abfOutput);
      const bad = run(JSON.stringify(badInput));
      expect(bad.status).toBe(2);
      expect(bad.stdout).toBe('');
      expect(bad.stderr.trimEnd().split('\n')).toEqual(badLines);
    }
  });
});
