import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/common/csp';
import { startHost, type Host } from '../../main/server/standalone';
import { WS_PROTOCOL } from '../../main/server/bridge';
import { MAX_FILE_BASE64 } from '../../main/common/api/imports';
import { tempDir } from '../helpers/temp-app';

let host: Host;
let dir: string;
let ui: string;

beforeAll(async () => {
  dir = tempDir();
  ui = path.join(dir, 'ui');
  fs.mkdirSync(ui);
  fs.writeFileSync(path.join(ui, 'index.html'), '<!doctype html><title>ui</title>');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the UI folder');
  host = await startHost({ file: path.join(dir, 'crossdock.sqlite'), staticDir: ui });
});
afterAll(async () => {
  await host.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Raw HTTP so Host and paths go out exactly as written (fetch normalises both). */
function raw(opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ agent: false, host: '127.0.0.1', port: host.bridge.port, path: opts.path, method: opts.method ?? 'GET', headers: { Host: `127.0.0.1:${host.bridge.port}`, ...opts.headers } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const invoke = (headers: Record<string, string>, body = JSON.stringify({ method: 'settings.get', args: {} })) =>
  raw({ path: '/api/invoke', method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

describe('loopback bridge security', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(host.bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('requires the per-launch secret', async () => {
    expect((await invoke({})).status).toBe(401);
    expect((await invoke({ Authorization: 'Bearer wrong' })).status).toBe(401);
    const ok = await invoke({ Authorization: `Bearer ${host.bridge.secret}` });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true });
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin, even with the secret', async () => {
    const auth = { Authorization: `Bearer ${host.bridge.secret}` };
    expect((await invoke({ ...auth, Host: 'evil.example:80' })).status).toBe(403);
    expect((await invoke({ ...auth, Origin: 'http://evil.example' })).status).toBe(403);
    expect((await invoke({ ...auth, Origin: `http://localhost:${host.bridge.port}` })).status).toBe(200);
  });

  it('refuses malformed and oversized bodies with a clear error', async () => {
    const auth = { Authorization: `Bearer ${host.bridge.secret}` };
    const bad = await invoke(auth, '{not json');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.message).toMatch(/not JSON/);
    // a body bigger than the biggest file an import takes is refused by its length, before it is read
    const big = await raw({ path: '/api/invoke', method: 'POST', headers: { ...auth, 'Content-Type': 'application/json', 'Content-Length': String(MAX_FILE_BASE64 + (2 << 20)) }, body: '{}' }).catch(() => ({ status: 413, body: '' }));
    expect(big.status).toBe(413);
    // a file of a few megabytes goes through
    const rows = Array.from({ length: 60_000 }, (_, i) => `BIG-${i},A product with a longer name ${i}`).join('\n');
    const file = JSON.stringify({ method: 'imports.products', args: { fileName: 'big.csv', base64: Buffer.from(`SKU,Name\n${rows}\n`).toString('base64'), dryRun: true } });
    expect(file.length).toBeGreaterThan(3 << 20);
    const r = await invoke(auth, file);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, result: { created: 60_000, written: false } });
  });

  it('serves the UI with the strict CSP and never a file outside the UI folder', async () => {
    const index = await raw({ path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt']) {
      const r = await raw({ path: p });
      expect(r.body).not.toContain('outside the UI folder');
    }
  });

  it('opens a WebSocket only with the secret and a same-site Origin', async () => {
    const url = `ws://127.0.0.1:${host.bridge.port}/api/ws`;
    const attempt = (protocols: string[], origin: string) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(url, protocols, { headers: { Origin: origin } });
        ws.once('open', () => {
          ws.close();
          resolve('open');
        });
        ws.once('error', () => resolve('refused'));
      });
    const self = `http://127.0.0.1:${host.bridge.port}`;
    expect(await attempt([WS_PROTOCOL], self)).toBe('refused');
    expect(await attempt([WS_PROTOCOL, 'wrong'], self)).toBe('refused');
    expect(await attempt([WS_PROTOCOL, host.bridge.secret], 'http://evil.example')).toBe('refused');
    expect(await attempt([WS_PROTOCOL, host.bridge.secret], self)).toBe('open');
  });
});
