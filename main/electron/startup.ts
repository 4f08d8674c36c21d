// Start-up decisions of the shell, kept pure so they are tested in Node: command line, data
// file, which better-sqlite3 binary to load, and what to tell the user when opening fails.
import path from 'node:path';
import type { BackupFile } from '../db/backup';
import { DbOpenError } from '../db/errors';

export interface LaunchOptions {
  demo: boolean;
  /** --data FILE, resolved against the working directory */
  data: string | null;
}

/** Reads --demo and --data FILE (also --data=FILE) anywhere in argv; Chromium switches are ignored. */
export function parseLaunchArgs(argv: readonly string[], cwd: string = process.cwd()): LaunchOptions {
  let demo = false;
  let data: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--demo') demo = true;
    else if (a === '--data' && i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) data = argv[++i]!;
    else if (a.startsWith('--data=') && a.length > '--data='.length) data = a.slice('--data='.length);
  }
  return { demo, data: data === null ? null : path.resolve(cwd, data) };
}

export function dataFileFor(userData: string, opts: LaunchOptions): string {
  return opts.data ?? path.join(userData, opts.demo ? 'crossdock-demo.sqlite' : 'crossdock.sqlite');
}

/**
 * better-sqlite3 built for Electron's ABI. Packaged: the copy electron-builder rebuilt and
 * unpacked from the asar. In development: whatever CROSSDOCK_SQLITE_BINDING names (the
 * node_modules copy is built for Node, for the tests).
 */
export function nativeBindingPath(env: Record<string, string | undefined>, isPackaged: boolean, resourcesPath: string): string | undefined {
  if (env.CROSSDOCK_SQLITE_BINDING) return env.CROSSDOCK_SQLITE_BINDING;
  if (!isPackaged) return undefined;
  return path.join(resourcesPath, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
}

const OPEN_HINTS: Record<DbOpenError['reason'], string> = {
  newer: 'It was written by a newer version of Crossdock. Update Crossdock to open it.',
  foreign: 'It is not a Crossdock data file. Choose another file with --data.',
  corrupt: 'Restore a backup with the restore command (npm run -s cli -- restore FILE); Crossdock keeps its own in the backups folder next to the data.',
  locked: 'Only one Crossdock can work on the same data at a time.',
  checksum: 'This file was upgraded by a different build of Crossdock. Use that build, or restore a backup.',
  io: 'Check that the folder exists, is writable and the disk is not full.',
};

/** Title and text for the error box shown before quitting when the data file cannot be opened. */
export function describeOpenError(e: unknown, file: string): { title: string; message: string } {
  const title = 'Crossdock cannot open its data';
  const msg = e instanceof Error ? e.message : String(e);
  if (/NODE_MODULE_VERSION|was compiled against a different Node\.js version|invalid ELF header|not a valid Win32 application/i.test(msg)) {
    return {
      title,
      message:
        `The SQLite module was built for another runtime than this Electron.\n\n${msg}\n\n` +
        'In development, set CROSSDOCK_SQLITE_BINDING to a better_sqlite3.node built for Electron, or run `npm start -- --browser`.',
    };
  }
  if (e instanceof DbOpenError) {
    const hint = OPEN_HINTS[e.reason];
    return { title, message: `${msg}\n\n${hint}\n\nFile: ${file}` };
  }
  return { title, message: `${msg}\n\nFile: ${file}` };
}

/** The question asked when the data file is damaged or foreign and a good backup exists: restore it (button 0) or quit. */
export function recoveryPrompt(e: DbOpenError, file: string, backup: BackupFile): { title: string; message: string; detail: string; buttons: string[] } {
  const when = backup.at.slice(0, 16).replace('T', ' ');
  return {
    title: 'Crossdock cannot open its data',
    message: e.reason === 'foreign' ? 'The data file is not a Crossdock file.' : 'The data file is damaged.',
    detail:
      `${e.message}\n\nThe newest backup that checks out is from ${when} UTC (${backup.name}). ` +
      `Restoring it puts that data in place; the file that cannot be opened is kept beside it, renamed, in case you need it.\n\nFile: ${file}`,
    buttons: [`Restore the backup of ${when}`, 'Quit'],
  };
}
