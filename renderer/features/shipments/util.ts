// Shared bits of the shipment screens: the statuses and directions in the order people read
// them, weights, the time of an event as typed, tracking numbers, days and units.
import type { ShipmentDirection, ShipmentRow, ShipmentStatus } from '../../../main/common/api';

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

export function splitTracking(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** "2026-03-02" + 7 → "2026-03-09" (calendar days, no time zone involved). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The Monday of the week a day falls in. */
export function weekStart(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return addDays(day, -((d.getUTCDay() + 6) % 7));
}

/** "12.5" kg → 12500 g; "" → null; anything else → NaN for the API to refuse. */
export function kgToG(text: string): number | null {
  const s = text.trim().replace(',', '.');
  if (!s) return null;
  return /^\d+(\.\d{1,3})?$/.test(s) ? Math.round(Number(s) * 1000) : NaN;
}

/** "40.5" cm → 405 mm; "" → null. */
export function cmToMm(text: string): number | null {
  const s = text.trim().replace(',', '.');
  if (!s) return null;
  return /^\d+(\.\d)?$/.test(s) ? Math.round(Number(s) * 10) : NaN;
}

export const gToKg = (g: number | null): string => (g === null ? '' : String(g / 1000));
export const mmToCm = (mm: number | null): string => (mm === null ? '' : String(mm / 10));
