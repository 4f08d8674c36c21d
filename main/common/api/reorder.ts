// The contract of reorder planning (spread into the one table in ./index.ts): demand history,
// lead times, the settings and rules behind a plan, promotions, and the suggestions themselves.
// Draft purchase orders are made from suggestions with purchasing.create.
import { z } from './zod';
import { read, write } from './contract';
import * as f from './fields';
import type * as R from './reorder-types';

const day = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });
const method = z.enum(['auto', 'mean', 'ses', 'croston', 'sba', 'tsb'], { message: 'must be auto, mean, ses, croston, sba or tsb' });
const serviceLevel = z.number().gt(0, 'must be more than 0').lt(1, 'must be less than 1');
const alpha = z.number().gt(0, 'must be more than 0').max(1, 'must be at most 1');
/** an amount as a decimal string; null clears it */
const amount = f.decimal.nullable();
const units = f.nonNegativeInt.nullable();

export const reorderApi = {
  /** a product's demand per period (shipped sales) with every method's forecast and backtest */
  'reorder.history': read<R.DemandHistory>()(
    z.object({
      productId: f.id,
      /** omitted: all locations together */
      locationId: f.id.optional(),
      periodDays: f.positiveQty.refine((n) => n <= 91, 'at most 91 days').default(7),
      periods: f.positiveQty.refine((n) => n >= 4 && n <= 260, 'between 4 and 260').default(26),
      alpha: alpha.default(0.1),
      /** the last day of the last period (default today) */
      asOf: day.optional(),
    }),
  ),
  /** a supplier's lead time for a product: configured, observed on its receipts, and the one planning uses */
  'reorder.leadTime': read<R.LeadTime>()(z.object({ supplierId: f.id, productId: f.id })),

  'reorder.settings': read<R.ReorderSettings>()(z.object({})),
  'reorder.saveSettings': write<R.ReorderSettings>()(
    z.object({
      serviceLevel: serviceLevel.optional(),
      method: method.optional(),
      autoPick: z.enum(['class', 'backtest'], { message: 'must be class or backtest' }).optional(),
      alpha: alpha.optional(),
      historyWeeks: f.positiveQty.refine((n) => n >= 8 && n <= 156, 'between 8 and 156 weeks').optional(),
      holdingRate: z.number().gt(0, 'must be more than 0').max(5, 'must be at most 5 (500 %)').optional(),
      /** base currency */
      orderCost: amount.optional(),
      promotional: z.enum(['exclude', 'include'], { message: 'must be exclude or include' }).optional(),
    }),
  ),
  'reorder.rule': read<R.ReorderRule>()(z.object({ productId: f.id })),
  /** a product's planning rule; fields left out keep their value, null takes the default */
  'reorder.saveRule': write<R.ReorderRule>()(
    z.object({
      productId: f.id,
      supplierId: f.id.nullable().optional(),
      policy: z.enum(['rop', 'minmax', 'level', 'none'], { message: 'must be rop, minmax, level or none' }).optional(),
      method: method.nullable().optional(),
      serviceLevel: serviceLevel.nullable().optional(),
      min: units.optional(),
      max: units.optional(),
      reorderLevel: units.optional(),
      reorderQty: units.optional(),
    }),
  ),
  'reorder.supplier': read<R.ReorderSupplier>()(z.object({ supplierId: f.id })),
  /** a supplier's order cost and budget cap, in its currency; null clears */
  'reorder.saveSupplier': write<R.ReorderSupplier>()(z.object({ supplierId: f.id, orderCost: amount.optional(), budget: amount.optional() })),

  'reorder.promotions': read<R.Promotion[]>()(z.object({ productId: f.id.optional() })),
  /** marks a period as promotional, for every product or one (with `id`: changes one) */
  'reorder.savePromotion': write<R.Promotion>()(
    z.object({ id: f.id.optional(), name: f.requiredText(120), fromDay: day, toDay: day, productId: f.id.nullable().default(null) }).refine((p) => p.toDay >= p.fromDay, {
      message: 'must not be before the first day',
      path: ['toDay'],
    }),
  ),
  'reorder.removePromotion': write<R.Promotion>()(z.object({ id: f.id })),

  /** what to order from whom, how much and by when (per supplier, most urgent first) */
  'reorder.suggest': read<R.ReorderSuggestions>()(
    z.object({
      supplierId: f.id.optional(),
      /** omitted: all locations together */
      locationId: f.id.optional(),
      /** plan as on this day (default today) */
      asOf: day.optional(),
    }),
  ),
  /** one product's plan with its weekly history, every method's backtest and projected stock */
  'reorder.product': read<R.ReorderProduct>()(z.object({ productId: f.id, locationId: f.id.optional(), asOf: day.optional() })),
};
