// What every service call gets: the database, who is acting, the call's clock, and a way to
// queue events that the dispatcher emits once the transaction has committed.
import type { Db } from '../db/open';
import type { EventName, Events, Method, Parsed, Result } from '../common/api';
import type { HsReference } from './reference/hs';

export interface Ctx {
  db: Db;
  actor: string;
  /** one timestamp per call, so every row a call writes agrees on "now" */
  now: string;
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  hs: HsReference;
}

export type Handler<M extends Method> = (input: Parsed<M>, ctx: Ctx) => Result<M>;

/** The handlers of one feature: every method whose name starts with `${P}.`. */
export type Handlers<P extends string> = { [M in Method as M extends `${P}.${string}` ? M : never]: Handler<M> };
