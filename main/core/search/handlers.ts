import { listLocations } from '../../db/repos/locations';
import { findProductBy, listProducts } from '../../db/repos/products';
import type { Handlers } from '../context';
import type { SearchHit } from '../../common/api/types';

export const searchHandlers = {
  // An exact barcode (what a scanner types) comes first, then SKU/name matches, then locations.
  'search.global': ({ q, limit }, ctx) => {
    const hits: SearchHit[] = [];
    const exact = /^\d{8,14}$/.test(q) ? findProductBy(ctx.db, 'barcode', q) : null;
    if (exact) hits.push({ kind: 'product', id: exact.id, title: `${exact.sku} · ${exact.name}`, subtitle: `barcode ${exact.barcode}`, match: 'barcode' });
    for (const p of listProducts(ctx.db, { search: q, status: 'all', sort: 'sku', dir: 'asc', offset: 0, limit }).rows) {
      if (p.id !== exact?.id) hits.push({ kind: 'product', id: p.id, title: `${p.sku} · ${p.name}`, subtitle: [p.localName, p.brand, p.category].filter(Boolean).join(' · '), match: 'text' });
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
