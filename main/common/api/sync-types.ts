// What the supplier-sync methods return (./sync.ts).

export type ConnectionKind = 'open_protocol' | 'price_list' | 'cj';
export type SyncTrigger = 'manual' | 'interval' | 'cli';
export type SyncResult = 'running' | 'ok' | 'partial' | 'failed' | 'cancelled';
export type SyncStage = 'orders' | 'catalog' | 'prices' | 'availability' | 'acknowledgements' | 'shipments';
export type OutboxState = 'queued' | 'lookup' | 'sending' | 'done' | 'rejected' | 'cancelled';
export type ChangeKind = 'price' | 'discontinued' | 'moq' | 'order_multiple' | 'lead_time';
/** an order's status at the supplier (the open protocol's; other connectors map onto it) */
export type SupplierOrderStatus = 'received' | 'accepted' | 'partially_accepted' | 'rejected' | 'shipped' | 'cancelled';

export interface SyncRun {
  id: string;
  supplierId: string;
  trigger: SyncTrigger;
  startedAt: string;
  finishedAt: string | null;
  result: SyncResult;
  /** what the run did, e.g. { ordersSent: 2, catalog: 120 } */
  counts: Record<string, number>;
  /** why it stopped short, with the supplier's name and the field at fault */
  message: string | null;
}

export interface SyncProgress {
  supplierId: string;
  stage: SyncStage;
  /** records handled so far in this stage */
  done: number;
  /** null while it is not known */
  message: string | null;
  /** set once the run is over */
  finished: SyncRun | null;
}

export interface SyncConnection {
  supplierId: string;
  supplierName: string;
  kind: ConnectionKind;
  endpoint: string;
  /** whether an API key is stored (never the key itself) */
  hasKey: boolean;
  /** where the key is kept: the OS keychain (safe) or the app's own key file (file) */
  keyStorage: 'safe' | 'file' | null;
  settings: Record<string, unknown>;
  autoSync: boolean;
  intervalMinutes: number;
  lastRun: SyncRun | null;
  lastSuccessAt: string | null;
  /** a sync is under way (its progress comes as sync.progress events) */
  running: boolean;
  outbox: { waiting: number; rejected: number; nextAt: string | null; lastError: string | null };
  pendingChanges: number;
}

export interface ConnectionTest {
  ok: boolean;
  message: string;
  /** items on the first catalogue page, when it answered */
  items: number | null;
}

export interface SyncStart {
  /** suppliers whose sync started (or ran, with wait) */
  started: string[];
  skipped: { supplierId: string; reason: string }[];
  /** with wait: each run as it ended */
  runs: SyncRun[];
}

export interface OutboxItem {
  seq: number;
  key: string;
  supplierId: string;
  supplierName: string;
  poId: string;
  poNumber: string;
  state: OutboxState;
  attempts: number;
  nextAt: string | null;
  lastError: string | null;
  remoteId: string | null;
  /** what the supplier last said about the order (accepted, partially_accepted, rejected, shipped, ...) */
  ackStatus: SupplierOrderStatus | null;
  createdAt: string;
  updatedAt: string;
  doneAt: string | null;
}

export interface SupplierAckLine {
  sku: string;
  qty: number;
  acceptedQty: number | null;
  unitPrice: string | null;
  reason: string | null;
}

/** What the supplier said about one of our purchase orders. */
export interface SupplierAck {
  remoteId: string;
  status: SupplierOrderStatus;
  lines: SupplierAckLine[];
  reasons: string[];
  updatedAt: string;
  syncedAt: string;
}

export interface PoSync {
  connected: boolean;
  outbox: OutboxItem | null;
  ack: SupplierAck | null;
  /** inbound shipments made from the supplier's shipment notices for this order */
  shipments: { id: string; number: string; status: string }[];
}

export interface CatalogChange {
  id: string;
  supplierId: string;
  supplierName: string;
  supplierProductId: string;
  sku: string;
  productId: string | null;
  productName: string | null;
  kind: ChangeKind;
  oldValue: string | null;
  newValue: string | null;
  status: 'pending' | 'applied' | 'dismissed';
  detectedAt: string;
  /** open purchase orders (sent, not yet received) that order this at the terms they were placed with */
  openOrders: string[];
}

export interface CatalogEntry {
  sku: string;
  name: string | null;
  barcode: string | null;
  status: 'active' | 'discontinued' | null;
  moq: number | null;
  orderMultiple: number | null;
  leadTimeDays: number | null;
  currency: string | null;
  unitPrice: string | null;
  breaks: { minQty: number; unitPrice: string }[];
  available: number | null;
  restockDate: string | null;
  /** the merchant's product this SKU is linked to, if any */
  productId: string | null;
  seenAt: string;
}
