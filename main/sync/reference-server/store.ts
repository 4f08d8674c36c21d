// The reference supplier's own small store: its catalogue, prices and stock, the orders it has
// taken and the shipments it has sent, kept as JSON files in its data folder. Each file is written
// whole to a temporary file, flushed, then renamed over the old one, so a crash leaves either the
// old or the new contents, never half of one — an order the server accepted is on disk before it
// answers.
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
type Part = (typeof FILES)[number];

export class SupplierStore {
  private data: Files;
  /** the last time handed out: strictly increasing, so every change sorts after the ones before */
  private lastMs = 0;

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
      return new SupplierStore(dir, { catalog: existing, prices: read('prices') ?? [], stock: read('stock') ?? [], orders: read('orders') ?? [], shipments: read('shipments') ?? [] });
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

  get<K extends Part>(part: K): Files[K] {
    return this.data[part];
  }

  /** Writes one part to disk: a temporary file, flushed, then renamed over the old one. */
  save(part: Part): void {
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
    for (const part of FILES) this.save(part);
  }
}
