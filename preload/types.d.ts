// What the preload exposes to the renderer as `window.crossdock` (absent outside Electron, e.g.
// in the browser build served by the standalone host). It is structurally a Transport
// (main/common/api/client.ts), so the renderer can pass it to createClient as is.
import type { Envelope } from '../main/common/api/errors';

export interface CrossdockBridge {
  /** Calls one contract method; resolves with its envelope (unknown names: an unknown_method error, without IPC). */
  invoke(method: string, args: unknown): Promise<Envelope>;
  /** Subscribes to one contract event; the callback gets the payload only. Returns an unsubscribe. */
  on(event: string, cb: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    crossdock?: CrossdockBridge;
  }
}
