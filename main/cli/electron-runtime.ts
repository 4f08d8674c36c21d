// Finding (or fetching) the Electron runtime for `npm start`, and a better-sqlite3 build for it.
// Electron's npm package downloads its binary lazily; where that download is impossible (offline
// build machines) we report why and the launcher falls back to the standalone host.
// better-sqlite3 is built separately for Electron's ABI into .cache/, so the Node build that the
// tests use is never replaced (the shell loads it through the `nativeBinding` option).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export type Found = { ok: true; exe: string; version: string } | { ok: false; reason: string };

function packageDir(name: string): string | null {
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}

function installed(dir: string): string | null {
  try {
    const exe = path.join(dir, 'dist', fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim());
    return fs.existsSync(exe) ? exe : null;
  } catch {
    return null;
  }
}

export function findElectron(): Found {
  const dir = packageDir('electron');
  if (!dir) return { ok: false, reason: 'the electron package is not installed' };
  const version = (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  let exe = installed(dir);
  if (!exe) {
    const r = spawnSync(process.execPath, [path.join(dir, 'install.js')], { stdio: 'pipe', timeout: 5 * 60_000, encoding: 'utf8' });
    exe = installed(dir);
    if (!exe) {
      const why = `${r.stderr ?? ''}`.split('\n').find((l) => l.trim()) ?? 'download failed';
      return { ok: false, reason: `its runtime could not be downloaded (${why.trim()})` };
    }
  }
  return { ok: true, exe, version };
}

/** better_sqlite3.node for this Electron version, built once into .cache/electron-native/. */
export function electronSqliteBinding(root: string, electronVersion: string): string {
  const out = path.join(root, '.cache', 'electron-native', electronVersion);
  const binding = path.join(out, 'build', 'Release', 'better_sqlite3.node');
  if (fs.existsSync(binding)) return binding;
  const src = packageDir('better-sqlite3');
  if (!src) throw new Error('better-sqlite3 is not installed');
  fs.rmSync(out, { recursive: true, force: true });
  fs.cpSync(src, out, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) && !p.endsWith(`${path.sep}build`) });
  console.log(`Building the database driver for Electron ${electronVersion} (once)…`);
  const target = ['--runtime=electron', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'];
  const prebuilt = spawnSync('npx', ['--yes', 'prebuild-install', '-r', 'electron', '-t', electronVersion], { cwd: out, stdio: 'inherit' });
  if (prebuilt.status !== 0 || !fs.existsSync(binding)) {
    const built = spawnSync('npx', ['--yes', 'node-gyp', 'rebuild', '--release', ...target], { cwd: out, stdio: 'inherit' });
    if (built.status !== 0 || !fs.existsSync(binding)) throw new Error('could not build better-sqlite3 for Electron');
  }
  return binding;
}
