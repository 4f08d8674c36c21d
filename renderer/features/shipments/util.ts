// Shared bits of the shipment screens: the statuses and directions in the order people read
// them, weights, the time of an event as typed, and the API's field errors of a nested input.
import type { ShipmentDirection, ShipmentRow, ShipmentStatus } from '../../../main/common/api';
import { ApiError } from '../../../main/common/api/errors';
import type { FormErrors } from '../../api/errors';

export const DIRECTIONS: ShipmentDirection[] = ['inbound', 'transfer', 'outbound'];
export const STATUSES: ShipmentStatus[] = ['created', 'in_transit', 'at_customs', 'customs_held', 'out_for_delivery', 'delivered', 'exception', 'returned'];
export const INCOTERMS = ['EXW', 'FOB', 'CIF', 'DAP', 'DDP'] as const;

/** 12500 → "12.5 kg", 800 → "800 g". */
export function formatWeight(g: number | null): string {
  if (g === null) return '—';
  if (g < 1000) return `${g} g`;
  return `${(g / 1000).toLocaleString('en-GB', { maximumFractionDigits: 2 })} kg`;
}

/** Where it leaves from and where it goes, as short names. */
export function routeOf(s: Pick<ShipmentRow, 'direction' | 'supplierName' | 'fromLocationCode' | 'toLocationCode' | 'customer'>): { from: string; to: string } {
  const from = (s.direction === 'inbound' ? s.supplierName : s.fromLocationCode) ?? '—';
  const to = (s.direction === 'outbound' ? s.customer : s.toLocationCode) ?? '—';
  return { from, to };
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A time as typed: "YYYY-MM-DD HH:MM" is the user's local time and goes out as an ISO instant; a
 * bare date or anything else goes as typed, for the API to accept or explain.
 */
export function eventTime(text: string): string {
  const s = text.trim();
  const m = LOCAL.exec(s);
  if (!m) return s;
  const [, y, mo, d, h, mi, sec = '0'] = m;
  const at = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec));
  return Number.isNaN(at.getTime()) ? s : at.toISOString();
}

/** Field errors of a nested input ("events.0.at" → "at"), by the last part of their path. */
export function nestedErrors(e: unknown, known: readonly string[]): FormErrors {
  if (!(e instanceof ApiError)) return { fields: {}, general: e instanceof Error ? e.message : String(e) };
  const issues = e.details?.issues ?? (e.details?.field ? [{ field: e.details.field, message: e.message }] : []);
  const fields: Record<string, string> = {};
  const stray: string[] = [];
  for (const i of issues) {
    const name = i.field.split('.').pop() ?? i.field;
    if (known.includes(name)) fields[name] ??= i.message;
    else stray.push(i.message);
  }
  return { fields, general: Object.keys(fields).length === 0 ? e.message : stray.length ? stray.join('; ') : null };
}

export function splitTracking(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
