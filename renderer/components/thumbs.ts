// Products' primary-photo thumbnails for lists: every row asks for its own, and the asks of one
// moment go to the API together (photos.thumbs), kept until the product's photos change.
import { useEffect, useReducer } from 'react';
import { client } from '../api/client';

const cache = new Map<string, string | null>();
let pending = new Set<string>();
let timer: ReturnType<typeof setTimeout> | null = null;
const listeners = new Set<() => void>();
let subscribed = false;

function request(id: string): void {
  if (cache.has(id) || pending.has(id)) return;
  pending.add(id);
  timer ??= setTimeout(() => void flush(), 16);
}

async function flush(): Promise<void> {
  const ids = [...pending];
  pending = new Set();
  timer = null;
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    const found = await client.call('photos.thumbs', { productIds: chunk }).catch(() => ({}) as Record<string, string>);
    for (const id of chunk) cache.set(id, found[id] ?? null);
  }
  for (const l of listeners) l();
}

function subscribe(): void {
  if (subscribed) return;
  subscribed = true;
  client.on('photos.changed', ({ productIds }) => {
    for (const id of productIds) {
      cache.delete(id);
      request(id);
    }
  });
  client.on('data.restored', () => cache.clear());
}

/** The product's primary thumbnail (a data: URL), null when it has none, undefined while loading. */
export function useThumb(productId: string): string | null | undefined {
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    subscribe();
    listeners.add(redraw);
    request(productId);
    return () => {
      listeners.delete(redraw);
    };
  }, [productId]);
  return cache.get(productId);
}
