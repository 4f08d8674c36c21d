import { ApiError } from '../../common/api/errors';
import type { Parsed } from '../../common/api';
import type { Settings } from '../../common/api/types';
import { countMovements } from '../../db/repos/ledger';
import { deleteSetting, getSetting, getSettings, putSetting } from '../../db/repos/settings';
import type { Ctx } from '../context';

export const DEFAULT_BASE_CURRENCY = 'USD';
export const DEFAULT_ATTACHMENT_MAX_MB = 25;

// read once per call (each call has a Ctx of its own): a bulk import prices 100,000 products.
// updateSettings forgets it when it changes the base currency.
const baseOfCall = new WeakMap<object, string>();

export function baseCurrency(ctx: Pick<Ctx, 'db'>): string {
  let base = baseOfCall.get(ctx);
  if (base === undefined) baseOfCall.set(ctx, (base = getSetting(ctx.db, 'base_currency') ?? DEFAULT_BASE_CURRENCY));
  return base;
}

export function readSettings(ctx: Ctx): Settings {
  const s = getSettings(ctx.db);
  return {
    baseCurrency: s.base_currency ?? DEFAULT_BASE_CURRENCY,
    userName: s.user_name ?? ctx.actor,
    locale: s.locale === 'zh' ? 'zh' : 'en',
    ledgerStarted: countMovements(ctx.db) > 0,
    attachmentMaxMb: Number(s.attachment_max_mb ?? DEFAULT_ATTACHMENT_MAX_MB),
    business: { name: s.business_name ?? null, address: s.business_address ?? null, country: s.business_country ?? null, taxId: s.business_tax_id ?? null },
  };
}

export function updateSettings(ctx: Ctx, input: Parsed<'settings.update'>): Settings {
  const current = readSettings(ctx);
  if (input.baseCurrency && input.baseCurrency !== current.baseCurrency) {
    // Every stored value is in the base currency: changing it afterwards would silently relabel them.
    if (current.ledgerStarted) {
      throw ApiError.field('baseCurrency', `Stock is already valued in ${current.baseCurrency}; the base currency can only be chosen before the first movement`, 'conflict');
    }
    putSetting(ctx.db, 'base_currency', input.baseCurrency, ctx.now);
    baseOfCall.delete(ctx);
  }
  if (input.userName) putSetting(ctx.db, 'user_name', input.userName, ctx.now);
  if (input.locale) putSetting(ctx.db, 'locale', input.locale, ctx.now);
  if (input.attachmentMaxMb) putSetting(ctx.db, 'attachment_max_mb', String(input.attachmentMaxMb), ctx.now);
  for (const [k, v] of Object.entries(input.business ?? {})) {
    const key = `business_${k === 'taxId' ? 'tax_id' : k}`;
    if (v === null) deleteSetting(ctx.db, key);
    else if (v !== undefined) putSetting(ctx.db, key, v, ctx.now);
  }
  ctx.emit('settings.changed', {});
  return readSettings(ctx);
}
