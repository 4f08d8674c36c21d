// The reference supplier's own small store: its catalogue, prices and stock, the orders it has
// taken and the shipments it has sent, kept as JSON files in its data folder. Every change is on
// disk before the server answers: the changed records are appended to a journal and flushed (a
// small write). The JSON files are rewritten once things are quiet — each whole to a temporary
// file, flushed, then renamed over the old one — and the journal emptied; on opening, whatever the
// journal holds is replayed over them, so a crash loses nothing it answered for. Lists are kept in
// (updatedAt, key) order, the order the protocol pages them in.
import fs from 'node:fs';
import path from 'node:path';
import { seededRandom } from '../../common/random';
import type { Availability, CatalogItem, Order, OrderRequest, Price, Shipment, TrackingEvent } from '../protocol/types';

/** An order with the request it came with, to tell a repeat of its key from a different order under it. */
export interface StoredOrder extends Order {
  request: OrderRequest;
}

export interface StoredShipment extends Shipment {
  events: TrackingEvent[];
}

interface Files {
  catalog: CatalogItem[];
  prices: Price[];
  stock: Availability[];
  orders: StoredOrder[];
  shipments: StoredShipment[];
}

const FILES = ['catalog', 'prices', 'stock', 'orders', 'shipments'] as const;
/** the files are rewritten after this long without a change, and at least this often under a steady stream */
const QUIET_MS = 1000;
const MAX_DELAY_MS = 10_000;
const JOURNAL = 'journal.log';

type Keyed = { updatedAt: string; sku?: string; id?: string };
/** A record's key: its SKU in the catalogue, prices and stock; its id for orders and shipments. */
const keyOf = (part: Part) => (part === 'orders' || part === 'shipments' ? (r: Keyed) => r.id! : (r: Keyed) => r.sku!);
type Part = (typeof FILES)[number];

export class SupplierStore {
  private data: Files;
  /** the last time handed out: strictly increasing, so every change sorts after the ones before */
  private lastMs = 0;
  private readonly dirty = new Set<Part>();
  private readonly unsorted = new Set<Part>();
  private readonly indexes = new Map<Part, Map<string, unknown>>();
  private journal: number | null = null;
  private quiet: NodeJS.Timeout | null = null;
  private latest: NodeJS.Timeout | null = null;

  private constructor(
    readonly dir: string,
    data: Files,
  ) {
    this.data = data;
    for (const part of FILES) for (const r of data[part]) this.lastMs = Math.max(this.lastMs, Date.parse(r.updatedAt));
  }

  /** Opens the store in `dir`, seeding a catalogue of `items` products the first time. */
  static open(dir: string, opts: { items?: number; currency?: string } = {}): SupplierStore {
    fs.mkdirSync(dir, { recursive: true });
    const read = <K extends Part>(part: K): Files[K] | null => {
      const file = path.join(dir, `${part}.json`);
      return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Files[K]) : null;
    };
    const existing = read('catalog');
    if (existing) {
      const store = new SupplierStore(dir, { catalog: existing, prices: read('prices') ?? [], stock: read('stock') ?? [], orders: read('orders') ?? [], shipments: read('shipments') ?? [] });
      // what the journal held is written into the files at once, before the journal is emptied again
      if (store.replay()) store.flush();
      return store;
    }
    const store = new SupplierStore(dir, { catalog: [], prices: [], stock: [], orders: [], shipments: [] });
    store.seed(opts.items ?? 200, opts.currency ?? 'USD');
    return store;
  }

  /** A time for a change: now, or just after the last one. */
  stamp(): string {
    this.lastMs = Math.max(Date.now(), this.lastMs + 1);
    return new Date(this.lastMs).toISOString();
  }

  private seed(n: number, currency: string): void {
    const rnd = seededRandom(n);
    const at = this.stamp();
    for (let i = 1; i <= n; i++) {
      const sku = `SUP-${String(i).padStart(6, '0')}`;
      const cents = 150 + Math.floor(rnd() * 5000);
      this.data.catalog.push({
        sku,
        name: `Reference product ${i}`,
        barcode: null,
        hsCode: i % 3 ? '330499' : '420222',
        originCountry: i % 2 ? 'CN' : 'JP',
        moq: 1 + (i % 4) * 6,
        orderMultiple: i % 2 ? 1 : 6,
        leadTimeDays: 7 + (i % 3) * 7,
        status: 'active',
        updatedAt: at,
      });
      const price = (c: number) => (c / 100).toFixed(2);
      this.data.prices.push({ sku, currency, unitPrice: price(cents), breaks: [{ minQty: 48, unitPrice: price(Math.floor(cents * 0.9)) }], updatedAt: at });
      this.data.stock.push({ sku, available: Math.floor(rnd() * 500), restockDate: null, updatedAt: at });
    }
    this.saveAll();
  }

  /** A part's records in (updatedAt, key) order. */
  get<K extends Part>(part: K): Files[K] {
    if (this.unsorted.delete(part)) {
      const key = keyOf(part);
      (this.data[part] as Keyed[]).sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    }
    return this.data[part];
  }

  /** A part's records in no particular order (for a scan that does not page). */
  scan<K extends Part>(part: K): Files[K] {
    return this.data[part];
  }

  /** One record by its key (a SKU, or an order's or shipment's id). */
  find<K extends Part>(part: K, key: string): Files[K][number] | undefined {
    let index = this.indexes.get(part);
    if (!index || index.size !== this.data[part].length) {
      const k = keyOf(part);
      index = new Map((this.data[part] as Keyed[]).map((r) => [k(r), r]));
      this.indexes.set(part, index);
    }
    return index.get(key) as Files[K][number] | undefined;
  }

  /**
   * Records changed (their updatedAt already stamped) or added: journaled and flushed to disk now,
   * before the server answers; the part's file is rewritten when things are quiet.
   */
  put<K extends Part>(part: K, records: Files[K][number][]): void {
    this.putAll([[part, records]]);
  }

  /** Changes to several parts, journaled with one flush (an order and the stock it took). */
  putAll(changes: [Part, Keyed[]][]): void {
    const lines: string[] = [];
    for (const [part, records] of changes) {
      const key = keyOf(part);
      for (const r of records) {
        if (!this.find(part, key(r))) {
          (this.data[part] as Keyed[]).push(r);
          this.indexes.get(part)?.set(key(r), r);
        }
        lines.push(JSON.stringify({ part, record: r }) + '\n');
      }
      if (records.length) {
        this.unsorted.add(part);
        this.dirty.add(part);
      }
    }
    if (!lines.length) return;
    this.journal ??= fs.openSync(path.join(this.dir, JOURNAL), 'a');
    fs.writeSync(this.journal, lines.join(''));
    fs.fdatasyncSync(this.journal);
    // rewritten once quiet for a moment, and at least every few seconds under a steady stream
    if (this.quiet) clearTimeout(this.quiet);
    this.quiet = setTimeout(() => this.flush(), QUIET_MS);
    this.latest ??= setTimeout(() => this.flush(), MAX_DELAY_MS);
  }

  /** Rewrites every changed part now (when quiet, or on a clean shutdown), then empties the journal. */
  flush(): void {
    for (const t of [this.quiet, this.latest]) if (t) clearTimeout(t);
    this.quiet = this.latest = null;
    for (const part of this.dirty) this.write(part);
    this.dirty.clear();
    if (this.journal !== null) {
      fs.ftruncateSync(this.journal, 0);
      fs.fsyncSync(this.journal);
    }
  }

  /** Replays the journal over the files (changes made since they were last written); whether it held any. */
  private replay(): boolean {
    const file = path.join(this.dir, JOURNAL);
    if (!fs.existsSync(file)) return false;
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!line) continue;
      let entry: { part: Part; record: Keyed };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        continue; // a line cut off by a crash mid-write was never answered for
      }
      const cur = this.find(entry.part, keyOf(entry.part)(entry.record)) as Keyed | undefined;
      if (cur) Object.assign(cur, entry.record);
      else (this.data[entry.part] as Keyed[]).push(entry.record);
      this.unsorted.add(entry.part);
      this.dirty.add(entry.part);
      this.lastMs = Math.max(this.lastMs, Date.parse(entry.record.updatedAt));
    }
    return this.dirty.size > 0;
  }

  /** Writes one part to disk: a temporary file, flushed, then renamed over the old one. */
  private write(part: Part): void {
    const file = path.join(this.dir, `${part}.json`);
    const tmp = `${file}.${process.pid}.tmp`;
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeSync(fd, JSON.stringify(this.data[part]));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  }

  saveAll(): void {
    for (const part of FILES) this.write(part);
  }
}
