// WebSocket transport to the loopback bridge (browser host and tests). One socket carries calls
// ({id, method, args} → {id, envelope}) and event pushes ({event, payload}). Calls made while the
// socket is (re)connecting wait in a queue. If the socket drops with calls in flight, reads are
// sent again; writes are not (the server may have committed them) and fail with a clear message.
import { api, isMethod } from '../../main/common/api';
import type { Transport } from '../../main/common/api/client';
import type { Envelope } from '../../main/common/api/errors';
import { setConnectionState } from './connection';

const PROTOCOL = 'crossdock.v1';
const BACKOFF_MS = [250, 500, 1000, 2000, 4000];

interface Pending {
  id: number;
  method: string;
  args: unknown;
  sent: boolean;
  resolve(env: Envelope): void;
}

export function wsTransport(token: string): Transport {
  const url = `ws://${location.host}/api/ws`;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let ws: WebSocket | null = null;
  let attempts = 0;
  let everOpened = false;
  let stopped = false;

  const isOpen = () => ws !== null && ws.readyState === WebSocket.OPEN;

  function send(p: Pending): void {
    if (!isOpen()) return;
    ws!.send(JSON.stringify({ id: p.id, method: p.method, args: p.args }));
    p.sent = true;
  }

  function connect(): void {
    setConnectionState(everOpened ? 'reconnecting' : 'connecting');
    const sock = new WebSocket(url, [PROTOCOL, token]);
    ws = sock;
    let opened = false;
    sock.onopen = () => {
      opened = true;
      everOpened = true;
      attempts = 0;
      setConnectionState('open');
      for (const p of pending.values()) if (!p.sent) send(p);
    };
    sock.onmessage = (ev) => {
      let msg: { id?: unknown; envelope?: Envelope; event?: unknown; payload?: unknown };
      try {
        msg = JSON.parse(String(ev.data));
      } catch {
        return;
      }
      if (typeof msg.event === 'string') {
        for (const cb of listeners.get(msg.event) ?? []) cb(msg.payload);
        return;
      }
      const p = typeof msg.id === 'number' ? pending.get(msg.id) : undefined;
      if (p && msg.envelope) {
        pending.delete(p.id);
        p.resolve(msg.envelope);
      }
    };
    sock.onclose = () => {
      if (ws !== sock || stopped) return;
      ws = null;
      for (const p of pending.values()) {
        if (!p.sent) continue;
        if (isMethod(p.method) && api[p.method].mode === 'read') {
          p.sent = false;
        } else {
          pending.delete(p.id);
          p.resolve({
            ok: false,
            error: { code: 'internal', message: 'The connection to Crossdock dropped before the answer came back. Check whether the change was saved before trying again.' },
          });
        }
      }
      if (!opened) void probe().then((refused) => (refused ? refuse() : retry()));
      else retry();
    };
  }

  /** A socket refused at the handshake looks like any other failure; ask over HTTP why. */
  async function probe(): Promise<boolean> {
    try {
      const res = await fetch('/api/invoke', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ method: 'settings.get', args: {} }),
      });
      return res.status === 401 || res.status === 403;
    } catch {
      return false;
    }
  }

  function refuse(): void {
    stopped = true;
    setConnectionState('unauthorized');
    for (const p of pending.values()) p.resolve({ ok: false, error: { code: 'unauthorized', message: 'Crossdock refused this page’s access token.' } });
    pending.clear();
  }

  function retry(): void {
    setConnectionState(everOpened ? 'reconnecting' : 'connecting');
    const delay = BACKOFF_MS[Math.min(attempts, BACKOFF_MS.length - 1)]!;
    attempts++;
    setTimeout(connect, delay);
  }

  connect();

  return {
    invoke(method, args) {
      if (stopped) return Promise.resolve({ ok: false, error: { code: 'unauthorized', message: 'Not connected to Crossdock.' } });
      return new Promise<Envelope>((resolve) => {
        const p: Pending = { id: nextId++, method, args, sent: false, resolve };
        pending.set(p.id, p);
        send(p);
      });
    },
    on(event, cb) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(cb);
      return () => set.delete(cb);
    },
  };
}
