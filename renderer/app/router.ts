// A tiny hash router: #/products, #/products/:id, #/stock?location=…, and so on.
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'dashboard' }
  | { name: 'products'; openNew: boolean }
  | { name: 'product'; id: string }
  | { name: 'stock'; locationId: string | null }
  | { name: 'movements'; productId: string | null; locationId: string | null }
  | { name: 'counts' }
  | { name: 'count'; id: string }
  | { name: 'locations'; openNew: boolean }
  | { name: 'suppliers' }
  | { name: 'supplier'; id: string }
  | { name: 'purchasing' }
  | { name: 'purchaseOrder'; id: string }
  | { name: 'purchaseOrderDocument'; id: string }
  | { name: 'rates' }
  | { name: 'calculator'; id: string | null }
  | { name: 'landed' }
  | { name: 'landedDoc'; id: string }
  | { name: 'customs' }
  | { name: 'shipments'; view: 'board' | 'arrivals' }
  | { name: 'shipment'; id: string }
  | { name: 'returns' }
  | { name: 'return'; id: string }
  | { name: 'sales'; view: 'orders' | 'dashboard' }
  | { name: 'salesOrder'; id: string }
  | { name: 'pickList'; ids: string[] }
  | { name: 'customers' }
  | { name: 'customer'; id: string }
  | { name: 'live' }
  | { name: 'liveSession'; id: string }
  | { name: 'liveConsole'; id: string }
  | { name: 'liveReport'; id: string }
  | { name: 'reorder'; productId: string | null }
  | { name: 'sync' }
  | { name: 'backups' }
  | { name: 'settings' }
  | { name: 'not-found'; path: string };

export type Section = 'dashboard' | 'products' | 'stock' | 'movements' | 'counts' | 'locations' | 'suppliers' | 'purchasing' | 'shipments' | 'returns' | 'sales' | 'customers' | 'live' | 'reorder' | 'sync' | 'backups' | 'calculator' | 'landed' | 'rates' | 'settings';

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [path = '/', query = ''] = raw.split('?');
  const q = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean);
  const [head, id] = parts;
  if (!head) return { name: 'dashboard' };
  if (head === 'products' && id) return { name: 'product', id: decodeURIComponent(id) };
  if (head === 'products') return { name: 'products', openNew: q.get('new') === '1' };
  if (head === 'stock') return { name: 'stock', locationId: q.get('location') };
  if (head === 'movements') return { name: 'movements', productId: q.get('product'), locationId: q.get('location') };
  if (head === 'counts' && id) return { name: 'count', id: decodeURIComponent(id) };
  if (head === 'counts') return { name: 'counts' };
  if (head === 'locations') return { name: 'locations', openNew: q.get('new') === '1' };
  if (head === 'suppliers' && id) return { name: 'supplier', id: decodeURIComponent(id) };
  if (head === 'suppliers') return { name: 'suppliers' };
  if (head === 'purchasing' && id && parts[2] === 'document') return { name: 'purchaseOrderDocument', id: decodeURIComponent(id) };
  if (head === 'purchasing' && id) return { name: 'purchaseOrder', id: decodeURIComponent(id) };
  if (head === 'purchasing') return { name: 'purchasing' };
  if (head === 'rates') return { name: 'rates' };
  if (head === 'calculator') return { name: 'calculator', id: id ? decodeURIComponent(id) : null };
  if (head === 'landed' && id) return { name: 'landedDoc', id: decodeURIComponent(id) };
  if (head === 'landed') return { name: 'landed' };
  if (head === 'customs') return { name: 'customs' };
  if (head === 'shipments' && id === 'arrivals') return { name: 'shipments', view: 'arrivals' };
  if (head === 'shipments' && id) return { name: 'shipment', id: decodeURIComponent(id) };
  if (head === 'shipments') return { name: 'shipments', view: 'board' };
  if (head === 'returns' && id) return { name: 'return', id: decodeURIComponent(id) };
  if (head === 'returns') return { name: 'returns' };
  if (head === 'sales' && id === 'dashboard') return { name: 'sales', view: 'dashboard' };
  if (head === 'sales' && id === 'pick') return { name: 'pickList', ids: (q.get('ids') ?? '').split(',').filter(Boolean) };
  if (head === 'sales' && id) return { name: 'salesOrder', id: decodeURIComponent(id) };
  if (head === 'sales') return { name: 'sales', view: 'orders' };
  if (head === 'customers' && id) return { name: 'customer', id: decodeURIComponent(id) };
  if (head === 'customers') return { name: 'customers' };
  if (head === 'live' && id && parts[2] === 'console') return { name: 'liveConsole', id: decodeURIComponent(id) };
  if (head === 'live' && id && parts[2] === 'report') return { name: 'liveReport', id: decodeURIComponent(id) };
  if (head === 'live' && id) return { name: 'liveSession', id: decodeURIComponent(id) };
  if (head === 'live') return { name: 'live' };
  if (head === 'reorder') return { name: 'reorder', productId: q.get('product') };
  if (head === 'sync') return { name: 'sync' };
  if (head === 'backups') return { name: 'backups' };
  if (head === 'settings') return { name: 'settings' };
  return { name: 'not-found', path };
}

export function sectionOf(route: Route): Section | null {
  switch (route.name) {
    case 'product':
      return 'products';
    case 'supplier':
      return 'suppliers';
    case 'count':
      return 'counts';
    case 'purchaseOrder':
    case 'purchaseOrderDocument':
      return 'purchasing';
    case 'shipment':
      return 'shipments';
    case 'return':
      return 'returns';
    case 'salesOrder':
    case 'pickList':
      return 'sales';
    case 'customer':
      return 'customers';
    case 'liveSession':
    case 'liveConsole':
    case 'liveReport':
      return 'live';
    case 'landedDoc':
    case 'customs':
      return 'landed';
    case 'not-found':
      return null;
    default:
      return route.name;
  }
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

const getHash = () => location.hash;

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, getHash);
  return parseHash(hash);
}

export function navigate(path: string): void {
  const target = '#' + path;
  if (location.hash !== target) location.hash = target;
}

/** Drops a one-shot query (?new=1) from the address without a navigation. */
export function replacePath(path: string): void {
  history.replaceState(null, '', location.pathname + location.search + '#' + path);
}

export const paths = {
  dashboard: () => '/',
  products: () => '/products',
  product: (id: string) => `/products/${encodeURIComponent(id)}`,
  stock: (locationId?: string) => (locationId ? `/stock?location=${encodeURIComponent(locationId)}` : '/stock'),
  movements: (f: { productId?: string; locationId?: string } = {}) => {
    const q = new URLSearchParams();
    if (f.productId) q.set('product', f.productId);
    if (f.locationId) q.set('location', f.locationId);
    const s = q.toString();
    return s ? `/movements?${s}` : '/movements';
  },
  counts: () => '/counts',
  count: (id: string) => `/counts/${encodeURIComponent(id)}`,
  locations: () => '/locations',
  suppliers: () => '/suppliers',
  supplier: (id: string) => `/suppliers/${encodeURIComponent(id)}`,
  purchasing: () => '/purchasing',
  purchaseOrder: (id: string) => `/purchasing/${encodeURIComponent(id)}`,
  shipments: () => '/shipments',
  arrivals: () => '/shipments/arrivals',
  landedDoc: (id: string) => `/landed/${encodeURIComponent(id)}`,
  shipment: (id: string) => `/shipments/${encodeURIComponent(id)}`,
  returns: () => '/returns',
  return: (id: string) => `/returns/${encodeURIComponent(id)}`,
  sales: () => '/sales',
  salesDashboard: () => '/sales/dashboard',
  reorder: (productId?: string) => (productId ? `/reorder?product=${encodeURIComponent(productId)}` : '/reorder'),
  salesOrder: (id: string) => `/sales/${encodeURIComponent(id)}`,
  pickList: (ids: string[]) => `/sales/pick?ids=${ids.map(encodeURIComponent).join(',')}`,
  customers: () => '/customers',
  customer: (id: string) => `/customers/${encodeURIComponent(id)}`,
  live: () => '/live',
  liveSession: (id: string) => `/live/${encodeURIComponent(id)}`,
  liveConsole: (id: string) => `/live/${encodeURIComponent(id)}/console`,
  liveReport: (id: string) => `/live/${encodeURIComponent(id)}/report`,
  settings: () => '/settings',
};
