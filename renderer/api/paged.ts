// Paged data for virtual tables: only the pages under the visible rows are fetched, so a list of
// 100,000 products costs a few requests of ~200 rows. When the filters change the cache starts
// over; when an event says the data changed, the visible pages are fetched again while the old
// rows stay on screen until the new ones arrive.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Input, Result } from '../../main/common/api';
import { ApiError } from '../../main/common/api/errors';
import { client } from './client';
import { eventsFor, useEvents } from './hooks';

export type PagedMethod = 'products.list' | 'stock.balances' | 'stock.movements' | 'sales.list';
type Params<M extends PagedMethod> = Omit<Input<M>, 'offset' | 'limit'>;
export type RowOf<M extends PagedMethod> = Result<M>['rows'][number];

export interface Paged<R> {
  /** null until the first page arrives */
  total: number | null;
  rowAt(index: number): R | undefined;
  /** tell the hook which rows are on screen */
  setRange(start: number, end: number): void;
  error: ApiError | null;
  loading: boolean;
}

export function usePaged<M extends PagedMethod>(method: M, params: Params<M>, pageSize = 200): Paged<RowOf<M>> {
  const key = JSON.stringify(params);
  const pages = useRef(new Map<number, RowOf<M>[]>());
  const stale = useRef(new Map<number, RowOf<M>[]>());
  const inflight = useRef(new Set<number>());
  const generation = useRef(0);
  const range = useRef<[number, number]>([0, pageSize]);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [, setTick] = useState(0);

  const fetchPage = useCallback(
    (page: number) => {
      if (inflight.current.has(page)) return;
      inflight.current.add(page);
      const gen = generation.current;
      const call = client.call as (m: PagedMethod, a: unknown) => Promise<Result<M>>;
      call(method, { ...JSON.parse(key), offset: page * pageSize, limit: pageSize }).then(
        (res) => {
          if (gen !== generation.current) return;
          inflight.current.delete(page);
          pages.current.set(page, res.rows);
          stale.current.delete(page);
          setTotal(res.total);
          setError(null);
          setLoading(inflight.current.size > 0);
          setTick((t) => t + 1);
        },
        (e: unknown) => {
          if (gen !== generation.current) return;
          inflight.current.delete(page);
          setError(e instanceof ApiError ? e : new ApiError('internal', String(e)));
          setLoading(false);
        },
      );
    },
    [method, key, pageSize],
  );

  const ensure = useCallback(() => {
    const [start, end] = range.current;
    const first = Math.floor(Math.max(0, start) / pageSize);
    const last = Math.floor(Math.max(start, end - 1) / pageSize);
    for (let p = first; p <= last; p++) if (!pages.current.has(p)) fetchPage(p);
  }, [fetchPage, pageSize]);

  /**
   * Start over. Either way the rows on screen stay until their replacements arrive (no flicker
   * while typing a search): after new filters only the current pages are kept as stand-ins,
   * after a data change every page seen so far is.
   */
  const reset = useCallback(
    (why: 'filters' | 'data') => {
      generation.current++;
      stale.current = why === 'data' ? new Map([...stale.current, ...pages.current]) : pages.current;
      pages.current = new Map();
      inflight.current = new Set();
      setLoading(true);
      ensure();
    },
    [ensure],
  );

  // New filters: the table scrolls itself back to the top (its resetKey), so start there.
  useEffect(() => {
    range.current = [0, pageSize];
    reset('filters');
  }, [reset, pageSize]);
  useEvents(eventsFor(method), () => reset('data'), 200);

  // Dragging the scrollbar across 100,000 rows passes many ranges; only ask for the one the
  // scrolling settles on (the backend answers one call at a time, so stale pages would queue).
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const setRange = useCallback(
    (start: number, end: number) => {
      range.current = [start, end];
      clearTimeout(timer.current);
      timer.current = setTimeout(ensure, 40);
    },
    [ensure],
  );

  const rowAt = (index: number): RowOf<M> | undefined => {
    const p = Math.floor(index / pageSize);
    const rows = pages.current.get(p) ?? stale.current.get(p);
    return rows?.[index - p * pageSize];
  };

  return { total, rowAt, setRange, error, loading };
}
