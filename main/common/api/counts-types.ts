// What the stock-count methods return (see ./counts.ts).

export type AbcClass = 'A' | 'B' | 'C';
export type CountScope = 'full' | 'cycle';
export type CountStatus = 'open' | 'posted' | 'cancelled';

/** How often each class is counted, in days (A monthly, B quarterly, C yearly by default). */
export type CountIntervals = Record<AbcClass, number>;

export interface AbcRow {
  productId: string;
  sku: string;
  name: string;
  localName: string | null;
  class: AbcClass;
  /** cost of the units sold in the period, base minor units */
  value: number;
  units: number;
  /** this product's share of the period's value, and the running share up to it (0..1) */
  share: number;
  cumulative: number;
  /** when it was last counted at the location asked about (null: never, or no location given) */
  lastCounted: string | null;
  /** its class's interval has passed since the last count (or it was never counted) */
  due: boolean;
}

export interface AbcClassSummary {
  class: AbcClass;
  products: number;
  value: number;
  /** products due for a count at the location (all of them when no location was given) */
  due: number;
  intervalDays: number;
}

export interface AbcAnalysis {
  /** the period of sales the classes are drawn from */
  days: number;
  since: string;
  until: string;
  currency: string;
  /** cost of everything sold in the period */
  total: number;
  classes: AbcClassSummary[];
  rows: AbcRow[];
  /** rows matching, before paging */
  matched: number;
}

export interface CountSelection {
  classes: AbcClass[] | null;
  category: string | null;
  dueOnly: boolean;
  /** how many products were named one by one */
  namedProducts: number | null;
}

export interface StockCount {
  id: string;
  number: string;
  locationId: string;
  locationCode: string;
  locationName: string;
  scope: CountScope;
  selection: CountSelection | null;
  blind: boolean;
  recountUnits: number | null;
  recountPercent: number | null;
  status: CountStatus;
  note: string | null;
  openedAt: string;
  openedBy: string;
  closedAt: string | null;
  closedBy: string | null;
  lines: number;
  counted: number;
}

export interface CountLine {
  productId: string;
  sku: string;
  name: string;
  localName: string | null;
  barcode: string | null;
  /** book quantity when the count was opened; null while a blind count is being counted */
  expected: number | null;
  counted: number | null;
  countedAt: string | null;
  countedBy: string | null;
  firstCount: number | null;
  /** a recount is awaited */
  recount: boolean;
  /** found by scanning, not on the starting list */
  added: boolean;
  /**
   * The book at the moment the line was counted (movements made after opening and before
   * counting included), or, not yet counted, the book now. Null while blind.
   */
  book: number | null;
  /** counted − book: what posting adds (or takes, when negative). Null until counted, or blind. */
  difference: number | null;
  /** the difference at the current average cost (base minor units), signed. Null as difference. */
  value: number | null;
  /** net units moved since the line was counted (kept when posting, not overwritten) */
  movedSince: number | null;
  /** no average cost known: a difference found here is valued at 0 */
  noCost: boolean;
}

/** How far a count has got: lines, how many are counted, and recounts awaited. */
export interface CountProgress {
  lines: number;
  counted: number;
  uncounted: number;
  recounts: number;
}

export interface CountTotals extends CountProgress {
  /** lines whose difference is not zero, their units up and down, and the value change */
  differences: number | null;
  unitsUp: number | null;
  unitsDown: number | null;
  value: number | null;
}

export interface CountDetail {
  count: StockCount;
  lines: CountLine[];
  totals: CountTotals;
  currency: string;
  /** blind and still being counted: expected quantities and differences are withheld */
  withheld: boolean;
}

export interface CountScanResult {
  line: CountLine;
  /** how the code was recognised */
  via: 'barcode' | 'sku' | 'supplier_sku' | 'product';
  progress: CountProgress;
}

export interface CountPosted {
  count: StockCount;
  /** movements posted (one per line with a difference) */
  movements: number;
  unitsUp: number;
  unitsDown: number;
  value: number;
  currency: string;
}

export interface CountSheet {
  fileName: string;
  mimeType: 'application/pdf';
  base64: string;
}

/** A code that matched more than one product (in an error's details as `matches`). */
export interface CodeMatch {
  productId: string;
  sku: string;
  name: string;
  via: 'barcode' | 'sku' | 'supplier_sku';
}
