// Picks the transport (Electron preload if present, else the loopback bridge) and exposes the one
// typed client the whole UI calls. startApi() must run before the router reads location.hash,
// because it strips the bridge token out of the URL.
import { createClient, type Client, type Transport } from '../../main/common/api/client';
import type { Envelope } from '../../main/common/api/errors';
import { setConnectionState } from './connection';
import { takeToken } from './token';
import { wsTransport } from './ws-transport';

declare global {
  interface Window {
    crossdock?: {
      invoke(method: string, args: unknown): Promise<Envelope>;
      on(event: string, cb: (payload: unknown) => void): () => void;
    };
  }
}

let real: Client | null = null;

/** A transport that answers every call with "not connected" (no token: nothing to talk to). */
const offline: Transport = {
  invoke: () => Promise.resolve({ ok: false, error: { code: 'unauthorized', message: 'Not connected to Crossdock.' } }),
  on: () => () => undefined,
};

export function startApi(): void {
  if (real) return;
  const preload = window.crossdock;
  if (preload) {
    setConnectionState('open');
    real = createClient({ invoke: (m, a) => preload.invoke(m, a), on: (e, cb) => preload.on(e, cb) });
    return;
  }
  const token = takeToken();
  if (!token) {
    setConnectionState('no-token');
    real = createClient(offline);
    return;
  }
  real = createClient(wsTransport(token));
}

function need(): Client {
  if (!real) startApi();
  return real!;
}

export const client: Client = {
  call: ((...args: Parameters<Client['call']>) => need().call(...args)) as Client['call'],
  on: ((...args: Parameters<Client['on']>) => need().on(...args)) as Client['on'],
};
