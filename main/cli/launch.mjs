// `npm run cli`: the `crossdock` command line. The pure calculations (reorder, landed-cost) run from
// a bundle of main/cli/pure.ts kept in .cache/cli/ and rebuilt when any of its sources is newer, so
// a script that calls them thousands of times does not pay for compiling TypeScript each time;
// every other command runs the TypeScript itself (through tsx). Plain JavaScript: it is what starts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const argv = process.argv.slice(2);
const first = argv.find((a) => !a.startsWith('--'));
const io = { out: (line) => console.log(line), err: (line) => console.error(line) };

/** The pure bundle, built first if it is missing or older than one of its sources. */
async function pureBundle() {
  const dir = path.join(root, '.cache', 'cli');
  const file = path.join(dir, 'pure.mjs');
  const meta = path.join(dir, 'pure.meta.json');
  try {
    const built = fs.statSync(file).mtimeMs;
    const inputs = Object.keys(JSON.parse(fs.readFileSync(meta, 'utf8')).inputs);
    if (inputs.every((f) => fs.statSync(path.join(root, f)).mtimeMs <= built)) return file;
  } catch {
    // not built yet, or a source has gone: build
  }
  const { build } = await import('esbuild');
  fs.mkdirSync(dir, { recursive: true });
  // built beside and renamed into place: two commands starting at once never read half a file
  const tmp = `${file}.${process.pid}.tmp`;
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['main/cli/pure.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: tmp,
    metafile: true,
    logLevel: 'warning',
  });
  fs.writeFileSync(`${meta}.${process.pid}.tmp`, JSON.stringify({ inputs: result.metafile.inputs }));
  fs.renameSync(`${meta}.${process.pid}.tmp`, meta);
  fs.renameSync(tmp, file);
  return file;
}

let code;
if (first === 'reorder' || first === 'landed-cost') {
  const { runPureCli } = await import(pathToFileURL(await pureBundle()).href);
  code = await runPureCli(argv, io);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { runCli } = await import(pathToFileURL(path.join(here, 'index.ts')).href);
  code = await runCli(argv, io);
}
// exit once stdout and stderr have drained: into a pipe they write asynchronously, and an exit
// straight away would cut a large answer off at the pipe's buffer (64 KiB)
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
