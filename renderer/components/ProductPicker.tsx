// Choose a product by typing part of its SKU, name or barcode.
import { useCallback } from 'react';
import { useQuery } from '../api/hooks';
import { SearchPicker, type SearchResult } from './SearchPicker';

export interface PickedProduct {
  id: string;
  sku: string;
  name: string;
}

const labelOf = (p: PickedProduct) => `${p.sku} · ${p.name}`;

interface Props {
  name: string;
  label: string;
  value: PickedProduct | null;
  onChange(p: PickedProduct | null): void;
  error?: string | undefined;
  hint?: string;
  /** leave this product out of the suggestions (a product cannot be its own parent) */
  excludeId?: string;
  status?: 'active' | 'all';
  /** offer only products that are not variants themselves (for choosing a parent) */
  topLevel?: boolean;
  className?: string;
}

export function ProductPicker({ excludeId, status = 'active', topLevel, ...props }: Props) {
  const useSearch = useCallback(
    function useProducts(q: string, enabled: boolean): SearchResult<PickedProduct> {
      const res = useQuery('products.list', { search: q, limit: 8, status, ...(topLevel ? { topLevel } : {}) }, { enabled, events: [] });
      return {
        loading: res.loading,
        items: (res.data?.rows ?? [])
          .filter((p) => p.id !== excludeId)
          .map((p) => ({ key: p.id, title: `${p.sku} · ${p.name}`, subtitle: [p.localName, p.brand].filter(Boolean).join(' · '), value: { id: p.id, sku: p.sku, name: p.name } })),
      };
    },
    [excludeId, status, topLevel],
  );
  return <SearchPicker {...props} labelOf={labelOf} useSearch={useSearch} />;
}
