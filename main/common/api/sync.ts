// The contract of supplier sync (spread into the one table in ./index.ts): connections, running a
// sync, the outbox of orders waiting to go, and catalogue changes kept for review.
import { z } from './zod';
import { read, task, write } from './contract';
import * as f from './fields';
import type { Page } from './types';
import type * as S from './sync-types';

const kind = z.enum(['open_protocol', 'price_list', 'cj'], { message: 'must be open_protocol, price_list or cj' });

/** A supplier's API over https — or plain http on this computer (127.0.0.1, localhost), for tests and demos. */
export function endpointProblem(kindValue: S.ConnectionKind, endpoint: string): string | null {
  if (kindValue === 'price_list' && !/^[a-z]+:\/\//i.test(endpoint)) {
    return /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(endpoint) ? null : 'must be a web address or a full file path';
  }
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'must be a web address like https://api.example.com';
  }
  if (url.username || url.password) return 'must not carry a user name or password (put the API key in its own field)';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return null;
  return 'must start with https:// (plain http is allowed only for this computer)';
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

const line = (max: number) => z.string().trim().min(1, 'is required').max(max, `at most ${max} characters`);

/** What CJ needs to place an order: where it ships (the merchant's warehouse), how, and from where. */
export const cjSettings = z.object({
  shipTo: z.object({
    name: line(50),
    phone: z.string().trim().max(20, 'at most 20 characters').nullable().default(null),
    countryCode: f.countryCode,
    country: line(50),
    province: line(50),
    city: line(50),
    address: line(200),
    zip: z.string().trim().max(20, 'at most 20 characters').nullable().default(null),
  }),
  logisticName: line(50),
  fromCountryCode: f.countryCode,
});

const connection = z
  .object({
    supplierId: f.id,
    kind,
    endpoint: z.string().trim().min(1, 'is required').max(2000, 'at most 2,000 characters'),
    /** omitted: keep the stored key; null: forget it */
    apiKey: z.string().trim().min(1, 'is required').max(4000, 'at most 4,000 characters').nullable().optional(),
    /** the connector's own settings (a price list's column mapping) */
    settings: z.record(z.string(), z.unknown()).optional(),
    autoSync: z.boolean().optional(),
    intervalMinutes: f.positiveQty.refine((n) => n >= 5 && n <= 10080, 'between 5 minutes and 7 days').optional(),
  })
  .superRefine((c, ctx) => {
    const problem = endpointProblem(c.kind, c.endpoint);
    if (problem) ctx.addIssue({ code: 'custom', path: ['endpoint'], message: problem });
    // a CJ connection may read the catalogue only (no settings); one that orders needs them all
    if (c.kind === 'cj' && c.settings !== undefined && Object.keys(c.settings).length) {
      const checked = cjSettings.safeParse(c.settings);
      for (const i of checked.success ? [] : checked.error.issues) ctx.addIssue({ code: 'custom', path: ['settings', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], message: i.message });
    }
  });

export const syncApi = {
  /** every supplier connection with its last run, what waits in its outbox and changes to review */
  'sync.connections': read<S.SyncConnection[]>()(z.object({})),
  'sync.connection': read<S.SyncConnection | null>()(z.object({ supplierId: f.id })),
  /** connects a supplier, or changes its connection; the API key is encrypted before it is stored */
  'sync.saveConnection': write<S.SyncConnection>()(connection),
  /** disconnects a supplier; orders still waiting stay in the outbox until it is connected again */
  'sync.removeConnection': write<{ removed: boolean }>()(z.object({ supplierId: f.id })),
  /** asks the supplier for one catalogue page with the saved connection */
  'sync.test': task<S.ConnectionTest>()(z.object({ supplierId: f.id })),
  /** syncs one supplier, or every connected one; with wait, answers when the runs are over */
  'sync.run': task<S.SyncStart>()(z.object({ supplierId: f.id.optional(), wait: z.boolean().default(false), via: z.enum(['app', 'cli']).default('app') })),
  /** stops a running sync after the step under way (an order on the wire is looked up later) */
  'sync.cancel': task<{ cancelled: boolean }>()(z.object({ supplierId: f.id })),
  'sync.runs': read<S.SyncRun[]>()(z.object({ supplierId: f.id.optional(), limit: f.positiveQty.refine((n) => n <= 500, 'at most 500').default(20) })),
  /** the outbox: waiting (queued, being sent or to be looked up), rejected, done, or all */
  'sync.outbox': read<S.OutboxItem[]>()(
    z.object({
      supplierId: f.id.optional(),
      state: z.enum(['waiting', 'rejected', 'done', 'all'], { message: 'must be waiting, rejected, done or all' }).default('waiting'),
      limit: f.positiveQty.refine((n) => n <= 1000, 'at most 1,000').default(200),
    }),
  ),
  /** sends a rejected or waiting order again at the next sync (a rejected one after the merchant fixed it) */
  'sync.retry': write<S.OutboxItem>()(z.object({ seq: f.positiveQty })),
  /** stops sending an order that has not reached the supplier (queued or rejected) */
  'sync.dismiss': write<S.OutboxItem>()(z.object({ seq: f.positiveQty })),
  /** what the supplier said about a purchase order, and where it stands in the outbox */
  'sync.order': read<S.PoSync>()(z.object({ poId: f.id })),
  'sync.changes': read<S.CatalogChange[]>()(
    z.object({ supplierId: f.id.optional(), status: z.enum(['pending', 'applied', 'dismissed'], { message: 'must be pending, applied or dismissed' }).default('pending') }),
  ),
  /** applies changes to the merchant's supplier terms (never to purchase orders already placed), or dismisses them */
  'sync.decide': write<{ applied: number; dismissed: number }>()(
    z.object({ ids: z.array(f.id).min(1, 'choose at least one change').max(5000, 'at most 5,000 at once'), action: z.enum(['apply', 'dismiss'], { message: 'must be apply or dismiss' }) }),
  ),
  /** the supplier's catalogue as last synced */
  'sync.catalog': read<Page<S.CatalogEntry>>()(
    z.object({
      supplierId: f.id,
      search: z.string().trim().max(200, 'at most 200 characters').default(''),
      offset: f.nonNegativeInt.default(0),
      limit: f.positiveQty.refine((n) => n <= 500, 'at most 500').default(100),
    }),
  ),
};
