// The what-if calculator: the engine on the user's lines and charges, with duty rates filled in
// from products and profiles, saved calculations, and turning one into a draft purchase order.
import { ApiError } from '../../common/api/errors';
import type { Parsed } from '../../common/api';
import type { CalcInput, CalcResult, Calculation, PurchaseOrderDetail } from '../../common/api/types';
import { profileLookup, profileOn } from '../../common/calc/customs';
import { landedCost, LandedInputError } from '../../common/calc/landed';
import * as repo from '../../db/repos/landed';
import { getSupplier } from '../../db/repos/suppliers';
import { isCurrency } from '../../common/money';
import type { Ctx } from '../context';
import { findRate } from '../fx/service';
import { uuidv7 } from '../ids';
import { create as createPo } from '../purchasing/service';
import { allProfiles, apiFieldError, rateResolver } from './profiles';

/**
 * Fills in, from the dated rate table, a rate for every currency the input uses without one
 * (lines and charges without their own rate, the customs profile's currency). Rates the user
 * typed are kept. Currencies with no known rate are left out: the engine names them.
 */
export function withTableRates(ctx: Ctx, input: CalcInput, day: string): { input: CalcInput; rates: CalcResult['rates'] } {
  const given = input.rates ?? {};
  const wanted = new Set<string>();
  for (const x of [...input.lines, ...(input.charges ?? [])]) if (x.rate == null) wanted.add(x.currency);
  if (input.customs?.currency) wanted.add(input.customs.currency);
  else if (input.customs?.profile) {
    const p = profileOn(allProfiles(ctx.db), input.customs.profile, day);
    if (!('error' in p)) wanted.add(p.currency);
  }
  const rates: CalcResult['rates'] = {};
  const filled: Record<string, string | number> = { ...given };
  for (const code of wanted) {
    if (code === input.currency) continue;
    if (given[code] !== undefined) {
      rates[code] = { rate: String(given[code]), day, source: 'entered' };
      continue;
    }
    const q = isCurrency(code) && isCurrency(input.currency) ? findRate(ctx.db, code, input.currency, day) : null;
    if (q) {
      filled[code] = q.rate;
      rates[code] = { rate: q.rate, day: q.day, source: q.source };
    }
  }
  return { input: { ...input, rates: filled }, rates };
}

/** Runs the engine; its problems come back as field errors prefixed with `prefix`. */
export function runEngine(ctx: Ctx, input: CalcInput, prefix = 'input.') {
  const day = input.date ?? ctx.now.slice(0, 10);
  const profiles = allProfiles(ctx.db);
  try {
    return landedCost(input, { profiles: profileLookup(profiles), today: day });
  } catch (e) {
    if (e instanceof LandedInputError) throw apiFieldError(e, prefix);
    throw e;
  }
}

export function calculate(ctx: Ctx, raw: CalcInput): CalcResult {
  const day = raw.date ?? ctx.now.slice(0, 10);
  const resolve = rateResolver(ctx.db, raw.customs, day);
  const rates = raw.lines.map(resolve);
  const filled = withTableRates(ctx, raw, day);
  const input: CalcInput = { ...filled.input, date: day, lines: raw.lines.map((l, i) => ({ ...l, dutyRate: rates[i]!.dutyRate, exciseRate: rates[i]!.exciseRate })) };
  const result = runEngine(ctx, input);
  const found = raw.customs?.profile ? profileOn(allProfiles(ctx.db), raw.customs.profile, day) : null;
  return {
    ...result,
    lines: result.lines.map((l, i) => ({ ...l, ...rates[i]! })),
    rates: filled.rates,
    profile: found && !('error' in found) ? { code: found.code, name: found.name, currency: found.currency, validFrom: found.validFrom, validTo: found.validTo } : null,
  };
}

export function saveCalculation(ctx: Ctx, input: Parsed<'landed.saveCalculation'>): Calculation {
  const existing = input.id ? repo.getCalculation(ctx.db, input.id) : null;
  if (input.id && !existing) throw ApiError.field('id', 'No such calculation', 'not_found');
  const c: Calculation = { id: input.id ?? uuidv7(), name: input.name, input: input.input, createdAt: existing?.createdAt ?? ctx.now, updatedAt: ctx.now };
  repo.saveCalculation(ctx.db, c);
  ctx.emit('landed.changed', { ids: [c.id] });
  return c;
}

export function getCalculation(ctx: Ctx, id: string): Calculation {
  const c = repo.getCalculation(ctx.db, id);
  if (!c) throw ApiError.field('id', 'No such calculation', 'not_found');
  return c;
}

export function deleteCalculation(ctx: Ctx, id: string): { id: string } {
  if (!repo.deleteCalculation(ctx.db, id)) throw ApiError.field('id', 'No such calculation', 'not_found');
  ctx.emit('landed.changed', { ids: [id] });
  return { id };
}

/** A draft order at the calculation's prices: every line must be a product bought in the supplier's currency. */
export function calculationToPo(ctx: Ctx, input: Parsed<'landed.calculationToPo'>): PurchaseOrderDetail {
  const calc = getCalculation(ctx, input.id);
  const supplier = getSupplier(ctx.db, input.supplierId);
  if (!supplier) throw ApiError.field('supplierId', 'No such supplier', 'not_found');
  const issues: { field: string; message: string }[] = [];
  calc.input.lines.forEach((l, i) => {
    if (!l.productId) issues.push({ field: `lines.${i}.productId`, message: `line ${i + 1}${l.name ? ` (${l.name})` : ''} is not a product yet: choose one to order it` });
    if (l.currency !== supplier.currency) issues.push({ field: `lines.${i}.currency`, message: `line ${i + 1} is priced in ${l.currency}; ${supplier.name} sells in ${supplier.currency}` });
    if (!/^\d+$/.test(String(l.quantity).trim())) issues.push({ field: `lines.${i}.quantity`, message: 'must be a positive integer' });
  });
  if (calc.input.lines.length === 0) issues.push({ field: 'lines', message: 'the calculation has no lines' });
  if (issues.length) throw new ApiError('invalid_input', `Cannot order "${calc.name}": ${issues.map((x) => x.message).join('; ')}`, { field: issues[0]!.field, issues });
  return createPo(ctx, {
    supplierId: supplier.id,
    expectedDate: null,
    notes: `From the landed-cost calculation "${calc.name}"`,
    lines: calc.input.lines.map((l) => ({ productId: l.productId!, qty: Number(l.quantity), unitPrice: l.unitPrice, expectedDate: null })),
  });
}
