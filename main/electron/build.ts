// Builds the Electron shell: `npx tsx main/electron/build.ts` (npm run build:electron).
//   main/electron/main.ts → dist/electron/main.mjs   (ESM; electron and better-sqlite3 external)
//   preload/index.ts      → dist/electron/preload.cjs (one CommonJS file: sandboxed preloads
//                                                      cannot load modules other than 'electron')
// and copies the files the backend reads next to the bundle (it resolves them with
// new URL('./migrations' | './data/hs2022.csv' | './data/eurofxref-hist.zip' | './data/DroidSansFallbackFull.ttf', import.meta.url)).
// It fails if a bundle would import anything it may not (a stray node_modules path, a package
// that should have been bundled, or a Node module in the preload).
import { builtinModules } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile, type Plugin } from 'esbuild';
import { eventNames, methods } from '../common/api';

const root = fileURLToPath(new URL('../..', import.meta.url));
const DEFAULT_OUT = path.join(root, 'dist/electron');
const at = (p: string) => path.join(root, p);

// pdfkit reads its standard-font metrics from files next to its own code: it stays a package.
const MAIN_EXTERNAL = ['electron', 'better-sqlite3', 'pdfkit', 'sharp'];
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function strayImports(meta: Metafile, allowed: (spec: string) => boolean): string[] {
  const bad: string[] = [];
  for (const [file, output] of Object.entries(meta.outputs)) {
    for (const imp of output.imports) {
      if (!imp.external || !allowed(imp.path) || imp.path.includes('node_modules')) bad.push(`${path.basename(file)}: ${imp.kind} ${imp.path}`);
    }
  }
  return bad;
}

// The preload needs only the contract's method and event names, not zod and every schema
// (~800 kB parsed on each page load): give it a module holding the names, read from the
// contract now, so the allow-list still comes from the one table.
const contractNamesOnly: Plugin = {
  name: 'contract-names-only',
  setup(b) {
    b.onResolve({ filter: /\/main\/common\/api$/ }, (args) =>
      args.importer === at('preload/api.ts') ? { path: 'contract-names', namespace: 'crossdock' } : undefined,
    );
    b.onLoad({ filter: /^contract-names$/, namespace: 'crossdock' }, () => ({
      contents: `export const methods = ${JSON.stringify(methods)};\nexport const eventNames = ${JSON.stringify(eventNames)};\n`,
      loader: 'js',
    }));
  },
};

/** `out` is dist/electron unless a test builds elsewhere. */
export async function buildElectron(out: string = DEFAULT_OUT): Promise<void> {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });

  const main = await build({
    entryPoints: [at('main/electron/main.ts')],
    outfile: path.join(out, 'main.mjs'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22', // Electron 45 runs Node 22
    external: MAIN_EXTERNAL,
    // CommonJS dependencies bundled into ESM call require(); give them Node's.
    banner: { js: "import { createRequire as __crossdockRequire } from 'node:module';\nconst require = __crossdockRequire(import.meta.url);" },
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });

  const preload = await build({
    entryPoints: [at('preload/index.ts')],
    outfile: path.join(out, 'preload.cjs'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'chrome140', // Electron 45's renderer
    external: ['electron'],
    plugins: [contractNamesOnly],
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });

  const stray = [
    ...strayImports(main.metafile, (s) => builtins.has(s) || MAIN_EXTERNAL.includes(s)),
    ...strayImports(preload.metafile, (s) => s === 'electron'),
  ];
  // The preload must be self-contained and small: no package code at all (see contractNamesOnly).
  for (const input of Object.keys(preload.metafile.inputs)) if (input.includes('node_modules')) stray.push(`preload.cjs bundles ${input}`);
  if (stray.length) throw new Error(`Unexpected imports in the Electron bundles:\n  ${stray.join('\n  ')}`);

  // backups are copied and checked in a worker thread, loaded from next to the bundle as it is
  fs.copyFileSync(at('main/db/file-worker.mjs'), path.join(out, 'file-worker.mjs'));
  fs.mkdirSync(path.join(out, 'migrations'));
  for (const f of fs.readdirSync(at('main/db/migrations')).filter((f) => f.endsWith('.sql'))) {
    fs.copyFileSync(at(`main/db/migrations/${f}`), path.join(out, 'migrations', f));
  }
  fs.mkdirSync(path.join(out, 'data'));
  for (const f of ['hs2022.csv', 'SOURCE.md']) fs.copyFileSync(at(`main/core/reference/data/${f}`), path.join(out, 'data', f));
  fs.copyFileSync(at('main/core/fx/data/eurofxref-hist.zip'), path.join(out, 'data', 'eurofxref-hist.zip'));
  fs.copyFileSync(at('main/core/fx/data/SOURCE.md'), path.join(out, 'data', 'SOURCE-ecb.md'));
  fs.copyFileSync(at('main/core/papers/data/DroidSansFallbackFull.ttf'), path.join(out, 'data', 'DroidSansFallbackFull.ttf'));
  for (const f of ['SOURCE.md', 'LICENSE-Apache-2.0.txt', 'debian-copyright.txt']) {
    fs.copyFileSync(at(`main/core/papers/data/${f}`), path.join(out, 'data', f === 'SOURCE.md' ? 'SOURCE-font.md' : `DroidSansFallback-${f}`));
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildElectron().then(
    () => console.log(`Electron shell built in ${path.relative(root, DEFAULT_OUT)}/`),
    (e: unknown) => {
      console.error((e as Error).message);
      process.exit(1);
    },
  );
}
