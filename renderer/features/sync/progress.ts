// The latest progress of each supplier's running sync, from sync.progress events (no transaction
// stands behind them, so they are not refetched but followed).
import { useEffect, useState } from 'react';
import type { SyncProgress } from '../../../main/common/api';
import { client } from '../../api/client';

export function useSyncProgress(): Record<string, SyncProgress> {
  const [bySupplier, setBySupplier] = useState<Record<string, SyncProgress>>({});
  useEffect(
    () =>
      client.on('sync.progress', (p) =>
        setBySupplier((cur) => {
          const next = { ...cur };
          if (p.finished) delete next[p.supplierId];
          else next[p.supplierId] = p;
          return next;
        }),
      ),
    [],
  );
  return bySupplier;
}
