// Connection state of the transport, as a tiny external store React can subscribe to.
import { useSyncExternalStore } from 'react';

export type ConnectionState =
  | 'connecting' // first attempt
  | 'open'
  | 'reconnecting' // dropped; retrying with backoff
  | 'unauthorized' // token refused by the bridge
  | 'no-token'; // opened without the link's #token=…

let state: ConnectionState = 'connecting';
const listeners = new Set<() => void>();

export function setConnectionState(next: ConnectionState): void {
  if (next === state) return;
  state = next;
  for (const l of listeners) l();
}

export function getConnectionState(): ConnectionState {
  return state;
}

function subscribe(cb: () => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(subscribe, getConnectionState);
}
