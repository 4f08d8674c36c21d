// Choose a customer by typing part of their name, handle or email.
import { useCallback } from 'react';
import { useQuery } from '../../api/hooks';
import { SearchPicker, type SearchResult } from '../../components/SearchPicker';
import { useT } from '../../i18n';

export interface PickedCustomer {
  id: string;
  name: string;
  handle: string | null;
}

const labelOf = (c: PickedCustomer) => (c.handle ? `${c.name} (@${c.handle})` : c.name);

function useCustomers(q: string, enabled: boolean): SearchResult<PickedCustomer> {
  const res = useQuery('customers.list', { q, status: 'active', limit: 8 }, { enabled, events: [] });
  return {
    loading: res.loading,
    items: (res.data?.rows ?? []).map((c) => ({ key: c.id, title: labelOf(c), subtitle: [c.email, c.country].filter(Boolean).join(' · '), value: { id: c.id, name: c.name, handle: c.handle } })),
  };
}

export function CustomerPicker(props: { name: string; label: string; value: PickedCustomer | null; onChange(c: PickedCustomer | null): void; error?: string | undefined; className?: string }) {
  const t = useT();
  const search = useCallback(useCustomers, []);
  return <SearchPicker {...props} labelOf={labelOf} useSearch={search} placeholder={t('customers.pickerHint')} />;
}
