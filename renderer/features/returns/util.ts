// Shared bits of the return screens: directions, statuses, reasons and cost kinds in the order
// people read them, the events a return screen follows, and who is on the other side.
import { ApiError } from '../../../main/common/api/errors';
import { returnCostKinds, returnReasons, type EventName, type ReturnDirection, type ReturnRow, type ReturnStatus } from '../../../main/common/api';

export const DIRECTIONS: ReturnDirection[] = ['from_customer', 'to_supplier'];
export const STATUSES: ReturnStatus[] = ['open', 'shipped', 'received', 'closed', 'cancelled'];
export const REASONS = returnReasons;
export const COST_KINDS = returnCostKinds;

/** A return changes with its own writes and with the stock it moves; its names come from suppliers and locations. */
export const RETURN_EVENTS: EventName[] = ['returns.changed', 'stock.changed', 'suppliers.changed', 'locations.changed'];

/** The other side of the return: the customer (or the shipment it left on), else the supplier. */
export function partyOf(r: Pick<ReturnRow, 'direction' | 'customer' | 'supplierName' | 'shipmentNumber'>): string {
  if (r.direction === 'to_supplier') return r.supplierName ?? '—';
  return r.customer ?? r.shipmentNumber ?? '—';
}

/** An API error as messages by the full path of the field they name ("lines.2.qty"), and the rest. */
export function errorsByPath(e: unknown): { fields: Record<string, string>; general: string | null } {
  if (!(e instanceof ApiError)) return { fields: {}, general: e instanceof Error ? e.message : String(e) };
  const issues = e.details?.issues ?? (e.details?.field ? [{ field: e.details.field, message: e.message }] : []);
  const fields: Record<string, string> = {};
  for (const i of issues) fields[i.field] ??= i.message;
  return { fields, general: issues.length === 0 ? e.message : null };
}

/** "3" → 3; anything else goes as typed for the contract to refuse with its message. */
export function qtyOf(text: string): number {
  const v = text.trim();
  return (/^\d+$/.test(v) ? Number(v) : v === '' ? 0 : v) as number;
}
