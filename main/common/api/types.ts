// Result types of the API. Money crosses the wire as integer minor units of the base currency
// (or of the currency named beside it); dates as ISO strings.
import type { LandedResult, LandedLineResult, CustomsInput, LandedInput, SplitMethod } from '../calc/landed';
import type { CustomsProfile } from '../calc/customs';
import type { Carrier, TrackingStatus } from '../calc/shipping';

export type LocationKind = 'own' | 'overseas' | 'bonded' | '3pl' | 'in_transit';
export type Status = 'active' | 'archived';

export interface Product {
  id: string;
  sku: string;
  name: string;
  localName: string | null;
  barcode: string | null;
  brand: string | null;
  category: string | null;
  hsCode: string | null;
  originCountry: string | null;
  weightG: number | null;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
  packSize: number;
  defaultSupplier: string | null;
  parentId: string | null;
  options: Record<string, string> | null;
  lowStockThreshold: number | null;
  notes: string | null;
  /** the usual selling price, base currency minor units */
  price: number | null;
  allowBackorder: boolean;
  status: Status;
  createdAt: string;
  updatedAt: string;
}

export interface ProductRow extends Product {
  onHand: number;
  reserved: number;
  value: number;
  variantCount: number;
}

export interface Page<T> {
  rows: T[];
  total: number;
}

export interface Location {
  id: string;
  code: string;
  name: string;
  kind: LocationKind;
  country: string | null;
  allowNegative: boolean;
  notes: string | null;
  status: Status;
  createdAt: string;
  updatedAt: string;
}

export interface BalanceRow {
  productId: string;
  sku: string;
  name: string;
  locationId: string;
  locationCode: string;
  locationName: string;
  onHand: number;
  reserved: number;
  available: number;
  /** average unit cost in minor units × 10^4 */
  avgCostE4: number;
  value: number;
  updatedAt: string;
}

export type MovementKind =
  | 'receipt'
  | 'sale'
  | 'adjustment'
  | 'transfer_out'
  | 'transfer_in'
  | 'return'
  | 'count'
  | 'write_off'
  | 'revaluation';

export interface Movement {
  id: string;
  seq: number;
  productId: string;
  sku: string;
  productName: string;
  locationId: string;
  locationCode: string;
  kind: MovementKind;
  qty: number;
  value: number;
  avgCostE4: number;
  qtyAfter: number;
  occurredAt: string;
  postedAt: string;
  actor: string;
  reason: string | null;
  note: string | null;
  docType: string | null;
  docId: string | null;
}

/** What products.assignBarcodes did */
export interface BarcodesAssigned {
  assigned: { productId: string; sku: string; barcode: string }[];
  /** products named that already had a barcode (they keep it) */
  kept: number;
}

/** Labels for products, as a PDF */
export interface ProductLabels {
  fileName: string;
  mimeType: 'application/pdf';
  base64: string;
  /** labels printed (products × copies) */
  labels: number;
}

export interface ProductDetail {
  product: Product;
  parent: Product | null;
  variants: ProductRow[];
  balances: BalanceRow[];
}

export interface PostResult {
  docId: string;
  movements: Movement[];
}

export interface CheckReport {
  ok: boolean;
  movements: number;
  chain: { ok: boolean; firstBrokenSeq: number | null; message: string | null };
  balances: {
    ok: boolean;
    mismatches: { productId: string; locationId: string; field: string; stored: number; rebuilt: number }[];
  };
}

export interface Settings {
  baseCurrency: string;
  userName: string;
  locale: 'en' | 'zh';
  ledgerStarted: boolean;
  /** the biggest attachment taken, in MB (25 unless changed) */
  attachmentMaxMb: number;
  /** who the merchant is, as printed on shipping papers */
  business: { name: string | null; address: string | null; country: string | null; taxId: string | null };
}

export interface DashboardSummary {
  baseCurrency: string;
  totals: { products: number; locations: number; units: number; value: number };
  valueByCategory: { category: string; value: number; units: number }[];
  valueByLocation: { locationId: string; code: string; name: string; value: number; units: number }[];
  movementsByDay: { day: string; qtyIn: number; qtyOut: number; valueIn: number; valueOut: number }[];
  lowStock: { productId: string; sku: string; name: string; onHand: number; threshold: number }[];
  recent: Movement[];
}

export interface HsEntry {
  code: string;
  description: string;
  level: number;
}

export interface SearchHit {
  kind: 'product' | 'location';
  id: string;
  title: string;
  subtitle: string;
  /** 'barcode' or 'sku' when the query was exactly this product's barcode (what a scanner types) or SKU */
  match: 'barcode' | 'sku' | 'text';
}

export interface FxQuote {
  from: string;
  to: string;
  /** units of `to` for one `from`, exact decimal */
  rate: string;
  /** the day the rate was published or entered (latest on or before the date asked) */
  day: string;
  /** how the rate was found: entered for this pair, its inverse, or derived through EUR */
  via: 'same' | 'direct' | 'inverse' | 'EUR cross';
  source: 'ecb' | 'csv' | 'manual' | 'identity';
  ageDays: number;
  /** older than a week on the date asked: worth checking before it goes on a document */
  stale: boolean;
}

export interface FxImportReport {
  imported: number;
  days: number;
  currencies: string[];
  from: string | null;
  to: string | null;
  /** rows (1-based line numbers in the file) or columns that were not imported, and why */
  skipped: { row: number; message: string }[];
}

export interface FxOverview {
  base: string;
  /** what one unit of each currency with a rate is worth in the base currency */
  rows: FxQuote[];
}

export interface Supplier {
  id: string;
  name: string;
  country: string | null;
  /** ISO 4217: the currency its prices and orders are in */
  currency: string;
  contactName: string | null;
  email: string | null;
  phone: string | null;
  paymentTerms: string | null;
  leadTimeDays: number;
  notes: string | null;
  status: Status;
  createdAt: string;
  updatedAt: string;
}

export interface SupplierProduct {
  id: string;
  supplierId: string;
  supplierSku: string;
  productId: string | null;
  productSku: string | null;
  productName: string | null;
  /** list price per unit, minor units of the supplier's currency */
  unitPrice: number;
  /** cheaper unit prices from a quantity up, rising quantities */
  priceBreaks: { minQty: number; unitPrice: number }[];
  moq: number;
  orderMultiple: number;
  /** overrides the supplier's lead time */
  leadTimeDays: number | null;
  /** when this price was last confirmed */
  priceDate: string;
  status: Status;
  createdAt: string;
  updatedAt: string;
}

export interface SupplierDetail {
  supplier: Supplier;
  products: SupplierProduct[];
  /** orders not yet received or closed, newest first */
  openOrders: PurchaseOrder[];
  /** receipts against orders that had an expected date: how many came on or before it */
  onTime: { receipts: number; onTime: number };
}

export type PoStatus = 'draft' | 'sent' | 'partially_received' | 'received' | 'closed' | 'cancelled';

export interface PurchaseOrder {
  id: string;
  number: string;
  supplierId: string;
  supplierName: string;
  status: PoStatus;
  /** the supplier's currency: prices and the total are in it */
  currency: string;
  baseCurrency: string;
  orderDate: string;
  expectedDate: string | null;
  /** units of base currency for one unit of the order's currency, as of `fxDay`; null = no rate yet */
  fxRate: string | null;
  fxDay: string | null;
  notes: string | null;
  total: number;
  totalBase: number | null;
  lineCount: number;
  sentAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PurchaseOrderLine {
  id: string;
  lineNo: number;
  productId: string;
  sku: string;
  name: string;
  barcode: string | null;
  supplierProductId: string | null;
  supplierSku: string | null;
  qtyOrdered: number;
  qtyReceived: number;
  unitPrice: number;
  lineTotal: number;
  expectedDate: string | null;
}

export interface PurchaseOrderDetail {
  order: PurchaseOrder;
  lines: PurchaseOrderLine[];
}

export interface ReceiptLine {
  poLineId: string;
  productId: string;
  sku: string;
  /** good units counted in */
  qty: number;
  damagedQty: number;
  damagedAction: 'quarantine' | 'write_off' | null;
  /** price per unit in the order's currency */
  unitPrice: number;
  /** what the units received (good and damaged) cost in the base currency, at the receipt's rate */
  valueBase: number;
  reason: string | null;
}

export interface Receipt {
  id: string;
  number: string;
  poId: string;
  locationId: string;
  receivedAt: string;
  /** order currency → base, as used for this receipt */
  fxRate: string;
  fxDay: string;
  fxSource: string;
  notes: string | null;
  lines: ReceiptLine[];
  /** taken back out by a correcting entry */
  reversed: boolean;
  createdAt: string;
}

// ---- landed cost ------------------------------------------------------------------------------
export type { LandedInput, LandedLineInput, LandedChargeInput, CustomsInput, LandedResult, LandedLineResult, LandedTotals, SplitMethod } from '../calc/landed';
export type { CustomsProfile, CustomsRules, ProfileSource } from '../calc/customs';

export type ChargeKind = 'freight' | 'insurance' | 'brokerage' | 'bank' | 'duty' | 'tax' | 'other';
/** where a line's duty rate came from: typed on the line, the product's rate for the profile, the profile's tariff by HS code */
export type RateSource = 'line' | 'product' | 'tariff' | null;

/** A calculator line or charge may carry what the screen needs beyond the engine's fields. */
export type CalcInput = Omit<LandedInput, 'lines' | 'charges'> & {
  lines: (LandedInput['lines'][number] & { productId?: string | null; name?: string | null })[];
  charges?: (NonNullable<LandedInput['charges']>[number] & { kind?: ChargeKind; label?: string | null })[];
};

export interface CalcLineResult extends LandedLineResult {
  dutyRate: string | null;
  exciseRate: string | null;
  rateSource: RateSource;
}

export interface CalcResult extends Omit<LandedResult, 'lines'> {
  lines: CalcLineResult[];
  /** the exchange rate used for each foreign currency: typed, or from the dated table */
  rates: Record<string, { rate: string; day: string; source: string }>;
  /** the profile version applied, if any */
  profile: Pick<CustomsProfile, 'code' | 'name' | 'currency' | 'validFrom' | 'validTo'> | null;
}

export interface CalculationSummary {
  id: string;
  name: string;
  currency: string;
  lines: number;
  updatedAt: string;
}

export interface Calculation {
  id: string;
  name: string;
  input: CalcInput;
  createdAt: string;
  updatedAt: string;
}

export interface CustomsProfileRow extends CustomsProfile {
  /** shipped with the app, the user's own, or a shipped version the user edited */
  origin: 'shipped' | 'user' | 'edited';
}

export interface ProductDutyRate {
  productId: string;
  profileCode: string;
  dutyRate: string;
  exciseRate: string | null;
}

export type LandedDocStatus = 'draft' | 'posted' | 'cancelled';

export interface LandedDocRow {
  id: string;
  number: string;
  status: LandedDocStatus;
  docDate: string;
  currency: string;
  receiptIds: string[];
  receiptNumbers: string[];
  profile: string | null;
  /** charges, duty and taxes added to the goods (base minor units), once posted */
  extra: number | null;
  capitalised: number | null;
  expensed: number | null;
  /** units the document covered in stock (written-off ones aside), and how many were on hand when posted */
  units: number | null;
  unitsOnHand: number | null;
  reversesId: string | null;
  reversesNumber: string | null;
  reversedById: string | null;
  reversedByNumber: string | null;
  postedAt: string | null;
  createdAt: string;
}

export interface LandedCharge {
  id: string;
  kind: ChargeKind;
  label: string | null;
  /** minor units of its currency */
  amount: number;
  currency: string;
  /** base per unit of the charge's currency */
  fxRate: string;
  fxDay: string;
  fxSource: string;
  split: SplitMethod | 'manual';
  /** receipt line id → minor units of the charge's currency */
  manual: Record<string, number> | null;
  inCustomsValue: boolean;
  inVatBase: boolean;
  supplierId: string | null;
  supplierName: string | null;
  reference: string | null;
}

export interface LandedDocLine {
  receiptLineId: string;
  receiptNumber: string;
  productId: string;
  sku: string;
  name: string;
  locationCode: string;
  /** units received, damaged included */
  quantity: number;
  hsCode: string | null;
  dutyRate: string | null;
  exciseRate: string | null;
  rateSource: RateSource;
  /** what was typed on this document's line (null = taken from the product or profile) */
  typed: { hsCode: string | null; dutyRate: string | null; exciseRate: string | null };
  unitWeightKg: string | null;
  unitVolumeM3: string | null;
  result: LandedLineResult | null;
  capitalised: number | null;
  expensed: number | null;
}

export interface LandedDocDetail extends LandedDocRow {
  /** the receipts it is attached to, with their order, supplier, date, location and value */
  receipts: ReceiptChoice[];
  customs: CustomsInput | null;
  notes: string | null;
  charges: LandedCharge[];
  lines: LandedDocLine[];
  result: LandedResult | null;
  /** why the document cannot be computed yet (a missing rate, a charge that does not split…) */
  issues: { field: string; message: string }[];
}

export interface ReceiptChoice {
  id: string;
  number: string;
  poNumber: string;
  supplierName: string;
  receivedAt: string;
  locationCode: string;
  lines: number;
  valueBase: number;
  landedNumbers: string[];
}

// ---- shipments --------------------------------------------------------------------------------

export type ShipmentDirection = 'inbound' | 'transfer' | 'outbound';
export type ShipmentStatus = TrackingStatus;
export type Incoterm = 'EXW' | 'FOB' | 'CIF' | 'DAP' | 'DDP';
export type LegMode = 'air' | 'sea' | 'road' | 'rail' | 'courier' | 'customs';

export interface Shipment {
  id: string;
  number: string;
  direction: ShipmentDirection;
  /** that of the latest tracking event by time ('created' before any) */
  status: ShipmentStatus;
  supplierId: string | null;
  supplierName: string | null;
  fromLocationId: string | null;
  fromLocationCode: string | null;
  toLocationId: string | null;
  toLocationCode: string | null;
  /** outbound: who it goes to (free text for now) */
  customer: string | null;
  /** outbound: the address (lines) and country it goes to */
  shipTo: string | null;
  shipToCountry: string | null;
  carrier: string | null;
  service: string | null;
  incoterm: Incoterm | null;
  /** minor units of `currency` */
  declaredValue: number | null;
  currency: string | null;
  volumetricDivisor: 5000 | 6000;
  shippedOn: string | null;
  eta: string | null;
  /** the time of the delivered event, while that is the latest */
  deliveredAt: string | null;
  notes: string | null;
  /** inbound: customs clearance (null until it is recorded) */
  customsStatus: CustomsStatus | null;
  customsBroker: string | null;
  customsEntry: string | null;
  customsClearedOn: string | null;
  /** transfer: the in-transit location the stock waits in */
  transitLocationId: string | null;
  /** when the stock left (transfer, outbound) */
  dispatchedAt: string | null;
  /** when it was received (inbound, transfer) */
  receivedAt: string | null;
  /** the landed-cost document made from its costs */
  landedCostId: string | null;
  createdAt: string;
  updatedAt: string;
}

export type CustomsStatus = 'not_started' | 'submitted' | 'held' | 'cleared';

export interface ShipmentRow extends Shipment {
  trackingNumbers: string[];
  /** ETA before today and not delivered or returned */
  late: boolean;
  lastEventAt: string | null;
  /** units on its lines, all products together */
  units: number;
}

export interface ShipmentTracking {
  number: string;
  format: Carrier | null;
  /** why the number looks mistyped (kept, not refused), or null */
  checkError: string | null;
}

export interface ShipmentParcel {
  id: string;
  weightG: number;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
  reference: string | null;
  /** from the dimensions and the shipment's divisor; null without all three dimensions */
  volumetricG: number | null;
  /** the greater of actual and volumetric weight, up to the next 500 g */
  chargeableG: number;
}

export interface ShipmentLeg {
  id: string;
  from: string;
  to: string;
  mode: LegMode;
  carrier: string | null;
  eta: string | null;
}

export interface ShipmentLine {
  id: string;
  poLineId: string | null;
  poId: string | null;
  poNumber: string | null;
  /** outbound: the sales order this line ships */
  salesOrderId: string | null;
  salesOrderNumber: string | null;
  productId: string;
  sku: string;
  name: string;
  qty: number;
  /** what arrived in good order, once received */
  qtyArrived: number | null;
}

export interface ShipmentCost {
  id: string;
  kind: ChargeKind;
  label: string | null;
  /** minor units of `currency` */
  amount: number;
  currency: string;
  split: SplitMethod;
  inCustomsValue: boolean;
  recoverable: boolean;
  supplierId: string | null;
  supplierName: string | null;
  reference: string | null;
}

export interface ShipmentEvent {
  id: string;
  at: string;
  status: ShipmentStatus;
  place: string | null;
  text: string | null;
  source: 'manual' | 'csv' | 'supplier';
  createdAt: string;
}

export interface ShipmentDetail {
  shipment: ShipmentRow;
  trackingNumbers: ShipmentTracking[];
  parcels: ShipmentParcel[];
  legs: ShipmentLeg[];
  lines: ShipmentLine[];
  /** oldest first, by when things happened */
  events: ShipmentEvent[];
  totals: { parcels: number; weightG: number; chargeableG: number };
  costs: ShipmentCost[];
  /** inbound: the receipts it posted */
  receipts: { id: string; number: string; poId: string; poNumber: string; receivedAt: string; reversed: boolean }[];
  landedCost: { id: string; number: string; status: 'draft' | 'posted' | 'cancelled' } | null;
  transitLocationCode: string | null;
  /** what can be done next */
  can: { dispatch: boolean; receive: boolean; landCost: boolean };
}

export interface ShipmentPapers {
  fileName: string;
  mimeType: 'application/pdf';
  base64: string;
}

// ---- returns ----------------------------------------------------------------------------------

export type ReturnDirection = 'from_customer' | 'to_supplier';
export type ReturnStatus = 'open' | 'shipped' | 'received' | 'closed' | 'cancelled';
export type ReturnReason = 'damaged' | 'defective' | 'wrong_item' | 'not_as_described' | 'unwanted' | 'undeliverable' | 'other';

export interface ReturnRow {
  id: string;
  number: string;
  direction: ReturnDirection;
  status: ReturnStatus;
  customer: string | null;
  supplierId: string | null;
  supplierName: string | null;
  shipmentId: string | null;
  shipmentNumber: string | null;
  locationId: string | null;
  locationCode: string | null;
  carrier: string | null;
  tracking: string | null;
  notes: string | null;
  units: number;
  shippedAt: string | null;
  receivedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ReturnLine {
  id: string;
  productId: string;
  sku: string;
  name: string;
  qty: number;
  reason: ReturnReason;
  reasonNote: string | null;
  /** per unit, base currency, e.g. "12.5000"; null = what it left with or the average */
  unitCost: string | null;
  restockQty: number | null;
  restockLocationId: string | null;
  quarantineQty: number | null;
  quarantineLocationId: string | null;
  writeOffQty: number | null;
}

export interface ReturnCost {
  id: string;
  kind: 'shipping' | 'duty' | 'fees' | 'refund' | 'other';
  label: string | null;
  amount: number;
  currency: string;
}

export interface ReturnDetail {
  return: ReturnRow;
  lines: ReturnLine[];
  costs: ReturnCost[];
  /** the costs added up per currency (minor units) */
  costTotals: { currency: string; amount: number }[];
  /** stock value that came back in (restocked or quarantined) and that was written off, base minor units */
  valueRestocked: number;
  valueWrittenOff: number;
  /** to a supplier: the stock value that left */
  valueSentBack: number;
}

export interface ShipmentEventsResult extends ShipmentDetail {
  added: number;
  /** events already on the timeline (or twice in the call), skipped */
  duplicates: number;
}

export interface TrackingImportReport {
  added: number;
  duplicates: number;
  /** rows (1-based line numbers in the file, the header is 1) not imported, and why */
  skipped: { row: number; reason: string }[];
  /** the shipments whose timeline changed */
  shipmentIds: string[];
}
