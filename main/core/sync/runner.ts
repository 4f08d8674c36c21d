// The sync runner (DESIGN.md §6): for one supplier at a time (never two syncs of the same supplier),
// send what waits in the outbox, in order, then pull catalogue, prices, availability, what the
// supplier says about our orders, and their shipments. Network calls happen between small
// transactions: an order is marked "sending" (committed) before it goes, so an app killed while it
// is on the wire looks it up by its key on restart instead of sending it twice; every pulled page
// is applied together with the cursor that follows it, so an interrupted pull resumes where it
// stopped. Runs are cancellable, report progress as events, and are scheduled on an interval —
// never while the computer is offline (a supplier on this computer itself is always reachable).
import type { EventName, Events } from '../../common/api';
import { ApiError } from '../../common/api/errors';
import { isLoopbackHost } from '../../common/api/sync';
import type { ConnectionTest, SyncProgress, SyncResult, SyncRun, SyncStage, SyncStart, SyncTrigger } from '../../common/api/sync-types';
import { getSupplier } from '../../db/repos/suppliers';
import * as repo from '../../db/repos/sync';
import type { ListQuery, Outcome, SupplierConnector } from '../../sync/connector';
import { OpenProtocolConnector } from '../../sync/connectors/open-protocol';
import { PriceListConnector } from '../../sync/connectors/price-list';
import { CjConnector, newCjSession, type CjSession, type CjSettings } from '../../sync/connectors/cj';
import { afterLookup, afterSend, backoffMs, type OutboxState } from '../../sync/outbox-policy';
import type { Order, OrderRequest, Page, Shipment, TrackingEvent } from '../../sync/protocol/types';
import type { Ctx } from '../context';
import { uuidv7 } from '../ids';
import type { Secrets } from '../secrets';
import { applyAvailability, applyCatalog, applyOrders, applyPrices, applyShipment } from './apply';

export type Transact = <T>(fn: (ctx: Ctx) => T, mode?: 'read' | 'write') => T;

export interface SyncRunnerOptions {
  transact: Transact;
  emit: <E extends EventName>(event: E, payload: Events[E]) => void;
  secrets: Secrets;
  fetch?: typeof fetch;
  clock?: () => Date;
  /** whether the computer has a network (Electron's net.isOnline; a network interface elsewhere) */
  isOnline?: () => boolean;
  random?: () => number;
  /** how long one request may take */
  timeoutMs?: number;
  /** records per page asked for */
  pageSize?: number;
  /** orders on the wire at once per supplier (default 8) */
  inFlight?: number;
  /** the least time between two calls to CJ (default about a second, as CJ allows) */
  cjSpacingMs?: number;
  log?: (msg: string, err: unknown) => void;
}

export interface SyncRunner {
  run(supplierId: string | null, trigger: SyncTrigger, wait: boolean): Promise<SyncStart>;
  cancel(supplierId: string): boolean;
  test(supplierId: string): Promise<ConnectionTest>;
  /** recovers what a stopped app left half done, then syncs on each connection's interval */
  startSchedule(tickMs?: number): void;
  /** something may be waiting to go (an order was queued or retried): on schedule, send it now */
  nudge(): void;
  /** stops the schedule and every run, and waits for them to end */
  stop(): Promise<void>;
  /** stops as stop() does; the function it returns starts the schedule again if it was running */
  pause(): Promise<() => void>;
}

/** How a stage ended: went through; stopped by the supplier being unreachable or busy (the rest of the run waits too); or refused. */
type StageEnd = { kind: 'ok'; idle?: boolean } | { kind: 'retry'; reason: string } | { kind: 'rejected'; reason: string } | { kind: 'cancelled' };

class Cancelled extends Error {}

interface Claimed {
  item: repo.OutboxRecord;
  /** its fate is unknown (it may have arrived): ask for it by its key before sending */
  lookupFirst: boolean;
}

/** A shipment notice with its tracking, as one record of a pulled page. */
interface ShipmentNotice {
  shipment: Shipment;
  events: TrackingEvent[];
  updatedAt: string;
}

interface Attempt {
  item: repo.OutboxRecord;
  /** a request to place it left this time (not only a lookup) */
  sent: boolean;
  state: OutboxState;
  order: Order | null;
}

export function createSyncRunner(o: SyncRunnerOptions): SyncRunner {
  const fetchImpl = o.fetch ?? fetch;
  const clock = o.clock ?? (() => new Date());
  const random = o.random ?? Math.random;
  const pageSize = o.pageSize ?? 500;
  const inFlight = o.inFlight ?? 8;
  const running = new Map<string, { controller: AbortController; done: Promise<SyncRun> }>();
  let recovered = false;
  let timer: NodeJS.Timeout | null = null;
  let scheduleMs = 60_000;
  let nudged = false;
  /** suppliers the schedule leaves alone until then (ms): just failed, or nothing to send */
  const quietUntil = new Map<string, number>();
  /** CJ's tokens and call spacing, per supplier, for the app's lifetime (never stored) */
  const cjSessions = new Map<string, CjSession>();

  /** Before this long ago, no order can still be on the wire (requests time out sooner). */
  const stale = () => new Date(clock().getTime() - STALE_MS).toISOString();

  /**
   * What a stopped Crossdock left half done: orders it had on the wire are looked up; the app (not
   * a command run beside it) also closes the runs it left open.
   */
  function recover(app: boolean): void {
    if (recovered) return;
    recovered = true;
    o.transact((ctx) => {
      repo.recoverSending(ctx.db, ctx.now, stale());
      if (app) repo.abandonRuns(ctx.db, ctx.now);
    }, 'write');
  }

  function connectorFor(conn: repo.ConnectionRecord, supplier: { name: string; currency: string }, signal: AbortSignal): SupplierConnector {
    const name = supplier.name;
    const apiKey = conn.secret ? o.secrets.open(conn.secret) : '';
    const common = { name, fetch: fetchImpl, signal, ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}) };
    const skus = () => o.transact((ctx) => repo.supplierSkus(ctx.db, conn.supplierId), 'read');
    switch (conn.kind) {
      case 'open_protocol':
        return new OpenProtocolConnector({ ...common, baseUrl: conn.endpoint, apiKey });
      case 'price_list':
        return new PriceListConnector({ ...common, source: conn.endpoint, settings: JSON.parse(conn.settings) as Record<string, unknown>, currency: supplier.currency, skus: skus() });
      case 'cj': {
        let session = cjSessions.get(conn.supplierId);
        if (!session) cjSessions.set(conn.supplierId, (session = newCjSession()));
        return new CjConnector({ ...common, baseUrl: conn.endpoint, apiKey, settings: JSON.parse(conn.settings) as Partial<CjSettings>, skus: skus(), session, ...(o.cjSpacingMs !== undefined ? { spacingMs: o.cjSpacingMs } : {}) });
      }
    }
  }

  function reachable(conn: repo.ConnectionRecord): boolean {
    if (conn.kind === 'price_list' && !/^[a-z]+:\/\//i.test(conn.endpoint)) return true;
    try {
      if (isLoopbackHost(new URL(conn.endpoint).hostname)) return true;
    } catch {
      return false;
    }
    return o.isOnline ? o.isOnline() : true;
  }

  async function syncOne(supplierId: string, trigger: SyncTrigger, signal: AbortSignal, only: 'all' | 'orders'): Promise<SyncRun> {
    const runId = uuidv7();
    const setup = o.transact((ctx) => {
      const conn = repo.getConnection(ctx.db, supplierId);
      const supplier = getSupplier(ctx.db, supplierId);
      if (!conn || !supplier) return null;
      repo.startRun(ctx.db, { id: runId, supplierId, trigger, scope: only, startedAt: ctx.now });
      ctx.emit('sync.changed', { supplierIds: [supplierId] });
      return { conn, supplier };
    }, 'write');
    if (!setup) throw new ApiError('not_found', 'That supplier is not connected');
    const { conn, supplier } = setup;
    const counts: Record<string, number> = {};
    const notes: string[] = [];
    const add = (k: string, n: number) => (counts[k] = (counts[k] ?? 0) + n);
    const progress = (stage: SyncStage, done: number, message: string | null = null) =>
      o.emit('sync.progress', { supplierId, stage, done, message, finished: null } satisfies SyncProgress);
    const settings = JSON.parse(conn.settings) as { receiveAt?: string };

    let result: SyncResult = 'ok';
    try {
      const c = connectorFor(conn, supplier, signal);
      const stages: [SyncStage, () => Promise<StageEnd>][] = [];
      if (c.placeOrder && c.findOrder) stages.push(['orders', () => drain(c, supplierId, signal, add, progress)]);
      if (only === 'all') {
        stages.push(['catalog', () => pull(supplierId, 'catalog', signal, (q) => c.catalogPage(q), (ctx, items) => applyCatalog(ctx, supplierId, items, supplier.leadTimeDays), add, progress)]);
        if (c.pricesPage)
          stages.push(['prices', () => pull(supplierId, 'prices', signal, (q) => c.pricesPage!(q), (ctx, items) => add('foreignPrices', applyPrices(ctx, supplierId, supplier.currency, items)), add, progress)]);
        if (c.availabilityPage) stages.push(['availability', () => pull(supplierId, 'availability', signal, (q) => c.availabilityPage!(q), (ctx, items) => applyAvailability(ctx, supplierId, items), add, progress)]);
        if (c.ordersPage) stages.push(['acknowledgements', () => pull(supplierId, 'orders', signal, (q) => c.ordersPage!(q), (ctx, items) => add('orderUpdates', applyOrders(ctx, supplierId, items)), null, progress)]);
        if (c.shipmentsPage) {
          const receiveAt = settings.receiveAt ?? null;
          const apply = (ctx: Ctx, items: ShipmentNotice[]) => {
            for (const { shipment, events } of items) {
              const a = applyShipment(ctx, supplierId, shipment, events, receiveAt);
              if (a.kind === 'skipped') notes.push(a.reason);
              else if (a.kind !== 'unchanged') add(a.kind === 'created' ? 'shipmentsCreated' : 'shipmentsUpdated', 1);
            }
          };
          stages.push(['shipments', () => pull(supplierId, 'shipments', signal, (q) => noticesPage(c, q, signal), apply, null, progress)]);
        }
      }
      let failed = 0;
      let completed = 0;
      for (const [stage, go] of stages) {
        const end = await go();
        notes.push(...(c.drainNotes?.() ?? []));
        if (signal.aborted || end.kind === 'cancelled') throw new Cancelled();
        if (end.kind === 'ok') {
          // an outbox with nothing to send says nothing about whether the supplier could be reached
          if (!end.idle) completed++;
          continue;
        }
        failed++;
        notes.push(`${stageName(stage)}: ${end.reason}`);
        // unreachable, rate-limited or failing: the rest waits for the next sync too
        if (end.kind === 'retry') break;
      }
      result = failed === 0 ? 'ok' : completed === 0 ? 'failed' : 'partial';
    } catch (e) {
      if (e instanceof Cancelled || signal.aborted) result = 'cancelled';
      else {
        result = 'failed';
        notes.push(e instanceof ApiError ? e.message : `${supplier.name}: ${(e as Error).message}`);
      }
    }
    const run = o.transact((ctx) => {
      repo.finishRun(ctx.db, { id: runId, finishedAt: ctx.now, result, counts, message: notes.length ? notes.join('\n') : null });
      ctx.emit('sync.changed', { supplierIds: [supplierId] });
      return repo.getRun(ctx.db, runId)!;
    }, 'write');
    o.emit('sync.progress', { supplierId, stage: 'orders', done: 0, message: null, finished: run });
    return run;
  }

  /**
   * Sends the supplier's waiting orders, started in sequence with up to `inFlight` on the wire at
   * once (each under its own key, so the supplier takes each once whatever the order of arrival).
   * Orders are marked "sending" (committed) before they go, several in one transaction, and their
   * outcomes are committed together as they come back. An order waiting out a back-off holds back
   * the ones after it; an answer that says "not now" (unreachable, 429, 5xx) stops new sends, and
   * those on the wire finish.
   */
  async function drain(c: SupplierConnector, supplierId: string, signal: AbortSignal, add: (k: string, n: number) => void, progress: (s: SyncStage, n: number) => void): Promise<StageEnd> {
    const flying = new Map<number, Promise<void>>();
    const landed: Attempt[] = [];
    let stop: StageEnd | null = null;
    let handled = 0;
    const window = Math.min(inFlight, c.maxInFlight ?? inFlight);
    try {
      for (;;) {
        const batch = landed.splice(0);
        for (const a of batch) {
          if (a.state.state === 'done') add(a.sent ? 'ordersSent' : 'ordersFound', 1);
          if (a.state.state === 'rejected') add('ordersRejected', 1);
          if (a.state.state === 'retry' && !stop) stop = { kind: 'retry', reason: a.state.reason };
        }
        const room = stop || signal.aborted ? 0 : window - flying.size;
        // what came back and what goes next, committed together: one transaction per turn
        const claimed = batch.length || room ? o.transact((ctx) => (settle(ctx, supplierId, batch), claim(ctx, supplierId, flying, room)), 'write') : [];
        if (batch.length) progress('orders', (handled += batch.length));
        for (const one of claimed) {
          flying.set(
            one.item.seq,
            attempt(c, one).then((a) => {
              landed.push(a);
              flying.delete(one.item.seq);
            }),
          );
        }
        if (!flying.size) break;
        await Promise.race(flying.values());
        // whatever else came back meanwhile is committed in the same transaction
        await new Promise((r) => setImmediate(r));
      }
    } catch (e) {
      // the orders on the wire finish first: those not settled stay 'sending' and are looked up later
      await Promise.allSettled(flying.values());
      throw e;
    }
    return signal.aborted ? { kind: 'cancelled' } : (stop ?? { kind: 'ok', idle: handled === 0 });
  }

  /**
   * The next orders to go, in sequence, up to `room`: those to send are marked "sending" (with their
   * attempt counted) in one committed transaction before any request leaves; those whose fate is
   * unknown are looked up first. Stops at an order that is not due yet.
   */
  function claim(ctx: Ctx, supplierId: string, flying: Map<number, unknown>, room: number): Claimed[] {
    const out: Claimed[] = [];
    if (!room) return out;
    const fresh = stale();
    for (const item of repo.waitingOrders(ctx.db, supplierId, flying.size + room + 16)) {
      // on the wire here, or (marked moments ago) in another Crossdock on the same file
      if (flying.has(item.seq) || (item.state === 'sending' && item.updatedAt >= fresh)) continue;
      if (item.nextAt && Date.parse(item.nextAt) > clock().getTime()) break;
      if (item.state === 'queued') {
        item.attempts++;
        repo.setOutbox(ctx.db, { ...item, state: 'sending', nextAt: null, at: ctx.now });
        out.push({ item, lookupFirst: false });
      } else out.push({ item, lookupFirst: true });
      if (out.length === room) break;
    }
    return out;
  }

  /** One order on the wire: looked up first when it may already be there, else sent. */
  async function attempt(c: SupplierConnector, { item, lookupFirst }: Claimed): Promise<Attempt> {
    let state: OutboxState = { state: 'send' };
    let order: Order | null = null;
    if (lookupFirst) {
      const found = await c.findOrder!(item.key, JSON.parse(item.payload) as OrderRequest);
      state = afterLookup(found, item.attempts, clock().getTime(), random);
      if (found.kind === 'done' && found.value) order = found.value;
      if (state.state !== 'send') return { item, sent: false, state, order };
      // not there: it is sent now, marked first like any other
      item.attempts++;
      o.transact((ctx) => repo.setOutbox(ctx.db, { ...item, state: 'sending', nextAt: null, at: ctx.now }), 'write');
    }
    const answer = await c.placeOrder!(item.key, JSON.parse(item.payload) as OrderRequest);
    return { item, sent: true, state: afterSend(answer, item.attempts, clock().getTime(), random), order: answer.kind === 'done' ? answer.value : null };
  }

  /** Records what came back for a batch of orders. */
  function settle(ctx: Ctx, supplierId: string, batch: Attempt[]): void {
    if (!batch.length) return;
    for (const { item, state, order } of batch) {
      const base = { seq: item.seq, attempts: item.attempts, remoteId: order?.id ?? null, at: ctx.now };
      switch (state.state) {
        case 'done':
          repo.setOutbox(ctx.db, { ...base, state: 'done', nextAt: null, lastError: null });
          if (order) applyOrders(ctx, supplierId, [order]);
          break;
        case 'rejected':
          repo.setOutbox(ctx.db, { ...base, state: 'rejected', nextAt: null, lastError: state.reason });
          break;
        case 'lookup':
          // asked for at once the first time; an order whose answers keep getting lost backs off
          repo.setOutbox(ctx.db, { ...base, state: 'lookup', nextAt: item.attempts > 1 ? new Date(clock().getTime() + backoffMs(item.attempts, random)).toISOString() : null, lastError: state.reason });
          break;
        case 'retry':
          repo.setOutbox(ctx.db, { ...base, state: state.then === 'lookup' ? 'lookup' : 'queued', nextAt: new Date(state.at).toISOString(), lastError: state.reason });
          break;
        case 'send':
          break;
      }
    }
    const placed = batch.filter((a) => a.state.state === 'done').map((a) => a.item.poId);
    if (placed.length) ctx.emit('purchasing.changed', { ids: placed });
    ctx.emit('sync.changed', { supplierIds: [supplierId] });
  }

  /** Pages through one stream from its saved cursor, each page applied with the cursor after it. */
  async function pull<T extends { updatedAt: string }>(
    supplierId: string,
    stream: repo.Stream,
    signal: AbortSignal,
    page: (q: ListQuery) => Promise<Outcome<Page<T>>>,
    apply: (ctx: Ctx, items: T[]) => void,
    /** counts the records pulled under the stream's name (null: apply counts what matters) */
    add: ((k: string, n: number) => void) | null,
    progress: (s: SyncStage, n: number) => void,
  ): Promise<StageEnd> {
    const stage = STAGE[stream];
    const { cursor: saved, since } = o.transact((ctx) => repo.getCursor(ctx.db, supplierId, stream), 'read');
    let cursor = saved;
    let newest = since;
    let done = 0;
    for (;;) {
      if (signal.aborted) return { kind: 'cancelled' };
      const r = await page({ cursor, updatedSince: since, limit: pageSize });
      if (r.kind !== 'done') return r.kind === 'retry' ? { kind: 'retry', reason: r.reason } : { kind: 'rejected', reason: r.reason };
      const next = r.value.nextCursor;
      // a list that keeps giving the same page would be read for ever: refused before anything is kept
      if (next !== null && next === cursor) return { kind: 'rejected', reason: `the ${stream} list gave the same page twice in a row` };
      for (const it of r.value.items) if (newest === null || it.updatedAt > newest) newest = it.updatedAt;
      o.transact((ctx) => {
        apply(ctx, r.value.items);
        // while paging, the cursor; at the end, the newest change held becomes the next pull's start
        repo.saveCursor(ctx.db, { supplierId, stream, cursor: next, since: next ? since : newest, at: ctx.now });
        if (r.value.items.length) ctx.emit('sync.changed', { supplierIds: [supplierId] });
      }, 'write');
      done += r.value.items.length;
      add?.(stream, r.value.items.length);
      progress(stage, done);
      if (!next) return { kind: 'ok' };
      cursor = next;
    }
  }

  /** A page of shipment notices, each with its tracking events (fetched before the page is applied). */
  async function noticesPage(c: SupplierConnector, q: ListQuery, signal: AbortSignal): Promise<Outcome<Page<ShipmentNotice>>> {
    const r = await c.shipmentsPage!({ ...q, limit: Math.min(q.limit ?? pageSize, 100) });
    if (r.kind !== 'done') return r;
    const items: ShipmentNotice[] = [];
    for (const shipment of r.value.items) {
      if (signal.aborted) return { kind: 'retry', reason: 'cancelled', afterMs: null };
      const ev: Outcome<TrackingEvent[]> = c.trackingEvents ? await c.trackingEvents(shipment.id) : { kind: 'done', value: [] };
      if (ev.kind === 'retry' || ev.kind === 'unknown') return { kind: 'retry', reason: ev.reason, afterMs: ev.kind === 'retry' ? ev.afterMs : null };
      // tracking refused for one shipment: the notice is kept without it, the page goes on
      items.push({ shipment, events: ev.kind === 'done' ? ev.value : [], updatedAt: shipment.updatedAt });
    }
    return { kind: 'done', value: { items, nextCursor: r.value.nextCursor } };
  }

  function launch(supplierId: string, trigger: SyncTrigger, only: 'all' | 'orders'): Promise<SyncRun> {
    const controller = new AbortController();
    const done = syncOne(supplierId, trigger, controller.signal, only).then(
      (run) => {
        running.delete(supplierId);
        const moved = (run.counts.ordersSent ?? 0) + (run.counts.ordersFound ?? 0) + (run.counts.ordersRejected ?? 0) > 0;
        // a supplier that could not be reached, or had nothing to take, is left alone until the
        // next tick (no run after run); after progress, orders queued meanwhile go now
        if (run.result !== 'ok' || (only === 'orders' && !moved)) quietUntil.set(supplierId, clock().getTime() + QUIET_MS);
        else if (!controller.signal.aborted && timer) setImmediate(drainDue);
        return run;
      },
      (e: unknown) => {
        running.delete(supplierId);
        quietUntil.set(supplierId, clock().getTime() + QUIET_MS);
        throw e;
      },
    );
    running.set(supplierId, { controller, done });
    return done;
  }

  function connections(supplierId: string | null): repo.ConnectionRecord[] {
    return o.transact((ctx) => (supplierId ? [repo.getConnection(ctx.db, supplierId)].filter((c): c is repo.ConnectionRecord => c !== null) : repo.listConnections(ctx.db)), 'read');
  }

  /** Scheduled work never throws out of a timer: a failure (the database closing as the app quits) waits for the next tick. */
  function scheduled(work: () => void): void {
    if (!timer) return;
    try {
      work();
    } catch (e) {
      o.log?.('scheduled supplier sync failed', e);
    }
  }

  function drainDue(): void {
    scheduled(() => {
      const due = o.transact((ctx) => repo.suppliersWithDueOrders(ctx.db, ctx.now, stale()), 'read');
      const now = clock().getTime();
      for (const c of connections(null)) {
        if (!c.autoSync || !due.includes(c.supplierId) || running.has(c.supplierId) || (quietUntil.get(c.supplierId) ?? 0) > now || !reachable(c)) continue;
        void launch(c.supplierId, 'interval', 'orders').catch(() => undefined);
      }
    });
  }

  function tick(): void {
    scheduled(() => {
      const now = clock().getTime();
      for (const c of connections(null)) {
        if (!c.autoSync || running.has(c.supplierId) || !reachable(c)) continue;
        // from the last whole sync: runs that only sent an order do not put the catalogue off
        const last = o.transact((ctx) => repo.lastFullRunAt(ctx.db, c.supplierId), 'read');
        if (!last || Date.parse(last) + c.intervalMinutes * 60_000 <= now) void launch(c.supplierId, 'interval', 'all').catch(() => undefined);
      }
    });
    drainDue();
  }

  const runner: SyncRunner = {
    async run(supplierId, trigger, wait) {
      recover(false);
      const list = connections(supplierId);
      if (supplierId && !list.length) throw ApiError.field('supplierId', 'That supplier is not connected', 'not_found');
      const out: SyncStart = { started: [], skipped: [], runs: [] };
      const pending: Promise<SyncRun>[] = [];
      for (const c of list) {
        if (running.has(c.supplierId)) out.skipped.push({ supplierId: c.supplierId, reason: 'a sync of this supplier is already under way' });
        else if (!reachable(c)) out.skipped.push({ supplierId: c.supplierId, reason: 'this computer is offline; it will sync when it is back online' });
        else {
          out.started.push(c.supplierId);
          pending.push(launch(c.supplierId, trigger, 'all'));
        }
      }
      if (wait) out.runs = await Promise.all(pending);
      else pending.forEach((p) => p.catch(() => undefined));
      return out;
    },
    cancel(supplierId) {
      const r = running.get(supplierId);
      r?.controller.abort();
      return !!r;
    },
    async test(supplierId) {
      const conn = connections(supplierId)[0];
      if (!conn) throw ApiError.field('supplierId', 'That supplier is not connected', 'not_found');
      const supplier = o.transact((ctx) => getSupplier(ctx.db, supplierId)!, 'read');
      const name = supplier.name;
      if (!reachable(conn)) return { ok: false, message: 'This computer is offline.', items: null };
      let c: SupplierConnector;
      try {
        c = connectorFor(conn, supplier, AbortSignal.timeout(o.timeoutMs ?? 30_000));
      } catch (e) {
        return { ok: false, message: (e as Error).message, items: null };
      }
      const r = await c.catalogPage({ cursor: null, updatedSince: null, limit: 1 });
      if (r.kind === 'done') return { ok: true, message: `${name} answered: the catalogue can be read.`, items: r.value.items.length };
      return { ok: false, message: r.reason, items: null };
    },
    startSchedule(tickMs = 60_000) {
      recover(true);
      if (timer) return;
      scheduleMs = tickMs;
      timer = setInterval(tick, tickMs);
      timer.unref();
      setImmediate(tick);
    },
    nudge() {
      if (!timer || nudged) return;
      nudged = true;
      setTimeout(() => {
        nudged = false;
        drainDue();
      }, NUDGE_MS).unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      const all = [...running.values()];
      all.forEach((r) => r.controller.abort());
      await Promise.allSettled(all.map((r) => r.done));
    },
    async pause() {
      const wasScheduled = timer !== null;
      await runner.stop();
      return () => {
        if (wasScheduled) runner.startSchedule(scheduleMs);
      };
    },
  };
  return runner;
}

/** how long after an order is queued the schedule sends it (a burst of orders goes together) */
const NUDGE_MS = 300;
/** how long the schedule leaves a supplier alone after a run that failed or had nothing to send */
const QUIET_MS = 60_000;
/** an order marked "sending" longer ago than this is no longer on the wire anywhere */
const STALE_MS = 2 * 60_000;

const STAGE: Record<repo.Stream, SyncStage> = { catalog: 'catalog', prices: 'prices', availability: 'availability', orders: 'acknowledgements', shipments: 'shipments' };

function stageName(s: SyncStage): string {
  return { orders: 'Sending orders', catalog: 'Catalogue', prices: 'Prices', availability: 'Availability', acknowledgements: 'Order updates', shipments: 'Shipments' }[s];
}
