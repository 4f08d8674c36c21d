import { listLocations } from '../../db/repos/locations';
import { findProductBy, listProducts } from '../../db/repos/products';
import type { Handlers } from '../context';
import type { SearchHit } from '../../common/api/types';

export const searchHandlers = {
  // An exact barcode (what a scanner types) and an exact SKU come first — both, when they are two
  // products, so the caller can ask which — then SKU/name matches, then locations.
  'search.global': ({ q, limit }, ctx) => {
    const hits: SearchHit[] = [];
    const byBarcode = /^\d{8,14}$/.test(q) ? findProductBy(ctx.db, 'barcode', q) : null;
    if (byBarcode) hits.push({ kind: 'product', id: byBarcode.id, title: `${byBarcode.sku} · ${byBarcode.name}`, subtitle: `barcode ${byBarcode.barcode}`, match: 'barcode' });
    const bySku = findProductBy(ctx.db, 'sku', q);
    if (bySku && bySku.id !== byBarcode?.id) hits.push({ kind: 'product', id: bySku.id, title: `${bySku.sku} · ${bySku.name}`, subtitle: [bySku.localName, bySku.brand, bySku.category].filter(Boolean).join(' · '), match: 'sku' });
    const exact = new Set(hits.map((h) => h.id));
    for (const p of listProducts(ctx.db, { search: q, status: 'all', sort: 'sku', dir: 'asc', offset: 0, limit }).rows) {
      if (!exact.has(p.id)) hits.push({ kind: 'product', id: p.id, title: `${p.sku} · ${p.name}`, subtitle: [p.localName, p.brand, p.category].filter(Boolean).join(' · '), match: 'text' });
    }
    const needle = q.toLowerCase();
    for (const l of listLocations(ctx.db, false)) {
      if (l.code.toLowerCase().includes(needle) || l.name.toLowerCase().includes(needle)) {
        hits.push({ kind: 'location', id: l.id, title: `${l.code} · ${l.name}`, subtitle: l.kind, match: 'text' });
      }
    }
    return hits.slice(0, limit);
  },
} satisfies Handlers<'search'>;
