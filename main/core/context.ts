// What every service call gets: the database, who is acting, the call's clock, a way to queue
// events that the dispatcher emits once the transaction has committed, and the host's secrets.
// A task (a method that talks to suppliers, or works on backup files) gets no transaction: it gets the services that run
// their own small ones.
import type { Db } from '../db/open';
import type { FileStore } from '../db/store';
import type { Api, EventName, Events, Method, Parsed, Result } from '../common/api';
import type { HsReference } from './reference/hs';
import type { Secrets } from './secrets';
import type { SyncRunner } from './sync/runner';
import type { BackupService } from './backups/service';

export interface Ctx {
  db: Db;
  actor: string;
  /** one timestamp per call, so every row a call writes agrees on "now" */
  now: string;
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  hs: HsReference;
  secrets: Secrets;
  /** the content store: photos and attachments by the hash of their bytes */
  store: FileStore;
}

export interface TaskCtx {
  store: FileStore;
  /** opens a file with the system's own viewer (the desktop app); null where there is none (a browser) */
  openFile: ((file: string) => Promise<string>) | null;
  sync: SyncRunner;
  backups: BackupService;
  /** runs core code in a transaction, its events emitted after commit (as a method's) */
  transact<T>(fn: (ctx: Ctx) => T, mode?: 'read' | 'write'): T;
  /**
   * One write transaction that may take long (a big import): `pause` gives way to the event loop
   * (so progress events go out and a cancel gets in) and throws Cancelled once cancelLong was
   * called. Every other call waits until it ends. A `big` one (it pauses) stops supplier sync
   * meanwhile.
   */
  transactLong<T>(fn: (ctx: Ctx, pause: () => Promise<void>) => Promise<T>, opts?: { big?: boolean }): Promise<T>;
  /** asks the long transaction under way to stop; false when none is under way */
  cancelLong(): boolean;
  /** an event with no transaction behind it (progress) */
  emit<E extends EventName>(event: E, payload: Events[E]): void;
}

/** What `pause` throws in a long transaction that was asked to stop. */
export class Cancelled extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'Cancelled';
  }
}

export type Handler<M extends Method> = Api[M]['mode'] extends 'task' ? (input: Parsed<M>, t: TaskCtx) => Promise<Result<M>> : (input: Parsed<M>, ctx: Ctx) => Result<M>;

/** The handlers of one feature: every method whose name starts with `${P}.`. */
export type Handlers<P extends string> = { [M in Method as M extends `${P}.${string}` ? M : never]: Handler<M> };
