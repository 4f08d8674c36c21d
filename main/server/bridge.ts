// Loopback transport for the browser host and tests: HTTP POST /api/invoke and a WebSocket at
// /api/ws (calls and events), plus the built renderer as static files. It binds 127.0.0.1 only,
// requires the per-launch secret on every API call, and refuses requests whose Host or Origin is
// not this server (DNS-rebinding and cross-site defence).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Envelope } from '../common/api/errors';
import { MAX_FILE_BASE64 } from '../common/api/imports';
import { CONTENT_SECURITY_POLICY } from '../common/csp';
import type { Door } from './dispatch';

export interface BridgeOptions {
  dispatcher: Door;
  /** built renderer (index.html and assets); omitted = API only */
  staticDir?: string;
  port?: number;
  secret?: string;
}

export interface Bridge {
  url: string;
  /** URL that opens the app with the secret in the fragment (never sent to the server) */
  appUrl: string;
  port: number;
  secret: string;
  close(): Promise<void>;
}

/** the biggest call the contract takes (a file to import, as base64) and room for the rest of it */
const MAX_BODY = MAX_FILE_BASE64 + (1 << 20);
export const WS_PROTOCOL = 'crossdock.v1';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export async function startBridge(opts: BridgeOptions): Promise<Bridge> {
  const secret = opts.secret ?? randomBytes(32).toString('hex');
  const secretBuf = Buffer.from(secret);
  let port = 0;
  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];
  const allowedOrigins = () => allowedHosts().map((h) => `http://${h}`);

  const authorised = (token: string | undefined): boolean => {
    const b = Buffer.from(token ?? '');
    return b.length === secretBuf.length && timingSafeEqual(b, secretBuf);
  };
  const sameSite = (req: http.IncomingMessage): boolean => {
    if (!allowedHosts().includes(req.headers.host ?? '')) return false;
    const origin = req.headers.origin;
    return origin === undefined || allowedOrigins().includes(origin);
  };

  const server = http.createServer((req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (!sameSite(req)) return send(res, 403, { ok: false, error: { code: 'unauthorized', message: 'Wrong host or origin' } });
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/api/invoke') return invoke(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { ok: false, error: { code: 'invalid_input', message: 'Method not allowed' } });
    return serveStatic(url.pathname, res);
  });

  function invoke(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'invalid_input', message: 'POST only' } });
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!authorised(token)) return send(res, 401, { ok: false, error: { code: 'unauthorized', message: 'Missing or wrong secret' } });
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) {
      send(res, 413, { ok: false, error: { code: 'invalid_input', message: 'Request too large' } });
      return void req.destroy();
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        send(res, 413, { ok: false, error: { code: 'invalid_input', message: 'Request too large' } });
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      if (res.headersSent) return;
      let body: { method?: unknown; args?: unknown };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {
        return send(res, 400, { ok: false, error: { code: 'invalid_input', message: 'Body is not JSON' } });
      }
      void opts.dispatcher.dispatch(String(body?.method ?? ''), body?.args).then((env) => send(res, 200, env));
    });
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    if (!opts.staticDir) return send(res, 404, { ok: false, error: { code: 'not_found', message: 'No UI here' } });
    const root = path.resolve(opts.staticDir);
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      return send(res, 400, { ok: false, error: { code: 'invalid_input', message: 'Bad path' } });
    }
    const file = path.resolve(root, '.' + (rel === '/' ? '/index.html' : rel));
    // path check: nothing outside the renderer folder is ever served
    if (file !== root && !file.startsWith(root + path.sep)) return send(res, 403, { ok: false, error: { code: 'unauthorized', message: 'Outside the app' } });
    const target = fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(root, 'index.html');
    fs.readFile(target, (err, data) => {
      if (err) return send(res, 404, { ok: false, error: { code: 'not_found', message: 'Not found' } });
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(target)] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'Cache-Control': target.endsWith('index.html') ? 'no-store' : 'max-age=31536000, immutable',
      });
      res.end(data);
    });
  }

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_BODY,
    handleProtocols: (protocols) => (protocols.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
  });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // Browsers cannot set headers on a WebSocket, so the secret rides as a second subprotocol.
    const protocols = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((s) => s.trim());
    const token = protocols.find((p) => p !== WS_PROTOCOL);
    if (url.pathname !== '/api/ws' || !sameSite(req) || !authorised(token)) {
      socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  const sockets = new Set<WebSocket>();
  const unsubscribe = opts.dispatcher.subscribe((event, payload) => {
    const msg = JSON.stringify({ event, payload });
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(msg);
  });
  wss.on('connection', (ws: WebSocket) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('message', (data) => {
      let msg: { id?: unknown; method?: unknown; args?: unknown };
      try {
        msg = JSON.parse(String(data));
      } catch {
        return ws.send(JSON.stringify({ id: null, envelope: { ok: false, error: { code: 'invalid_input', message: 'Message is not JSON' } } }));
      }
      void opts.dispatcher.dispatch(String(msg?.method ?? ''), msg?.args).then((envelope) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: msg.id ?? null, envelope }));
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    appUrl: `${url}/#token=${secret}`,
    port,
    secret,
    async close() {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      // close() waits for open keep-alive connections; a browser may hold one for a long time
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function send(res: http.ServerResponse, status: number, body: Envelope): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}
