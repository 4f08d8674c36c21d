// Data hooks over the typed client. A query refetches when one of the contract's events says its
// data may have changed (coalesced, so a burst of stock movements costs one refetch).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventName, Input, Method, Result } from '../../main/common/api';
import { ApiError } from '../../main/common/api/errors';
import { client } from './client';

const ALL_EVENTS: EventName[] = ['products.changed', 'locations.changed', 'stock.changed', 'settings.changed'];

/** Which events can change what a method returns. */
export function eventsFor(method: Method): EventName[] {
  const feature = method.split('.')[0];
  switch (feature) {
    case 'settings':
      return ['settings.changed'];
    case 'products':
      return ['products.changed', 'stock.changed'];
    case 'locations':
      return ['locations.changed'];
    case 'stock':
      return ['stock.changed', 'products.changed', 'locations.changed'];
    case 'dashboard':
      return ALL_EVENTS;
    case 'fx':
      return ['fx.changed', 'settings.changed'];
    case 'suppliers':
      return ['suppliers.changed', 'products.changed'];
    case 'purchasing':
      return ['purchasing.changed', 'suppliers.changed', 'products.changed'];
    case 'landed':
      // documents follow the stock they revalue and the receipts they sit on
      return ['landed.changed', 'stock.changed', 'purchasing.changed', 'fx.changed'];
    case 'shipments':
      // the board names suppliers and locations; lines follow their purchase orders
      return ['shipments.changed', 'suppliers.changed', 'locations.changed', 'purchasing.changed'];
    case 'customers':
      return ['customers.changed', 'sales.changed'];
    case 'sales':
      // orders name their customers; reservations and shipping move stock
      return ['sales.changed', 'customers.changed', 'stock.changed', 'products.changed'];
    case 'live':
      // a session's counters, its orders, and the stock it holds
      return ['live.changed', 'sales.changed', 'stock.changed', 'products.changed'];
    case 'reorder':
      // a plan reads sales (demand), stock, open orders, price lists and its own rules
      return ['reorder.changed', 'sales.changed', 'stock.changed', 'purchasing.changed', 'suppliers.changed', 'products.changed', 'live.changed'];
    case 'sync':
      // connections name suppliers; the outbox follows purchase orders; notices make shipments
      return ['sync.changed', 'suppliers.changed', 'purchasing.changed', 'shipments.changed'];
    case 'backups':
      return ['backups.changed'];
    default:
      return [];
  }
}

/** Calls cb (debounced) whenever one of the events arrives. */
export function useEvents(events: readonly EventName[], cb: () => void, delayMs = 120): void {
  const cbRef = useRef(cb);
  cbRef.current = cb;
  const key = events.join(',');
  useEffect(() => {
    if (!key) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const fire = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        cbRef.current();
      }, delayMs);
    };
    const offs = key.split(',').map((e) => client.on(e as EventName, fire));
    return () => {
      offs.forEach((off) => off());
      if (timer) clearTimeout(timer);
    };
  }, [key, delayMs]);
}

export interface Query<R> {
  data: R | undefined;
  error: ApiError | null;
  loading: boolean;
  refetch(): void;
}

export interface QueryOptions {
  enabled?: boolean;
  events?: EventName[];
}

function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError('internal', e instanceof Error ? e.message : String(e));
}

/** Keeps the previous data while a new request is in flight, so screens do not flicker. */
export function useQuery<M extends Method>(method: M, args: Input<M>, opts: QueryOptions = {}): Query<Result<M>> {
  const enabled = opts.enabled ?? true;
  const key = JSON.stringify(args);
  const [state, setState] = useState<{ data: Result<M> | undefined; error: ApiError | null; loading: boolean }>({
    data: undefined,
    error: null,
    loading: enabled,
  });
  const seq = useRef(0);

  const run = useCallback(() => {
    if (!enabled) return;
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    const call = client.call as (m: Method, a: unknown) => Promise<Result<M>>;
    call(method, JSON.parse(key)).then(
      (data) => mine === seq.current && setState({ data, error: null, loading: false }),
      (e: unknown) => mine === seq.current && setState((s) => ({ data: s.data, error: asApiError(e), loading: false })),
    );
  }, [method, key, enabled]);

  useEffect(() => {
    run();
  }, [run]);
  useEvents(enabled ? (opts.events ?? eventsFor(method)) : [], run);

  return { ...state, refetch: run };
}

/** Debounces a fast-changing value (search-as-you-type). */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}
