// The preload's API, allow-listed from the contract. Kept free of a run-time 'electron' import
// so the same object is driven over a test double of ipcRenderer in Node.
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { eventNames, methods } from '../main/common/api';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../main/electron/channels';
import type { CrossdockBridge } from './types';

const METHODS: ReadonlySet<string> = new Set(methods);
const EVENTS: ReadonlySet<string> = new Set(eventNames);

export function createPreloadApi(ipcRenderer: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): CrossdockBridge {
  // One IPC listener for all subscriptions (attached while any exist), so the renderer can
  // subscribe freely without piling listeners on the channel.
  const subscribers = new Map<string, Set<(payload: unknown) => void>>();
  let count = 0;
  const onEvent = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
    if (typeof name !== 'string') return;
    for (const cb of [...(subscribers.get(name) ?? [])]) {
      try {
        cb(payload);
      } catch (e) {
        console.error(`crossdock: a listener for ${name} failed`, e);
      }
    }
  };

  return {
    invoke(method, args) {
      if (typeof method !== 'string' || !METHODS.has(method)) {
        return Promise.resolve({ ok: false, error: { code: 'unknown_method', message: `Unknown method ${typeof method === 'string' ? method : typeof method}` } });
      }
      return ipcRenderer.invoke(INVOKE_CHANNEL, method, args ?? {}) as Promise<Awaited<ReturnType<CrossdockBridge['invoke']>>>;
    },
    on(event, cb) {
      if (typeof event !== 'string' || !EVENTS.has(event)) throw new TypeError(`Unknown event ${String(event)}`);
      if (typeof cb !== 'function') throw new TypeError('on(event, cb) needs a function');
      // Wrapped so subscribing the same function twice gives two independent subscriptions.
      const entry = (payload: unknown) => cb(payload);
      let set = subscribers.get(event);
      if (!set) subscribers.set(event, (set = new Set()));
      set.add(entry);
      if (count++ === 0) ipcRenderer.on(EVENT_CHANNEL, onEvent);
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        set.delete(entry);
        if (set.size === 0) subscribers.delete(event);
        if (--count === 0) ipcRenderer.removeListener(EVENT_CHANNEL, onEvent);
      };
    },
  };
}
