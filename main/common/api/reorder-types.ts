// Result types of reorder planning. Quantities are units; forecasts are units per week (or per
// period where a period is named); amounts are integer minor units of the currency named beside
// them (a supplier's own currency for its order lines and budget).
import type { DemandClass, Method as ForecastMethod } from '../calc/forecast';
import type { PriceBreak } from '../calc/pricing';
import type { Policy } from '../calc/reorder';

export type { DemandClass, Method as ForecastMethod } from '../calc/forecast';
export type PlanPolicy = Policy | 'none';

/** A product's demand history in periods and what each forecasting method makes of it. */
export interface DemandHistory {
  productId: string;
  sku: string;
  name: string;
  locationId: string | null;
  periodDays: number;
  /** oldest first; shipped units (sales, live-session orders), not transfers or adjustments, and of those promotional */
  periods: { from: string; to: string; qty: number; promo: number }[];
  class: DemandClass;
  /** average inter-demand interval; null without any demand */
  adi: number | null;
  cv2: number;
  sdPerPeriod: number;
  /** what `auto` picks, its forecast per period, and why there is none when there is none */
  auto: { method: ForecastMethod; perPeriod: number | null; why: string | null };
  /** every method's forecast and its backtest error (MASE against the naive forecast; null when it cannot be measured) */
  methods: { method: ForecastMethod; perPeriod: number | null; mase: number | null }[];
}

/** How long a supplier takes for a product: as configured, as observed on receipts, and which one counts. */
export interface LeadTime {
  supplierId: string;
  productId: string;
  /** the supplier's price-list line for the product, or else the supplier's default */
  configuredDays: number;
  configuredFrom: 'product' | 'supplier';
  /** days from sending the order to each receipt; null until there are receipts */
  observed: { receipts: number; meanDays: number; sdDays: number } | null;
  /** what planning uses: observed once there are at least 3 receipts, else configured */
  days: number;
  sdDays: number;
  from: 'observed' | 'product' | 'supplier';
}

/** How products are planned unless their own rule says otherwise. */
export interface ReorderSettings {
  baseCurrency: string;
  /** chance of not running out before an order arrives (0.95) */
  serviceLevel: number;
  method: ForecastMethod | 'auto';
  /** how `auto` chooses: by the demand's class, or the method with the smallest backtest error */
  autoPick: 'class' | 'backtest';
  alpha: number;
  /** weeks of history the forecast looks at */
  historyWeeks: number;
  /** a year's cost of holding stock, as a share of its value (0.25) */
  holdingRate: number;
  /** cost of placing one order, base currency minor units (null: no EOQ unless the supplier has one) */
  orderCost: number | null;
  /** promotional periods and sessions: left out of the normal rate, or counted as any sale */
  promotional: 'exclude' | 'include';
}

/** One product's planning rule; null fields take the settings' defaults. */
export interface ReorderRule {
  productId: string;
  supplierId: string | null;
  policy: PlanPolicy;
  method: ForecastMethod | 'auto' | null;
  serviceLevel: number | null;
  min: number | null;
  max: number | null;
  reorderLevel: number | null;
  reorderQty: number | null;
}

/** A supplier's order cost and budget cap, in its currency's minor units. */
export interface ReorderSupplier {
  supplierId: string;
  currency: string;
  orderCost: number | null;
  budget: number | null;
}

export interface Promotion {
  id: string;
  name: string;
  fromDay: string;
  toDay: string;
  /** null: every product */
  productId: string | null;
  sku: string | null;
  productName: string | null;
}

/** What to order of one product (or why not), and the figures behind it. */
export interface PlanLine {
  productId: string;
  sku: string;
  name: string;
  /** the supplier it would be ordered from; null: no supplier sells it */
  supplierId: string | null;
  supplierProductId: string | null;
  supplierSku: string | null;
  policy: Policy;
  method: ForecastMethod;
  class: DemandClass;
  /** units per week; null: no forecast (noForecast says why) */
  forecastPerWeek: number | null;
  sdPerWeek: number | null;
  noForecast: string | null;
  /** promotional units left out of the history the forecast saw */
  promoUnits: number;
  leadTimeDays: number;
  leadTimeSdDays: number;
  leadTimeFrom: 'observed' | 'product' | 'supplier';
  safetyStock: number | null;
  reorderPoint: number | null;
  eoq: number | null;
  onHand: number;
  /** still to come on open purchase orders, drafts included */
  onOrder: number;
  reserved: number;
  /** units on the plans of live sessions scheduled before an order could arrive (they will be held) */
  plannedLive: number;
  /** on hand + on order − reserved − planned for live sessions */
  projected: number;
  /** what set the order off: the reorder point, min or reorder level, and whether projected is at or below it */
  trigger: { kind: 'rop' | 'min' | 'level'; threshold: number; reached: boolean };
  daysOfCover: number | null;
  /** the day projected stock runs out at the forecast rate */
  runsOutOn: string | null;
  /** the last day to order for it to arrive before it runs out (runs out − lead time) */
  orderBy: string | null;
  /** days of cover less the lead time: below zero it runs out before an order can arrive (the smaller, the more urgent) */
  slackDays: number | null;
  /** what the policy asks for, rounded to the multiple and minimum */
  suggestedQty: number;
  /** what is suggested after the supplier's budget cap */
  qty: number;
  /** cut (or dropped) to keep the supplier's order within its budget */
  trimmed: boolean;
  moq: number;
  orderMultiple: number;
  /** the supplier's list price and quantity breaks, its currency's minor units: a changed quantity is priced as the order will price it */
  listPrice: number | null;
  priceBreaks: PriceBreak[];
  /** the supplier's price for qty (its price breaks), its currency's minor units */
  unitPrice: number | null;
  lineTotal: number | null;
  /** in English, for scripts; the screens compose their own from the figures */
  reason: string;
}

export interface SupplierPlan {
  supplierId: string;
  supplierName: string;
  currency: string;
  orderCost: number | null;
  budget: number | null;
  /** products to order, most urgent first */
  lines: PlanLine[];
  /** sum of the lines' totals */
  total: number;
}

export interface ReorderSuggestions {
  asOf: string;
  /** the Monday of the first and the last week of history */
  fromWeek: string;
  toWeek: string;
  locationId: string | null;
  baseCurrency: string;
  suppliers: SupplierPlan[];
  /** products that need ordering but no supplier sells */
  unsourced: PlanLine[];
  /** products planned, and how many of them had no sales to forecast from */
  planned: number;
  noHistory: number;
}

/** One product's plan with its weekly history, every method's backtest and the projected stock. */
export interface ReorderProduct {
  line: PlanLine;
  settings: ReorderSettings;
  rule: ReorderRule;
  /** oldest first: shipped units, of which promotional */
  weeks: { week: string; qty: number; promo: number }[];
  methods: { method: ForecastMethod; perWeek: number | null; mase: number | null }[];
  /** stock day by day from today at the forecast rate (never below zero), and with the suggested order arriving after the lead time */
  projection: { day: string; stock: number; withOrder: number }[];
}
