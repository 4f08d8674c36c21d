// Node-side clients of the loopback bridge, as a test or another local program would use it.
import WebSocket from 'ws';
import type { Transport } from '../../main/common/api/client';
import type { Envelope } from '../../main/common/api/errors';
import { WS_PROTOCOL } from '../../main/server/bridge';

export async function wsTransport(url: string, secret: string): Promise<Transport & { close(): void }> {
  const ws = new WebSocket(url.replace(/^http/, 'ws') + '/api/ws', [WS_PROTOCOL, secret], { headers: { Origin: url } });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let next = 1;
  const pending = new Map<number, (env: Envelope) => void>();
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data)) as { id?: number; envelope?: Envelope; event?: string; payload?: unknown };
    if (msg.event) for (const cb of listeners.get(msg.event) ?? []) cb(msg.payload);
    else if (msg.id !== undefined && pending.has(msg.id)) {
      pending.get(msg.id)!(msg.envelope!);
      pending.delete(msg.id);
    }
  });
  return {
    invoke(method, args) {
      const id = next++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        ws.send(JSON.stringify({ id, method, args }));
      });
    },
    on(event, cb) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(cb);
      return () => listeners.get(event)!.delete(cb);
    },
    close: () => ws.close(),
  };
}

/** Calls over HTTP POST; events (which HTTP cannot push) come over a WebSocket beside it. */
export async function httpTransport(url: string, secret: string): Promise<Transport & { close(): void }> {
  const events = await wsTransport(url, secret);
  return {
    async invoke(method, args) {
      const res = await fetch(`${url}/api/invoke`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ method, args }),
      });
      return (await res.json()) as Envelope;
    },
    on: events.on,
    close: events.close,
  };
}
