// Customs profiles: the shipped ones, overlaid by the user's own versions and edits, and the
// duty rate a line gets when none is typed on it.
import { ApiError } from '../../common/api/errors';
import type { Parsed } from '../../common/api';
import type { CustomsInput, CustomsProfile, CustomsProfileRow, RateSource } from '../../common/api/types';
import { overlapError, profileOn, tariffFor } from '../../common/calc/customs';
import { SHIPPED_PROFILES } from '../../common/calc/shipped-profiles';
import { landedCost, LandedInputError } from '../../common/calc/landed';
import * as repo from '../../db/repos/landed';
import type { Db } from '../../db/open';
import type { Ctx } from '../context';

const key = (p: Pick<CustomsProfile, 'code' | 'validFrom'>) => `${p.code}|${p.validFrom}`;

export function allProfiles(db: Db): CustomsProfileRow[] {
  const shipped = new Map(SHIPPED_PROFILES.map((p) => [key(p), p]));
  const user = repo.userProfiles(db);
  const mine = new Set(user.map(key));
  return [
    ...SHIPPED_PROFILES.filter((p) => !mine.has(key(p))).map((p): CustomsProfileRow => ({ ...p, origin: 'shipped' })),
    ...user.map((p): CustomsProfileRow => ({ ...p, origin: shipped.has(key(p)) ? 'edited' : 'user' })),
  ].sort((a, b) => a.code.localeCompare(b.code) || a.validFrom.localeCompare(b.validFrom));
}

/** Engine errors carry JSON paths (lines[1].quantity); the API names fields with dots. */
export function apiFieldError(e: LandedInputError, prefix = ''): ApiError {
  const issues = e.issues.map((i) => ({ field: prefix + i.path.replace(/\[(\d+)\]/g, '.$1'), message: i.message }));
  return new ApiError('invalid_input', issues.map((i) => `${i.field}: ${i.message}`).join('; '), { field: issues[0]?.field, issues });
}

export function saveProfile(ctx: Ctx, input: Parsed<'landed.saveProfile'>): CustomsProfileRow {
  const p: CustomsProfile = { ...input, code: input.code.toUpperCase() };
  if (p.validTo !== null && p.validTo < p.validFrom) throw ApiError.field('validTo', 'must not be before the first day');
  // the engine checks every amount and rate of the rules against the profile's currency
  try {
    landedCost({ currency: p.currency, lines: [{ id: 'check', quantity: 1, unitPrice: '0', currency: p.currency }], customs: { ...p.customs, currency: p.currency } });
  } catch (e) {
    if (e instanceof LandedInputError) throw apiFieldError(e);
    throw e;
  }
  const others = allProfiles(ctx.db).filter((x) => !(x.code === p.code && x.validFrom === p.validFrom));
  const overlap = overlapError([...others, p]);
  if (overlap) throw ApiError.field('validFrom', overlap, 'conflict');
  repo.saveUserProfile(ctx.db, p, ctx.now);
  ctx.emit('landed.changed', { ids: [] });
  return allProfiles(ctx.db).find((x) => x.code === p.code && x.validFrom === p.validFrom)!;
}

export function deleteProfile(ctx: Ctx, input: Parsed<'landed.deleteProfile'>): { code: string; validFrom: string } {
  if (!repo.deleteUserProfile(ctx.db, input.code.toUpperCase(), input.validFrom)) {
    throw ApiError.field('code', 'Only your own profiles and edits can be removed; shipped profiles stay', 'not_found');
  }
  ctx.emit('landed.changed', { ids: [] });
  return { code: input.code.toUpperCase(), validFrom: input.validFrom };
}

export function setProductRate(ctx: Ctx, input: Parsed<'landed.setProductRate'>) {
  const code = input.profileCode.toUpperCase();
  if (!allProfiles(ctx.db).some((p) => p.code === code)) throw ApiError.field('profileCode', `No customs profile ${code}`, 'not_found');
  if (input.dutyRate === null) repo.deleteProductRate(ctx.db, input.productId, code);
  else {
    for (const [field, v] of [['dutyRate', input.dutyRate], ['exciseRate', input.exciseRate]] as const) {
      if (v !== null && (v.startsWith('-') || (field === 'exciseRate' && Number(v) >= 1))) throw ApiError.field(field, field === 'exciseRate' ? 'must be a fraction below 1, e.g. 0.15' : 'must not be negative');
    }
    try {
      repo.setProductRate(ctx.db, { productId: input.productId, profileCode: code, dutyRate: input.dutyRate, exciseRate: input.exciseRate }, ctx.now);
    } catch (e) {
      if (/FOREIGN KEY/.test((e as Error).message)) throw ApiError.field('productId', 'No such product', 'not_found');
      throw e;
    }
  }
  ctx.emit('landed.changed', { ids: [input.productId] });
  return repo.productRates(ctx.db, input.productId);
}

export interface RateChoice {
  dutyRate: string | null;
  exciseRate: string | null;
  rateSource: RateSource;
}

/**
 * The rates a line gets: typed on the line; else the product's own rate for the profile; else the
 * profile's tariff by the longest matching HS prefix; else none (the engine warns).
 */
export function rateResolver(db: Db, customs: CustomsInput | null | undefined, day: string) {
  const profiles = customs?.profile ? allProfiles(db) : [];
  const found = customs?.profile ? profileOn(profiles, customs.profile, day) : null;
  const profile = found && !('error' in found) ? found : null;
  return (line: { dutyRate?: string | number | null; exciseRate?: string | number | null; productId?: string | null; hsCode?: string | null }): RateChoice => {
    if (line.dutyRate !== null && line.dutyRate !== undefined) return { dutyRate: String(line.dutyRate), exciseRate: line.exciseRate == null ? null : String(line.exciseRate), rateSource: 'line' };
    const own = profile && line.productId ? repo.productRate(db, line.productId, profile.code) : null;
    if (own) return { dutyRate: own.dutyRate, exciseRate: line.exciseRate == null ? own.exciseRate : String(line.exciseRate), rateSource: 'product' };
    const row = profile ? tariffFor(profile, line.hsCode ?? null) : null;
    if (row) return { dutyRate: row.dutyRate, exciseRate: line.exciseRate == null ? (row.exciseRate ?? null) : String(line.exciseRate), rateSource: 'tariff' };
    return { dutyRate: null, exciseRate: line.exciseRate == null ? null : String(line.exciseRate), rateSource: null };
  };
}
