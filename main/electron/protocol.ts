// The app:// scheme: the renderer's built files, served with the app's CSP. A custom standard
// scheme (rather than file://) gives the UI a real origin, so CSP 'self', fetch and storage
// behave as on the web, and nothing outside dist/renderer is reachable.
import fs from 'node:fs/promises';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../common/csp';
import { contentType, resolveAppPath } from './paths';
import { APP_SCHEME } from './urls';

/** Must run before the app's ready event (at module top level of the entry). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

function failure(status: number): Response {
  const text = status === 403 ? 'Forbidden' : status === 400 ? 'Bad request' : status === 405 ? 'Method not allowed' : 'Not found';
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** After ready: answer app:// requests from `root` (dist/renderer). */
export function handleAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return failure(405);
    const r = resolveAppPath(root, request.url);
    if (!r.ok) return failure(r.status);
    let body: Buffer;
    try {
      // fs reads inside app.asar transparently when packaged.
      body = await fs.readFile(r.file);
    } catch {
      return failure(404);
    }
    const headers = {
      ...SECURITY_HEADERS,
      'Content-Type': contentType(r.file),
      // Local reads are cheap; never let a cached file outlive an app update.
      'Cache-Control': 'no-cache',
    };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  });
}
