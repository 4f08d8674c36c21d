// The contract of stock counts (spread into the one table in ./index.ts): the ABC analysis that
// says what to count how often, counts themselves (full, or a cycle count of a chosen set),
// counting by scanning or typing, recounts, the count sheet, and posting the differences.
import { z } from './zod';
import { read, write } from './contract';
import * as f from './fields';
import type * as C from './counts-types';

const abcClass = z.enum(['A', 'B', 'C'], { message: 'must be A, B or C' });
const percent = f.quantity.refine((n) => n >= 1 && n <= 100, 'must be between 1 and 100');
const intervalDays = f.quantity.refine((n) => n >= 1 && n <= 3660, 'must be between 1 and 3,660 days');
const intervals = z
  .object({ A: intervalDays.default(30), B: intervalDays.default(91), C: intervalDays.default(365) })
  .default({ A: 30, B: 91, C: 365 });
/** A from the top down to aShare of the value sold, B on to bShare, C the rest (and products that did not sell) */
const abcFields = {
  days: f.quantity.refine((n) => n >= 7 && n <= 1096, 'must be between 7 and 1,096').default(365),
  aShare: percent.default(80),
  bShare: percent.default(95),
  intervals,
};
const sharesInOrder = (v: { aShare: number; bShare: number }) => v.aShare < v.bShare;
const sharesMessage = { message: 'must be more than the A share', path: ['bShare'] };
/** a counted quantity: whole units, never negative */
const counted = z.number({ message: 'must be a whole number of units' }).int('must be a whole number of units').min(0, 'must not be negative').max(1e9, 'is too large');

export const countsApi = {
  /** products by the cost of what they sold, classed A, B and C, with when each was last counted at a location */
  'counts.abc': read<C.AbcAnalysis>()(
    z
      .object({
        ...abcFields,
        locationId: f.id.optional(),
        class: abcClass.optional(),
        dueOnly: z.boolean().default(false),
        ...f.page,
      })
      .refine(sharesInOrder, sharesMessage),
  ),
  'counts.list': read<{ rows: C.StockCount[]; total: number }>()(
    z.object({ status: z.enum(['open', 'posted', 'cancelled'], { message: 'must be open, posted or cancelled' }).optional(), locationId: f.id.optional(), ...f.page }),
  ),
  /** a count with its lines; a blind count withholds expected quantities until `reveal` */
  'counts.get': read<C.CountDetail>()(z.object({ id: f.id, reveal: z.boolean().default(false) })),
  /**
   * Opens a count at a location: `full` lists every product with stock there; `cycle` the ones
   * chosen by ABC class, category, due date or by id. One open count per location.
   */
  'counts.create': write<C.CountDetail>()(
    z
      .object({
        locationId: f.id,
        scope: z.enum(['full', 'cycle'], { message: 'must be full or cycle' }),
        classes: z.array(abcClass).min(1, 'choose at least one class').optional(),
        category: f.text(100).optional(),
        /** only products whose class interval has passed since their last count here */
        dueOnly: z.boolean().default(false),
        productIds: z.array(f.id).min(1, 'choose at least one product').max(20_000, 'at most 20,000 products').optional(),
        ...abcFields,
        blind: z.boolean().default(false),
        /** a difference of more than this many units, or this percentage of the book, is counted again */
        recountUnits: f.nonNegativeInt.nullable().default(null),
        recountPercent: percent.nullable().default(null),
        note: f.optionalText(500),
      })
      .refine(sharesInOrder, sharesMessage),
  ),
  /**
   * One scan: the code (barcode, SKU or a supplier's SKU) adds `qty` to its product's count.
   * A product not on the count is added to it. A code that matches nothing or more than one
   * product is refused (details: `reason` unknown_code or ambiguous, `matches`); `productId`
   * says which product was meant.
   */
  'counts.scan': write<C.CountScanResult>()(
    z.object({
      id: f.id,
      code: f.requiredText(100),
      productId: f.id.optional(),
      qty: z.number({ message: 'must be a whole number of units' }).int('must be a whole number of units').refine((n) => n !== 0 && Math.abs(n) <= 100_000, 'must be a whole number from -100,000 to 100,000, not 0').default(1),
    }),
  ),
  /** sets a product's counted quantity as typed (null: not counted) */
  'counts.setCounted': write<C.CountScanResult>()(z.object({ id: f.id, productId: f.id, counted: counted.nullable() })),
  /** sends every line whose difference is beyond the count's thresholds back to be counted again */
  'counts.recount': write<C.CountDetail>()(z.object({ id: f.id })),
  /** the count sheet to print: location, products, barcodes, expected (unless blind) and a box to write in */
  'counts.sheet': read<C.CountSheet>()(z.object({ id: f.id, uncountedOnly: z.boolean().default(false) })),
  /**
   * Posts each difference between what was counted and the book at that moment as a count
   * movement, at the average cost. Uncounted lines are left as they are (`uncounted: keep`) or
   * taken as none found (`zero`). Refused while recounts are awaited, or if posted already.
   */
  'counts.post': write<C.CountPosted>()(
    z.object({ id: f.id, uncounted: z.enum(['keep', 'zero'], { message: 'must be keep or zero' }).default('keep'), note: f.optionalText(500) }),
  ),
  'counts.cancel': write<C.StockCount>()(z.object({ id: f.id })),
};
