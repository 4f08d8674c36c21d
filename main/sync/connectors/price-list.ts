// A supplier without an API: their price list, as a CSV or XLSX file on this computer or at a web
// address (which it is, is read from the bytes, not the name), read on each sync with the column
// mapping saved for them (or guessed from the header). An XLSX is read with read-excel-file, its
// first sheet, numbers taken as the text Excel stored (to 15 significant digits, as Excel shows). The
// whole list is one page of catalogue and one of prices; a list that has not changed since the
// last pull gives nothing. Problems are reported by line and column (a row without a usable SKU
// or price is left out; a mangled barcode is dropped from its row); the good rows are kept.
import fs from 'node:fs/promises';
import { readPriceRecords, type PriceListMapping } from '../../common/price-list';
import type { ListQuery, Outcome, SupplierConnector } from '../connector';
import type { CatalogItem, Page, Price } from '../protocol/types';
import { readTable } from '../spreadsheet';

export interface PriceListOptions {
  name: string;
  /** a web address, or a full path on this computer */
  source: string;
  /** { mapping?, decimalComma?, currency? } as saved for the supplier */
  settings: Record<string, unknown>;
  /** the supplier's own currency, for a list without a currency column */
  currency: string;
  /** the SKUs the merchant buys from this supplier: one the list no longer has is discontinued */
  skus?: string[];
  fetch: typeof fetch;
  signal?: AbortSignal;
  timeoutMs?: number;
}

interface Loaded {
  items: CatalogItem[];
  prices: Price[];
}

export class PriceListConnector implements SupplierConnector {
  private loaded: Promise<Outcome<Loaded>> | null = null;
  private notes: string[] = [];

  constructor(private readonly o: PriceListOptions) {}

  get name(): string {
    return this.o.name;
  }

  async catalogPage(q: ListQuery): Promise<Outcome<Page<CatalogItem>>> {
    return this.page(q, (l) => l.items);
  }

  async pricesPage(q: ListQuery): Promise<Outcome<Page<Price>>> {
    return this.page(q, (l) => l.prices);
  }

  drainNotes(): string[] {
    return this.notes.splice(0);
  }

  private async page<T extends { updatedAt: string }>(q: ListQuery, pick: (l: Loaded) => T[]): Promise<Outcome<Page<T>>> {
    this.loaded ??= this.load();
    const r = await this.loaded;
    if (r.kind !== 'done') return r;
    const all = pick(r.value);
    const fresh = q.cursor || (q.updatedSince && all.length && all[0]!.updatedAt <= q.updatedSince) ? [] : all;
    return { kind: 'done', value: { items: fresh, nextCursor: null } };
  }

  private async read(): Promise<Outcome<{ bytes: Uint8Array; modified: string }>> {
    const who = this.o.name;
    if (!/^[a-z]+:\/\//i.test(this.o.source)) {
      try {
        const [bytes, stat] = await Promise.all([fs.readFile(this.o.source), fs.stat(this.o.source)]);
        return { kind: 'done', value: { bytes, modified: stat.mtime.toISOString() } };
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        return code === 'ENOENT' ? { kind: 'rejected', reason: `${who}: the price list ${this.o.source} is not there`, field: 'endpoint' } : { kind: 'retry', reason: `${who}: the price list could not be read (${code ?? 'error'})`, afterMs: null };
      }
    }
    let res: Response;
    try {
      const timeout = AbortSignal.timeout(this.o.timeoutMs ?? 30_000);
      res = await this.o.fetch(this.o.source, { signal: this.o.signal ? AbortSignal.any([timeout, this.o.signal]) : timeout });
      if (res.status === 429 || res.status >= 500) return { kind: 'retry', reason: `${who}: the price list's server answered ${res.status}`, afterMs: null };
      if (!res.ok) return { kind: 'rejected', reason: `${who}: the price list's address answered ${res.status}`, field: 'endpoint' };
      const bytes = new Uint8Array(await res.arrayBuffer());
      const modified = Date.parse(res.headers.get('last-modified') ?? '');
      return { kind: 'done', value: { bytes, modified: new Date(Number.isNaN(modified) ? Date.now() : modified).toISOString() } };
    } catch {
      return { kind: 'retry', reason: `${who}: the price list could not be downloaded`, afterMs: null };
    }
  }

  private async load(): Promise<Outcome<Loaded>> {
    const r = await this.read();
    if (r.kind !== 'done') return r;
    const s = this.o.settings;
    const opts = {
      ...(s.mapping && typeof s.mapping === 'object' ? { mapping: s.mapping as PriceListMapping } : {}),
      ...(typeof s.decimalComma === 'boolean' ? { decimalComma: s.decimalComma } : {}),
    };
    const table = await readTable(r.value.bytes);
    if (table.kind === 'unreadable') return { kind: 'rejected', reason: `${this.o.name}: the price list cannot be read: ${table.problem}`, field: 'endpoint' };
    const list = readPriceRecords(table.rows, { ...opts, ...(table.kind === 'csv' ? { delimiter: table.delimiter } : {}) });
    if (list.problems.length) {
      const shown = list.problems.slice(0, 5).map((p) => `line ${p.line} ${p.column}: ${p.message}`);
      this.notes.push(`${this.o.name}: ${list.problems.length} problem${list.problems.length === 1 ? '' : 's'} in the price list — ${shown.join('; ')}${list.problems.length > 5 ? '; …' : ''}`);
    }
    if (!list.rows.length) return { kind: 'rejected', reason: `${this.o.name}: the price list has no usable rows`, field: null };
    const at = r.value.modified;
    const currency = typeof s.currency === 'string' ? s.currency : this.o.currency;
    const listed = new Set(list.rows.map((row) => row.supplierSku.toLowerCase()));
    const troubled = new Set(list.problems.flatMap((p) => (p.sku ? [p.sku.toLowerCase()] : [])));
    return {
      kind: 'done',
      value: {
        items: [
          ...list.rows.map((row) => ({
            sku: row.supplierSku,
            name: row.name ?? row.supplierSku,
            barcode: row.barcode,
            hsCode: null,
            originCountry: null,
            moq: row.moq ?? 1,
            orderMultiple: row.orderMultiple ?? 1,
            leadTimeDays: row.leadTimeDays,
            status: 'active' as const,
            updatedAt: at,
          })),
          // a SKU the merchant buys that the new list leaves out (and has no problem row for) is no longer sold
          ...(this.o.skus ?? [])
            .filter((sku) => !listed.has(sku.toLowerCase()) && !troubled.has(sku.toLowerCase()))
            .map((sku) => ({ sku, name: sku, barcode: null, hsCode: null, originCountry: null, moq: 1, orderMultiple: 1, leadTimeDays: null, status: 'discontinued' as const, updatedAt: at })),
        ],
        prices: list.rows.map((row) => ({ sku: row.supplierSku, currency: (row.currency ?? currency).toUpperCase(), unitPrice: row.unitPrice, breaks: [], updatedAt: at })),
      },
    };
  }
}
