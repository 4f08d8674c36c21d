// `npm start`: the desktop app where Electron can run; otherwise (no Electron binary, as on a
// build machine) the standalone host on 127.0.0.1, opened in Chromium's app window or the
// system browser, or just its URL printed.
//
//   npm start                 your data, in the OS user-data folder
//   npm start -- --demo       a separate demo database filled with a living sample business
//   npm start -- --browser    skip Electron, use the standalone host
//   npm start -- --no-open    print the URL only     --port N   --data FILE
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultBackupDir } from '../db/backup';
import { newestGoodBackup } from '../db/restorable';
import { DbOpenError } from '../db/errors';
import { dataFile } from '../server/app';
import { rendererDir, startHost } from '../server/standalone';
import { seedDemo } from '../core/demo/seed';
import { createClient } from '../common/api/client';
import { inProcessTransport } from '../server/in-process';
import { electronSqliteBinding, findElectron } from './electron-runtime';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const root = fileURLToPath(new URL('../..', import.meta.url));

function ensureRendererBuilt(): void {
  if (fs.existsSync(path.join(rendererDir(), 'index.html'))) return;
  console.log('Building the user interface once (vite build)…');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
}

function chromium(): string | null {
  for (const c of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) if (fs.existsSync(c)) return c;
  return null;
}

function openInBrowser(url: string): void {
  const browser = chromium();
  const hasDisplay = process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
  if (!hasDisplay) return;
  const [cmd, cmdArgs] = browser
    ? [browser, [`--app=${url}`, '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']]
    : process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  const child = spawn(cmd, cmdArgs, { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

async function main(): Promise<void> {
  const demo = flag('demo');
  const file = option('data') ?? dataFile(demo);
  ensureRendererBuilt();

  const electron = flag('browser') ? null : findElectron();
  if (electron?.ok) {
    const r = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'main/electron/build.ts')], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('building the Electron shell failed');
    const env = { ...process.env, CROSSDOCK_SQLITE_BINDING: electronSqliteBinding(root, electron.version) };
    const child = spawn(electron.exe, [root, ...(demo ? ['--demo'] : []), ...(option('data') ? ['--data', file] : [])], { stdio: 'inherit', env });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  if (electron && !electron.ok) console.log(`Electron is not available on this machine (${electron.reason}); starting Crossdock in the browser instead.`);

  const fresh = !fs.existsSync(file);
  const host = await startHost({ file, ...(option('port') ? { port: Number(option('port')) } : {}) });
  if (demo && fresh) {
    process.stdout.write('Loading demo data… ');
    const n = await seedDemo(createClient(inProcessTransport(host.app.dispatcher)));
    console.log(`${n.products} products, ${n.movements} movements.`);
  }
  console.log(`Crossdock is running on your data at ${file}`);
  console.log(`Open ${host.bridge.appUrl}`);
  if (!flag('no-open')) openInBrowser(host.bridge.appUrl);
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch(async (e: unknown) => {
  console.error(`Crossdock could not start: ${(e as Error).message}`);
  if (e instanceof DbOpenError && (e.reason === 'corrupt' || e.reason === 'foreign')) {
    const file = option('data') ?? dataFile(flag('demo'));
    const good = await newestGoodBackup(defaultBackupDir(file));
    console.error(
      good
        ? `The newest backup that checks out is from ${good.at.slice(0, 16).replace('T', ' ')} UTC. To restore it (the file that cannot be opened is kept beside it):\n  npm run -s cli -- restore "${good.file}"${option('data') ? ` --data "${file}"` : flag('demo') ? ' --demo' : ''}`
        : `No backup of it was found in ${defaultBackupDir(file)}. If you keep backups elsewhere: npm run -s cli -- restore FILE`,
    );
  }
  process.exit(1);
});
