// The one door into core. Validates input against the contract, runs writes one at a time in an
// IMMEDIATE transaction (reads in a deferred one, for a consistent view), maps every failure to
// the contract's error shape, and emits events only after the transaction has committed. Tasks
// (talking to suppliers, backups) run outside a transaction with the services the host gave; those
// services reach core through `transact`, the same transaction-and-events path as a method.
// Imports are backed up first; while a restore replaces the data, or a big import holds its one
// long transaction, every call waits for it (but a cancel, which only signals).
import { z } from 'zod';
import { api, isMethod, type EventName, type Events, type Method } from '../common/api';
import { ApiError, type Envelope, type ErrorBody } from '../common/api/errors';
import type { Db } from '../db/open';
import type { FileStore } from '../db/store';
import { Cancelled, type Ctx, type TaskCtx } from '../core/context';
import type { HsReference } from '../core/reference/hs';
import type { Secrets } from '../core/secrets';
import { handlers } from './handlers';

export type Listener = <E extends EventName>(event: E, payload: Events[E]) => void;

/** What a transport needs of the dispatcher: calls in, events out. */
export interface Door {
  dispatch(method: string, args: unknown): Promise<Envelope>;
  subscribe(listener: Listener): () => void;
}

export interface Dispatcher extends Door {
  /** runs core code with a Ctx in a transaction and emits its events after commit (for in-process services) */
  transact<T>(fn: (ctx: Ctx) => T, mode?: 'read' | 'write'): T;
  /** an event with no transaction behind it (progress) */
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  /** runs fn while every call that arrives meanwhile waits (a restore replacing the data) */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /** one write transaction across awaits, every other call waiting meanwhile (see TaskCtx.transactLong) */
  transactLong<T>(fn: (ctx: Ctx, pause: () => Promise<void>) => Promise<T>): Promise<T>;
  cancelLong(): boolean;
}

export interface DispatcherOptions {
  db: Db;
  hs: HsReference;
  /** who is acting (the OS user unless the settings name someone) */
  actor: string;
  clock?: () => Date;
  log?: (msg: string, err: unknown) => void;
  secrets: Secrets;
  store: FileStore;
  /** the services tasks use, made once the dispatcher exists (they call back through transact) */
  services?: (d: Dispatcher) => TaskCtx;
}

export function createDispatcher(opts: DispatcherOptions): Dispatcher {
  const listeners = new Set<Listener>();
  const clock = opts.clock ?? (() => new Date());
  const log = opts.log ?? ((msg, err) => console.error(msg, err));

  function emit<E extends EventName>(event: E, payload: Events[E]): void {
    for (const l of listeners) {
      try {
        l(event, payload);
      } catch (e) {
        log(`event listener failed for ${event}`, e);
      }
    }
  }

  /** a Ctx whose events wait in `queued` for the commit */
  function ctxFor(queued: [EventName, unknown][]): Ctx {
    return {
      db: opts.db,
      actor: opts.actor,
      now: clock().toISOString(),
      hs: opts.hs,
      secrets: opts.secrets,
      store: opts.store,
      emit: (event, payload) => void queued.push([event, payload]),
    };
  }

  /** the long transaction under way, if any */
  let long: { cancelled: boolean } | null = null;

  function transact<T>(fn: (ctx: Ctx) => T, mode: 'read' | 'write' = 'write'): T {
    // only a service running beside the calls gets here while a long transaction is open (calls wait)
    if (long) throw new ApiError('conflict', 'An import is being saved; try again when it is done');
    const queued: [EventName, unknown][] = [];
    const tx = opts.db.transaction(() => fn(ctxFor(queued)));
    const result = mode === 'write' ? tx.immediate() : tx.deferred();
    for (const [event, payload] of queued) emit(event, payload as never);
    return result;
  }

  function transactLong<T>(fn: (ctx: Ctx, pause: () => Promise<void>) => Promise<T>): Promise<T> {
    return exclusive(async () => {
      const queued: [EventName, unknown][] = [];
      const state = { cancelled: false };
      const pause = async () => {
        await new Promise((resolve) => setImmediate(resolve));
        if (state.cancelled) throw new Cancelled();
      };
      opts.db.exec('BEGIN IMMEDIATE');
      long = state;
      try {
        const result = await fn(ctxFor(queued), pause);
        opts.db.exec('COMMIT');
        long = null;
        for (const [event, payload] of queued) emit(event, payload as never);
        return result;
      } catch (e) {
        if (opts.db.inTransaction) opts.db.exec('ROLLBACK');
        throw e;
      } finally {
        long = null;
      }
    });
  }

  function parse(method: Method, args: unknown): unknown {
    const parsed = api[method].input.safeParse(args ?? {});
    if (!parsed.success) throw fromZod(parsed.error);
    return parsed.data;
  }

  let tasks: TaskCtx | null = null;
  let held: Promise<void> | null = null;

  async function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    while (held) await held;
    let release!: () => void;
    held = new Promise((resolve) => (release = resolve));
    try {
      return await fn();
    } finally {
      held = null;
      release();
    }
  }

  async function run(method: Method, args: unknown): Promise<unknown> {
    const def: { mode: string; backupFirst?: boolean; immediate?: boolean } = api[method];
    const input = parse(method, args);
    if (!def.immediate) while (held) await held;
    if (def.mode === 'task') {
      if (!tasks) throw new ApiError('conflict', 'This is not available here');
      return (handlers[method] as (input: unknown, t: TaskCtx) => Promise<unknown>)(input, tasks);
    }
    if (def.backupFirst && tasks && (input as { dryRun?: boolean }).dryRun !== true) {
      await tasks.backups.beforeImport();
      while (held) await held;
    }
    const handler = handlers[method] as (input: unknown, ctx: Ctx) => unknown;
    return transact((ctx) => handler(input, ctx), def.mode as 'read' | 'write');
  }

  const dispatcher: Dispatcher = {
    async dispatch(method, args) {
      if (!isMethod(method)) return { ok: false, error: { code: 'unknown_method', message: `Unknown method ${String(method)}` } };
      try {
        return { ok: true, result: await run(method, args) };
      } catch (e) {
        return { ok: false, error: toErrorBody(e, method, log) };
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    transact,
    emit,
    exclusive,
    transactLong,
    cancelLong() {
      if (!long) return false;
      long.cancelled = true;
      return true;
    },
  };
  tasks = opts.services?.(dispatcher) ?? null;
  return dispatcher;
}

function fromZod(err: z.ZodError): ApiError {
  const issues = err.issues.map((i) => ({ field: i.path.map(String).join('.') || '(input)', message: i.message }));
  const first = issues[0]!;
  return new ApiError('invalid_input', `${first.field}: ${first.message}`, { field: first.field, issues });
}

function toErrorBody(e: unknown, method: string, log: NonNullable<DispatcherOptions['log']>): ErrorBody {
  if (e instanceof ApiError) return e.toJSON();
  if (e instanceof RangeError) return { code: 'invalid_input', message: e.message };
  const code = (e as { code?: string }).code;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE') return { code: 'conflict', message: 'That record already exists' };
  if (code === 'SQLITE_BUSY') return { code: 'conflict', message: 'The database is busy with another program; try again' };
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR' || (code && code.startsWith('SQLITE_IOERR'))) {
    return { code: 'internal', message: 'The disk is full or failing: nothing was saved. Free some space and try again.' };
  }
  log(`${method} failed`, e);
  return { code: 'internal', message: `Something went wrong in ${method}: ${(e as Error).message ?? String(e)}. Nothing was saved.` };
}
