// Supplier connections: what kind, where, and the API key — sealed by the host's Secrets before it
// is stored, and never returned, logged or exported.
import { ApiError } from '../../common/api/errors';
import type { Parsed } from '../../common/api';
import type { SyncConnection } from '../../common/api/sync-types';
import { getSupplier } from '../../db/repos/suppliers';
import * as repo from '../../db/repos/sync';
import type { Ctx } from '../context';
import { schemeOf } from '../secrets';

function view(ctx: Ctx, c: repo.ConnectionRecord, supplierName: string): SyncConnection {
  const last = repo.lastRun(ctx.db, c.supplierId);
  return {
    supplierId: c.supplierId,
    supplierName,
    kind: c.kind,
    endpoint: c.endpoint,
    hasKey: c.secret !== null,
    keyStorage: c.secret ? schemeOf(c.secret) : null,
    settings: JSON.parse(c.settings) as Record<string, unknown>,
    autoSync: c.autoSync === 1,
    intervalMinutes: c.intervalMinutes,
    lastRun: last,
    lastSuccessAt: repo.lastSuccess(ctx.db, c.supplierId),
    running: last?.result === 'running',
    outbox: repo.outboxSummary(ctx.db, c.supplierId),
    pendingChanges: repo.pendingChangeCount(ctx.db, c.supplierId),
  };
}

export function listConnections(ctx: Ctx): SyncConnection[] {
  return repo.listConnections(ctx.db).map((c) => view(ctx, c, c.supplierName));
}

export function getConnection(ctx: Ctx, supplierId: string): SyncConnection | null {
  const c = repo.getConnection(ctx.db, supplierId);
  return c ? view(ctx, c, getSupplier(ctx.db, supplierId)!.name) : null;
}

export function saveConnection(ctx: Ctx, input: Parsed<'sync.saveConnection'>): SyncConnection {
  const supplier = getSupplier(ctx.db, input.supplierId);
  if (!supplier) throw ApiError.field('supplierId', 'No such supplier', 'not_found');
  const cur = repo.getConnection(ctx.db, input.supplierId);
  // a key is sealed here, inside the transaction: if sealing fails nothing is saved
  const secret = input.apiKey === undefined ? (cur?.secret ?? null) : input.apiKey === null ? null : ctx.secrets.seal(input.apiKey);
  if (secret === null && input.kind !== 'price_list') throw ApiError.field('apiKey', `is required to connect to ${supplier.name}`);
  const settings = JSON.stringify(input.settings ?? (cur ? JSON.parse(cur.settings) : {}));
  // another endpoint, kind or column mapping reads the catalogue anew: the next pull starts from the beginning
  if (cur && (cur.endpoint !== input.endpoint || cur.kind !== input.kind || cur.settings !== settings)) repo.clearCursors(ctx.db, input.supplierId);
  repo.saveConnection(ctx.db, {
    supplierId: input.supplierId,
    kind: input.kind,
    endpoint: input.endpoint,
    secret,
    settings,
    autoSync: (input.autoSync ?? (cur ? cur.autoSync === 1 : true)) ? 1 : 0,
    intervalMinutes: input.intervalMinutes ?? cur?.intervalMinutes ?? 60,
    createdAt: cur?.createdAt ?? ctx.now,
    updatedAt: ctx.now,
  });
  ctx.emit('sync.changed', { supplierIds: [input.supplierId] });
  return getConnection(ctx, input.supplierId)!;
}

export function removeConnection(ctx: Ctx, supplierId: string): { removed: boolean } {
  const removed = repo.deleteConnection(ctx.db, supplierId);
  repo.clearCursors(ctx.db, supplierId);
  if (removed) ctx.emit('sync.changed', { supplierIds: [supplierId] });
  return { removed };
}
