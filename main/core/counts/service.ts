// Stock counts. A count is opened at one location with its list of products and the book
// quantity of each at that moment; scans (or typed quantities) fill in what was found, each line
// remembering when it was counted. Posting compares each count with the book *at the moment it
// was counted* — every movement dated up to then — and posts the difference now, at the average
// cost. So a sale shipped while the count was open is neither counted twice nor overwritten:
// before the line was counted it is in the book the count is compared with; after, it is
// simply kept.
import type { Parsed } from '../../common/api';
import { ApiError } from '../../common/api/errors';
import type { AbcAnalysis, AbcClass, CodeMatch, CountDetail, CountLine, CountPosted, CountProgress, CountScanResult, CountSelection, CountTotals, StockCount } from '../../common/api/counts-types';
import { classifyAbc } from '../../common/calc/abc';
import { inflowAtAverage, outflow, type CostState } from '../../common/calc/valuation';
import { addDays, daysBetween } from '../../common/days';
import * as repo from '../../db/repos/counts';
import { movementsBySeq } from '../../db/repos/ledger';
import { getLocation } from '../../db/repos/locations';
import { getProduct } from '../../db/repos/products';
import type { Ctx } from '../context';
import { uuidv7 } from '../ids';
import { nextNumber } from '../purchasing/service';
import { baseCurrency } from '../settings/service';
import { post, Totals } from '../stock/post';

type Intervals = Record<AbcClass, number>;

interface Classified {
  rows: (repo.SoldRow & { class: AbcClass; cumulative: number; lastCounted: string | null; due: boolean })[];
  total: number;
  since: string;
  until: string;
}

/** Every active product classed by the cost of what it sold over `days`, and whether it is due for a count at the location. */
function classify(ctx: Ctx, input: { days: number; aShare: number; bShare: number; intervals: Intervals; locationId?: string | undefined }): Classified {
  const until = ctx.now;
  const since = `${addDays(ctx.now.slice(0, 10), -input.days)}${ctx.now.slice(10)}`;
  const sold = repo.soldByProduct(ctx.db, since, until);
  const byId = new Map(sold.map((r) => [r.productId, r]));
  const last = input.locationId ? repo.lastCounted(ctx.db, input.locationId) : new Map<string, string>();
  const today = ctx.now.slice(0, 10);
  let total = 0;
  const rows = classifyAbc(
    sold.map((r) => ({ key: r.productId, value: r.value })),
    input.aShare,
    input.bShare,
  ).map((c) => {
    total += c.value;
    const lastCounted = last.get(c.key) ?? null;
    const due = lastCounted === null || daysBetween(lastCounted.slice(0, 10), today) >= input.intervals[c.class];
    return { ...byId.get(c.key)!, class: c.class, cumulative: c.cumulative, lastCounted, due };
  });
  return { rows, total, since, until };
}

export function abc(ctx: Ctx, input: Parsed<'counts.abc'>): AbcAnalysis {
  if (input.locationId) mustLocation(ctx, input.locationId, 'locationId');
  const c = classify(ctx, input);
  const share = (v: number) => (c.total === 0 ? 0 : v / c.total);
  const classes = (['A', 'B', 'C'] as const).map((k) => {
    const of = c.rows.filter((r) => r.class === k);
    return { class: k, products: of.length, value: of.reduce((s, r) => s + r.value, 0), due: of.filter((r) => r.due).length, intervalDays: input.intervals[k] };
  });
  const matched = c.rows.filter((r) => (!input.class || r.class === input.class) && (!input.dueOnly || r.due));
  return {
    days: input.days,
    since: c.since,
    until: c.until,
    currency: baseCurrency(ctx),
    total: c.total,
    classes,
    matched: matched.length,
    rows: matched.slice(input.offset, input.offset + input.limit).map((r) => ({
      productId: r.productId,
      sku: r.sku,
      name: r.name,
      localName: r.localName,
      class: r.class,
      value: r.value,
      units: r.units,
      share: share(r.value),
      cumulative: share(r.cumulative),
      lastCounted: r.lastCounted,
      due: r.due,
    })),
  };
}

function mustLocation(ctx: Ctx, id: string, field: string) {
  const l = getLocation(ctx.db, id);
  if (!l) throw ApiError.field(field, 'No such location', 'not_found');
  if (l.status !== 'active') throw ApiError.field(field, `${l.code} is archived`, 'conflict');
  return l;
}

function mustCount(ctx: Ctx, id: string, field = 'id'): StockCount {
  const c = repo.getCount(ctx.db, id);
  if (!c) throw ApiError.field(field, 'No such stock count', 'not_found');
  return c;
}

function mustBeOpen(ctx: Ctx, id: string): StockCount {
  const c = mustCount(ctx, id);
  if (c.status === 'posted') throw ApiError.field('id', `${c.number} was posted on ${c.closedAt!.slice(0, 10)}; nothing was changed`, 'conflict');
  if (c.status === 'cancelled') throw ApiError.field('id', `${c.number} was cancelled`, 'conflict');
  return c;
}

export function createCount(ctx: Ctx, input: Parsed<'counts.create'>): CountDetail {
  const location = mustLocation(ctx, input.locationId, 'locationId');
  const open = repo.openCountAt(ctx.db, location.id);
  if (open) throw ApiError.field('locationId', `${open.number} is still open at ${location.code}: post or cancel it first`, 'conflict');
  const chosen = input.classes ?? input.category ?? input.productIds;
  if (input.scope === 'full' && (chosen || input.dueOnly)) {
    const field = input.classes ? 'classes' : input.category !== undefined ? 'category' : input.productIds ? 'productIds' : 'dueOnly';
    throw ApiError.field(field, 'a full count takes every product at the location; choose products for a cycle count');
  }
  if (input.scope === 'cycle' && !chosen && !input.dueOnly) throw ApiError.field('classes', 'choose classes, a category, products or the ones due for a cycle count');

  const stocked = repo.stockedAt(ctx.db, location.id);
  let lines: { productId: string; expected: number }[] = stocked.map((s) => ({ productId: s.productId, expected: s.onHand }));
  if (input.scope === 'cycle') {
    if (input.classes || input.dueOnly) {
      const c = classify(ctx, { ...input, locationId: location.id });
      const keep = new Set(c.rows.filter((r) => (!input.classes || input.classes.includes(r.class)) && (!input.dueOnly || r.due)).map((r) => r.productId));
      lines = lines.filter((l) => keep.has(l.productId));
    }
    if (input.category) {
      const category = input.category.toLowerCase();
      const of = new Set(stocked.filter((s) => s.category?.toLowerCase() === category).map((s) => s.productId));
      lines = lines.filter((l) => of.has(l.productId));
    }
    if (input.productIds) {
      // products named one by one are counted even where the book has none
      const onHand = new Map(stocked.map((s) => [s.productId, s.onHand]));
      const wanted = new Set(lines.map((l) => l.productId));
      lines = [...new Set(input.productIds)].flatMap((id, i) => {
        const p = getProduct(ctx.db, id);
        if (!p) throw ApiError.field(`productIds.${i}`, 'No such product', 'not_found');
        if (p.status !== 'active') throw ApiError.field(`productIds.${i}`, `${p.sku} is archived`, 'conflict');
        const filtered = input.classes || input.dueOnly || input.category;
        return filtered && !wanted.has(id) ? [] : [{ productId: id, expected: onHand.get(id) ?? 0 }];
      });
    }
  }
  if (!lines.length) {
    throw ApiError.field(input.scope === 'full' ? 'locationId' : input.classes ? 'classes' : input.category ? 'category' : input.productIds ? 'productIds' : 'dueOnly', `Nothing to count at ${location.code} with this choice`);
  }

  const selection: CountSelection | null =
    input.scope === 'cycle' ? { classes: input.classes ?? null, category: input.category || null, dueOnly: input.dueOnly, namedProducts: input.productIds?.length ?? null } : null;
  const id = uuidv7();
  repo.insertCount(
    ctx.db,
    {
      id,
      number: nextNumber(ctx, 'count_next_number', 'CNT'),
      locationId: location.id,
      scope: input.scope,
      selection: selection ? JSON.stringify(selection) : null,
      blind: input.blind ? 1 : 0,
      recountUnits: input.recountUnits,
      recountPercent: input.recountPercent,
      status: 'open',
      note: input.note,
      openedAt: ctx.now,
      openedBy: ctx.actor,
      closedAt: null,
      closedBy: null,
    },
    ctx.now,
  );
  repo.insertLines(ctx.db, id, lines.map((l) => ({ ...l, added: false })), ctx.now);
  ctx.emit('counts.changed', { ids: [id] });
  return countDetail(ctx, id, false);
}

/** The value a difference would post at: what posting it now would add or take (signed). */
function differenceValue(l: repo.LineRecord, difference: number): number {
  const state: CostState = { qty: l.onHand, value: l.balanceValue, avgCostE4: l.avgCostE4 };
  if (difference > 0) return inflowAtAverage(state, difference).value;
  if (difference < 0) return outflow(state, -difference).value;
  return 0;
}

function lineView(ctx: Ctx, count: StockCount, l: repo.LineRecord, withheld: boolean): CountLine {
  const base = {
    productId: l.productId,
    sku: l.sku,
    name: l.name,
    localName: l.localName,
    barcode: l.barcode,
    counted: l.counted,
    countedAt: l.countedAt,
    countedBy: l.countedBy,
    recount: l.recount,
    added: l.added,
    noCost: l.avgCostE4 === 0,
  };
  if (withheld) return { ...base, expected: null, firstCount: null, book: null, difference: null, value: null, movedSince: null };
  if (count.status === 'posted') {
    return { ...base, expected: l.expected, firstCount: l.firstCount, book: l.book, difference: l.postedQty, value: l.postedValue, movedSince: null };
  }
  const book = l.counted === null ? l.onHand : repo.bookAt(ctx.db, l.productId, count.locationId, l.countedAt!);
  const difference = l.counted === null ? null : l.counted - book;
  return {
    ...base,
    expected: l.expected,
    firstCount: l.firstCount,
    book,
    difference,
    value: difference === null ? null : differenceValue(l, difference),
    movedSince: l.counted === null ? null : l.onHand - book,
  };
}

function progressOf(lines: { counted: number | null; recount: boolean }[]): CountProgress {
  const counted = lines.filter((l) => l.counted !== null).length;
  return { lines: lines.length, counted, uncounted: lines.length - counted, recounts: lines.filter((l) => l.recount && l.counted === null).length };
}

export function countDetail(ctx: Ctx, id: string, reveal: boolean): CountDetail {
  const count = mustCount(ctx, id);
  const withheld = count.blind && count.status === 'open' && !reveal;
  const lines = repo.countLines(ctx.db, id).map((l) => lineView(ctx, count, l, withheld));
  const diffs = lines.filter((l) => l.difference !== null && l.difference !== 0);
  const totals: CountTotals = {
    ...progressOf(lines),
    differences: withheld ? null : diffs.length,
    unitsUp: withheld ? null : diffs.reduce((s, l) => s + Math.max(l.difference!, 0), 0),
    unitsDown: withheld ? null : diffs.reduce((s, l) => s + Math.max(-l.difference!, 0), 0),
    value: withheld ? null : diffs.reduce((s, l) => s + l.value!, 0),
  };
  return { count, lines, totals, currency: baseCurrency(ctx), withheld };
}

/** A product named by its id (chosen from the matches of a code, or typed against a line). */
function countableProduct(ctx: Ctx, productId: string): string {
  const p = getProduct(ctx.db, productId);
  if (!p) throw ApiError.field('productId', 'No such product', 'not_found');
  if (p.status !== 'active') throw ApiError.field('productId', `${p.sku} is archived; restore it to count it`, 'conflict');
  return p.id;
}

/** The one product a scanned code means, or a clear refusal naming the code. */
function resolveCode(ctx: Ctx, code: string, productId: string | undefined): { productId: string; via: CountScanResult['via'] } {
  if (productId) return { productId: countableProduct(ctx, productId), via: 'product' };
  const found = repo.productsByCode(ctx.db, code);
  const distinct = [...new Map(found.map((m) => [m.productId, m])).values()];
  if (!distinct.length) throw new ApiError('not_found', `No product has the code “${code}”`, { field: 'code', reason: 'unknown_code', code });
  if (distinct.length > 1) {
    const matches: CodeMatch[] = distinct.map(({ productId: id, sku, name, via }) => ({ productId: id, sku, name, via }));
    throw new ApiError('conflict', `“${code}” is the code of ${matches.length} products (${matches.map((m) => m.sku).join(', ')}): choose one`, { field: 'code', reason: 'ambiguous', code, matches });
  }
  const m = distinct[0]!;
  if (m.status !== 'active') throw ApiError.field('code', `${m.sku} is archived; restore it to count it`, 'conflict');
  return { productId: m.productId, via: m.via };
}

/** A line of the count, added (found by scanning, expected: the book now) if the product was not on it. */
function lineFor(ctx: Ctx, count: StockCount, productId: string): repo.LineRecord {
  let line = repo.countLine(ctx.db, count.id, productId);
  if (!line) {
    const onHand = repo.bookAt(ctx.db, productId, count.locationId, ctx.now);
    repo.insertLines(ctx.db, count.id, [{ productId, expected: onHand, added: true }], ctx.now);
    line = repo.countLine(ctx.db, count.id, productId)!;
  }
  return line;
}

function setCounted(ctx: Ctx, count: StockCount, line: repo.LineRecord, counted: number | null): CountLine {
  repo.saveCounted(
    ctx.db,
    count.id,
    line.productId,
    {
      counted,
      countedAt: counted === null ? null : ctx.now,
      countedBy: counted === null ? null : ctx.actor,
      // a line sent for recount is recounted once it has a count again
      recount: line.recount && counted === null,
      firstCount: line.firstCount,
    },
    ctx.now,
  );
  ctx.emit('counts.changed', { ids: [count.id] });
  return lineView(ctx, count, repo.countLine(ctx.db, count.id, line.productId)!, count.blind);
}

export function scan(ctx: Ctx, input: Parsed<'counts.scan'>): CountScanResult {
  const count = mustBeOpen(ctx, input.id);
  const { productId, via } = resolveCode(ctx, input.code.trim(), input.productId);
  const line = lineFor(ctx, count, productId);
  const next = (line.counted ?? 0) + input.qty;
  if (next < 0) throw ApiError.field('qty', `${line.sku} has ${line.counted ?? 0} counted; a count cannot go below zero`);
  const view = setCounted(ctx, count, line, next);
  return { line: view, via, progress: repo.countProgress(ctx.db, count.id) };
}

export function typeCounted(ctx: Ctx, input: Parsed<'counts.setCounted'>): CountScanResult {
  const count = mustBeOpen(ctx, input.id);
  const productId = countableProduct(ctx, input.productId);
  // "not counted" on a product the count does not have changes nothing (it is not added)
  if (input.counted === null && !repo.countLine(ctx.db, count.id, productId)) throw ApiError.field('productId', `is not on ${count.number}`, 'not_found');
  const line = lineFor(ctx, count, productId);
  const view = setCounted(ctx, count, line, input.counted);
  return { line: view, via: 'product', progress: repo.countProgress(ctx.db, count.id) };
}

/** Whether a counted line's difference goes beyond the count's recount thresholds. */
function beyondThreshold(count: StockCount, difference: number, book: number): boolean {
  const d = Math.abs(difference);
  if (d === 0) return false;
  if (count.recountUnits !== null && d > count.recountUnits) return true;
  return count.recountPercent !== null && d * 100 > count.recountPercent * Math.abs(book);
}

/** Counted lines beyond the thresholds that have not been counted a second time. */
function awaitingRecount(ctx: Ctx, count: StockCount): repo.LineRecord[] {
  if (count.recountUnits === null && count.recountPercent === null) return [];
  return repo.countLines(ctx.db, count.id).filter((l) => {
    if (l.counted === null || l.firstCount !== null) return false;
    const book = repo.bookAt(ctx.db, l.productId, count.locationId, l.countedAt!);
    return beyondThreshold(count, l.counted - book, book);
  });
}

export function recount(ctx: Ctx, input: Parsed<'counts.recount'>): CountDetail {
  const count = mustBeOpen(ctx, input.id);
  if (count.recountUnits === null && count.recountPercent === null) throw ApiError.field('id', `${count.number} has no recount threshold`, 'conflict');
  for (const l of awaitingRecount(ctx, count)) {
    repo.saveCounted(ctx.db, count.id, l.productId, { counted: null, countedAt: null, countedBy: null, recount: true, firstCount: l.counted }, ctx.now);
  }
  ctx.emit('counts.changed', { ids: [count.id] });
  return countDetail(ctx, count.id, false);
}

export function postCount(ctx: Ctx, input: Parsed<'counts.post'>): CountPosted {
  const count = mustBeOpen(ctx, input.id);
  const lines = repo.countLines(ctx.db, count.id);
  const waiting = lines.filter((l) => l.recount && l.counted === null);
  if (waiting.length) {
    throw new ApiError('conflict', `${waiting.length} line(s) of ${count.number} wait for a recount: ${waiting.slice(0, 5).map((l) => l.sku).join(', ')}${waiting.length > 5 ? '…' : ''}`, {
      field: 'id',
      reason: 'recount',
      productIds: waiting.map((l) => l.productId),
    });
  }
  const beyond = awaitingRecount(ctx, count);
  if (beyond.length) {
    throw new ApiError('conflict', `${beyond.length} line(s) of ${count.number} differ beyond the recount threshold: send them for a recount first (${beyond.slice(0, 5).map((l) => l.sku).join(', ')}${beyond.length > 5 ? '…' : ''})`, {
      field: 'id',
      reason: 'recount',
      productIds: beyond.map((l) => l.productId),
    });
  }

  const batch = new Totals();
  const out = { movements: 0, unitsUp: 0, unitsDown: 0, value: 0 };
  const products: string[] = [];
  lines.forEach((l, i) => {
    if (l.counted === null && input.uncounted === 'keep') return;
    const counted = l.counted ?? 0;
    const book = repo.bookAt(ctx.db, l.productId, count.locationId, l.countedAt ?? ctx.now);
    const difference = counted - book;
    let value = 0;
    if (difference !== 0) {
      const seq = post(
        ctx,
        {
          productId: l.productId,
          locationId: count.locationId,
          kind: 'count',
          qty: difference,
          occurredAt: ctx.now,
          reason: 'count',
          note: [`${count.number}: counted ${counted}, book ${book}${l.countedAt ? ` at ${l.countedAt.slice(0, 16).replace('T', ' ')}` : ''}`, input.note].filter(Boolean).join(' · '),
          docType: 'count',
          docId: count.id,
          fields: { product: `lines.${i}`, location: 'id', qty: `lines.${i}` },
        },
        batch,
      );
      value = movementsBySeq(ctx.db, [seq])[0]!.value;
      out.movements++;
      if (difference > 0) out.unitsUp += difference;
      else out.unitsDown -= difference;
      out.value += value;
      products.push(l.productId);
    }
    repo.savePosted(ctx.db, count.id, l.productId, { counted, book, postedQty: difference, postedValue: value }, ctx.now);
  });
  batch.flush(ctx);
  repo.closeCount(ctx.db, count.id, 'posted', input.note, ctx.now, ctx.actor);
  ctx.emit('counts.changed', { ids: [count.id] });
  if (products.length) ctx.emit('stock.changed', { productIds: products, locationIds: [count.locationId] });
  return { count: repo.getCount(ctx.db, count.id)!, ...out, currency: baseCurrency(ctx) };
}

export function cancelCount(ctx: Ctx, input: Parsed<'counts.cancel'>): StockCount {
  const count = mustBeOpen(ctx, input.id);
  repo.closeCount(ctx.db, count.id, 'cancelled', null, ctx.now, ctx.actor);
  ctx.emit('counts.changed', { ids: [count.id] });
  return repo.getCount(ctx.db, count.id)!;
}
