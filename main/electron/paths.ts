// Maps an app://crossdock/… request onto a file of the built renderer. Pure (no 'electron', no
// file system) so the traversal rules are unit-tested in Node; protocol.ts does the reading.
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './urls';

export type Resolved =
  | { ok: true; file: string; /** a client-side route answered with index.html */ fallback: boolean }
  | { ok: false; status: 400 | 403 | 404 };

type PathApi = Pick<typeof path, 'join' | 'resolve' | 'relative' | 'isAbsolute'>;

// Windows device names open a device, not a file, whatever folder they are joined to.
const DEVICE_NAME = /^(con|prn|aux|nul|com\d|lpt\d|conin\$|conout\$)(\..*)?$/i;

/**
 * Each path segment is decoded on its own, so an encoded separator (%2f, %5c) cannot join two
 * segments into a traversal, and any segment that could escape or alias the root is refused
 * (`..`, `.`, separators, drive letters and streams via `:`, NUL, device names). The
 * containment check at the end is a second, independent line of defence.
 * A last segment without an extension is a client-side route: index.html answers it (SPA).
 * `p` is injectable so the Windows rules are tested on any OS.
 */
export function resolveAppPath(root: string, url: string, p: PathApi = path): Resolved {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { ok: false, status: 400 };
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || u.username !== '' || u.password !== '') return { ok: false, status: 404 };

  const segments: string[] = [];
  for (const raw of u.pathname.split('/')) {
    if (raw === '') continue;
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400 };
    }
    if (seg === '.' || seg === '..' || /[/\\:\0]/.test(seg) || DEVICE_NAME.test(seg)) return { ok: false, status: 403 };
    segments.push(seg);
  }

  const last = segments[segments.length - 1];
  const fallback = last === undefined || !last.includes('.');
  const rel = fallback ? ['index.html'] : segments;
  const absRoot = p.resolve(root);
  const file = p.resolve(absRoot, p.join(...rel));
  const inside = p.relative(absRoot, file);
  if (inside === '' || inside.startsWith('..') || p.isAbsolute(inside)) return { ok: false, status: 403 };
  return { ok: true, file, fallback: fallback && last !== undefined };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
