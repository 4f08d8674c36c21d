// Tracking events: entered by hand or imported from a CSV. An event heard twice is kept once (the
// database's UNIQUE key is the timeline's own event key), one dated more than five minutes ahead
// of now is refused, and the shipment's status is recomputed from its whole timeline, so a late
// old scan changes nothing.
import { ApiError } from '../../common/api/errors';
import type { Parsed } from '../../common/api';
import type { ShipmentEventsResult, ShipmentStatus, TrackingImportReport } from '../../common/api/types';
import { checkTracking, currentStatus, eventKey, type TrackingEvent } from '../../common/calc/shipping';
import { parseCsv } from '../../common/csv';
import * as repo from '../../db/repos/shipments';
import type { Ctx } from '../context';
import { uuidv7 } from '../ids';
import { get, load } from './service';

/** How far ahead of now an event may be dated (clocks differ a little). */
const FUTURE_SLACK_MS = 5 * 60_000;

const STATUSES: readonly ShipmentStatus[] = ['created', 'in_transit', 'at_customs', 'customs_held', 'out_for_delivery', 'delivered', 'exception', 'returned'];

/** Words carriers and forwarders use for the normalised statuses (after lower-casing and joining words with _). */
const STATUS_WORDS: Record<string, ShipmentStatus> = {
  label_created: 'created',
  info_received: 'created',
  picked_up: 'in_transit',
  shipped: 'in_transit',
  departed: 'in_transit',
  arrived: 'in_transit',
  transit: 'in_transit',
  customs: 'at_customs',
  in_customs: 'at_customs',
  customs_clearance: 'at_customs',
  held_at_customs: 'customs_held',
  customs_hold: 'customs_held',
  on_hold_at_customs: 'customs_held',
  out_for_delivery: 'out_for_delivery',
  with_courier: 'out_for_delivery',
  failed_delivery: 'exception',
  delivery_failed: 'exception',
  returned_to_sender: 'returned',
  return_to_sender: 'returned',
};

/** "In transit", "DELIVERED", "customs held", "out-for-delivery" → the normalised status, or null. */
export function normaliseStatus(word: string): ShipmentStatus | null {
  const w = word.trim().toLowerCase().replace(/[\s_-]+/g, '_');
  if ((STATUSES as readonly string[]).includes(w)) return w as ShipmentStatus;
  return STATUS_WORDS[w] ?? null;
}

const TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * A date or date-time as an ISO UTC instant: a bare date is midnight UTC, a time without a zone
 * is taken as UTC. Null when it is not a real moment (2026-02-30, 25:00, free text).
 */
export function parseTime(text: string): string | null {
  const m = TIME.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m;
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (day.getUTCFullYear() !== Number(y) || day.getUTCMonth() !== Number(mo) - 1 || day.getUTCDate() !== Number(d)) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  const z = zone.toUpperCase() === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const ms = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${frac.slice(0, 4)}${z}`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function tooFarAhead(ctx: Ctx, at: string): boolean {
  return Date.parse(at) > Date.parse(ctx.now) + FUTURE_SLACK_MS;
}

/** Adds events to a shipment's timeline; the same event twice is skipped and counted. */
function record(ctx: Ctx, shipmentId: string, events: TrackingEvent[], source: 'manual' | 'csv' | 'supplier'): { added: number; duplicates: number } {
  let added = 0;
  for (const e of events) {
    if (repo.insertEvent(ctx.db, { id: uuidv7(), shipmentId, ...e, source, dedupeKey: eventKey(e), createdAt: ctx.now })) added++;
  }
  return { added, duplicates: events.length - added };
}

/** The status of the latest event by time; delivered_at is that event's time while it is a delivery. */
function refresh(ctx: Ctx, shipmentId: string): void {
  const timeline = repo.events(ctx.db, shipmentId);
  const status = currentStatus(timeline);
  const latest = timeline[timeline.length - 1];
  repo.setStatus(ctx.db, shipmentId, status, status === 'delivered' && latest ? latest.at : null, ctx.now);
}

/** An event the app writes itself (dispatched, received), on the timeline like any other. */
export function logEvent(ctx: Ctx, shipmentId: string, e: TrackingEvent): void {
  record(ctx, shipmentId, [e], 'manual');
  refresh(ctx, shipmentId);
}

/** Events from the supplier's shipment notice (supplier sync); future ones are left for later. */
export function addSupplierEvents(ctx: Ctx, shipmentId: string, events: TrackingEvent[]): number {
  const { added } = record(ctx, shipmentId, events.filter((e) => !tooFarAhead(ctx, e.at)), 'supplier');
  refresh(ctx, shipmentId);
  ctx.emit('shipments.changed', { ids: [shipmentId] });
  return added;
}

export function addEvents(ctx: Ctx, input: Parsed<'shipments.addEvents'>): ShipmentEventsResult {
  const s = load(ctx, input.shipmentId, 'shipmentId');
  const events = input.events.map((e, i): TrackingEvent => {
    const at = parseTime(e.at);
    if (!at) throw ApiError.field(`events.${i}.at`, 'must be a date (YYYY-MM-DD) or an ISO date-time');
    if (tooFarAhead(ctx, at)) throw ApiError.field(`events.${i}.at`, `is in the future (${at}): an event is recorded once it has happened`);
    return { at, status: e.status, place: e.place, text: e.text };
  });
  const counts = record(ctx, s.id, events, 'manual');
  refresh(ctx, s.id);
  ctx.emit('shipments.changed', { ids: [s.id] });
  return { ...get(ctx, s.id), ...counts };
}

const COLUMNS = ['tracking_number', 'time', 'status', 'place', 'text'] as const;

/** A carrier's or forwarder's export: every row checked, the good ones kept, the bad ones reported. */
export function importTracking(ctx: Ctx, input: Parsed<'shipments.importTracking'>): TrackingImportReport {
  const rows = parseCsv(input.text).filter((r) => r.cells.some((c) => c !== ''));
  const report: TrackingImportReport = { added: 0, duplicates: 0, skipped: [], shipmentIds: [] };
  const header = rows[0]?.cells.map((h) => h.toLowerCase().replace(/\s+/g, '_')) ?? [];
  const col = Object.fromEntries(COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof COLUMNS)[number], number>;
  if (col.tracking_number < 0 || col.time < 0 || col.status < 0) {
    report.skipped.push({ row: rows[0]?.line ?? 1, reason: `the header must name ${COLUMNS.join(',')} (place and text may be left out)` });
    return report;
  }
  const touched = new Set<string>();
  for (const r of rows.slice(1)) {
    const cell = (name: (typeof COLUMNS)[number]) => (col[name] >= 0 ? (r.cells[col[name]] ?? '') : '');
    const skip = (reason: string) => report.skipped.push({ row: r.line, reason });
    const number = checkTracking(cell('tracking_number')).normalized;
    if (!number) {
      skip('no tracking number');
      continue;
    }
    const shipment = repo.shipmentByTracking(ctx.db, number);
    if (!shipment) {
      skip(`unknown tracking number ${number}: it is on no shipment`);
      continue;
    }
    const at = parseTime(cell('time'));
    if (!at) {
      skip(`bad date "${cell('time')}": use YYYY-MM-DD or an ISO date-time`);
      continue;
    }
    if (tooFarAhead(ctx, at)) {
      skip(`dated in the future (${at})`);
      continue;
    }
    const status = normaliseStatus(cell('status'));
    if (!status) {
      skip(`unknown status "${cell('status')}": use one of ${STATUSES.join(', ')}`);
      continue;
    }
    const place = cell('place').slice(0, 200) || null;
    const text = cell('text').slice(0, 500) || null;
    const counts = record(ctx, shipment.id, [{ at, status, place, text }], 'csv');
    report.added += counts.added;
    report.duplicates += counts.duplicates;
    if (counts.added) touched.add(shipment.id);
  }
  for (const id of touched) refresh(ctx, id);
  report.shipmentIds = [...touched];
  if (touched.size) ctx.emit('shipments.changed', { ids: report.shipmentIds });
  return report;
}
