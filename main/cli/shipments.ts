import type { Client } from '../common/api/client';
import type { ShipmentRow } from '../common/api/types';
import type { CliIo } from './index';
import { allRows, readTextArg } from './pages';
import { table } from './table';

/** Expected arrivals look this far ahead (overdue ones included). */
const ARRIVING_DAYS = 42;

/** `shipments list [--late] [--arriving] [--json]`: the board, late first, then by ETA. */
export async function shipmentsList(client: Client, io: CliIo, o: { late: boolean; arriving: boolean; json: boolean }): Promise<number> {
  const etaTo = new Date(Date.now() + ARRIVING_DAYS * 86_400_000).toISOString().slice(0, 10);
  const filter = { ...(o.late ? { late: true } : {}), ...(o.arriving ? { arriving: true, etaTo } : {}) };
  const rows = await allRows((page) => client.call('shipments.list', { ...filter, ...page }));
  if (o.json) {
    io.out(JSON.stringify(rows, null, 2));
    return 0;
  }
  if (!rows.length) {
    io.out(o.late ? 'No late shipments.' : o.arriving ? `Nothing due to arrive in the next ${ARRIVING_DAYS / 7} weeks.` : 'No shipments yet.');
    return 0;
  }
  const party = (r: ShipmentRow) =>
    r.direction === 'inbound' ? `${r.supplierName ?? '—'} → ${r.toLocationCode ?? '—'}` : r.direction === 'transfer' ? `${r.fromLocationCode ?? '—'} → ${r.toLocationCode ?? '—'}` : `${r.fromLocationCode ?? '—'} → ${r.customer ?? 'customer'}`;
  io.out(
    table(
      ['Number', 'Direction', 'Route', 'Carrier', 'Tracking', 'Status', 'ETA', ''],
      rows.map((r) => [r.number, r.direction, party(r).slice(0, 40), r.carrier ?? '—', r.trackingNumbers.join(' ') || '—', r.status.replace(/_/g, ' '), r.eta ?? '—', r.late ? 'LATE' : '']),
      [false, false, false, false, false, false, false, false],
    ),
  );
  return 0;
}

/** `tracking import FILE.csv`: tracking events (tracking_number,time,status,place,text). */
export async function trackingImport(client: Client, io: CliIo, file: string | undefined): Promise<number> {
  const text = readTextArg(io, file, 'tracking import FILE.csv   (columns: tracking_number,time,status,place,text)');
  if (text === null) return 1;
  const r = await client.call('shipments.importTracking', { text });
  io.out(`Added ${r.added} tracking events to ${r.shipmentIds.length} shipments; ${r.duplicates} already known.`);
  if (r.skipped.length) {
    io.out(`Skipped ${r.skipped.length}:`);
    for (const s of r.skipped.slice(0, 50)) io.out(`  line ${s.row}: ${s.reason}`);
    if (r.skipped.length > 50) io.out(`  … and ${r.skipped.length - 50} more`);
  }
  return r.added > 0 || r.skipped.length === 0 ? 0 : 1;
}
