import type { Handlers } from '../context';
import * as repo from '../../db/repos/sync';
import { getConnection, listConnections, removeConnection, saveConnection } from './connections';
import { dismiss, poSync, retry } from './outbox';
import { decide } from './review';

export const syncHandlers = {
  'sync.connections': (_input, ctx) => listConnections(ctx),
  'sync.connection': (input, ctx) => getConnection(ctx, input.supplierId),
  'sync.saveConnection': (input, ctx) => saveConnection(ctx, input),
  'sync.removeConnection': (input, ctx) => removeConnection(ctx, input.supplierId),
  'sync.test': (input, t) => t.sync.test(input.supplierId),
  'sync.run': (input, t) => t.sync.run(input.supplierId ?? null, input.via === 'cli' ? 'cli' : 'manual', input.wait),
  'sync.cancel': async (input, t) => ({ cancelled: t.sync.cancel(input.supplierId) }),
  'sync.runs': (input, ctx) => repo.listRuns(ctx.db, input.supplierId ?? null, input.limit),
  'sync.outbox': (input, ctx) => repo.listOutbox(ctx.db, { supplierId: input.supplierId ?? null, state: input.state, limit: input.limit }),
  'sync.retry': (input, ctx) => retry(ctx, input),
  'sync.dismiss': (input, ctx) => dismiss(ctx, input),
  'sync.order': (input, ctx) => poSync(ctx, input.poId),
  'sync.changes': (input, ctx) => repo.listChanges(ctx.db, { supplierId: input.supplierId ?? null, status: input.status }),
  'sync.decide': (input, ctx) => decide(ctx, input),
  'sync.catalog': (input, ctx) => repo.catalogPage(ctx.db, input),
} satisfies Handlers<'sync'>;
