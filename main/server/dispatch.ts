// The one door into core. Validates input against the contract, runs writes one at a time in an
// IMMEDIATE transaction (reads in a deferred one, for a consistent view), maps every failure to
// the contract's error shape, and emits events only after the transaction has committed.
import { z } from 'zod';
import { api, isMethod, type EventName, type Events, type Method } from '../common/api';
import { ApiError, type Envelope, type ErrorBody } from '../common/api/errors';
import type { Db } from '../db/open';
import type { Ctx } from '../core/context';
import type { HsReference } from '../core/reference/hs';
import { handlers } from './handlers';

export type Listener = <E extends EventName>(event: E, payload: Events[E]) => void;

export interface Dispatcher {
  dispatch(method: string, args: unknown): Promise<Envelope>;
  subscribe(listener: Listener): () => void;
}

export interface DispatcherOptions {
  db: Db;
  hs: HsReference;
  /** who is acting (the OS user unless the settings name someone) */
  actor: string;
  clock?: () => Date;
  log?: (msg: string, err: unknown) => void;
}

export function createDispatcher(opts: DispatcherOptions): Dispatcher {
  const listeners = new Set<Listener>();
  const clock = opts.clock ?? (() => new Date());
  const log = opts.log ?? ((msg, err) => console.error(msg, err));

  function run(method: Method, args: unknown): unknown {
    const def = api[method];
    const parsed = def.input.safeParse(args ?? {});
    if (!parsed.success) throw fromZod(parsed.error);
    const queued: [EventName, unknown][] = [];
    const ctx: Ctx = {
      db: opts.db,
      actor: opts.actor,
      now: clock().toISOString(),
      hs: opts.hs,
      emit: (event, payload) => void queued.push([event, payload]),
    };
    const handler = handlers[method] as (input: unknown, ctx: Ctx) => unknown;
    const tx = opts.db.transaction(() => handler(parsed.data, ctx));
    const result = def.mode === 'write' ? tx.immediate() : tx.deferred();
    for (const [event, payload] of queued) {
      for (const l of listeners) {
        try {
          l(event, payload as never);
        } catch (e) {
          log(`event listener failed for ${event}`, e);
        }
      }
    }
    return result;
  }

  return {
    async dispatch(method, args) {
      if (!isMethod(method)) return { ok: false, error: { code: 'unknown_method', message: `Unknown method ${String(method)}` } };
      try {
        return { ok: true, result: run(method, args) };
      } catch (e) {
        return { ok: false, error: toErrorBody(e, method, log) };
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
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
