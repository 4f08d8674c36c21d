import type { Db } from '../open';
import type { Calculation, CalculationSummary, CustomsProfile, LandedCharge, LandedDocRow, LandedDocStatus, ProductDutyRate, ReceiptChoice } from '../../common/api/types';
import { likePrefix, stmt } from './statements';

// ---- profiles and product rates ---------------------------------------------------------------

export function userProfiles(db: Db): CustomsProfile[] {
  return (stmt(db, 'SELECT body FROM customs_profiles ORDER BY code, valid_from').all() as { body: string }[]).map((r) => JSON.parse(r.body) as CustomsProfile);
}

export function saveUserProfile(db: Db, p: CustomsProfile, now: string): void {
  stmt(
    db,
    `INSERT INTO customs_profiles (code, valid_from, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (code, valid_from) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
  ).run(p.code, p.validFrom, JSON.stringify(p), now, now);
}

export function deleteUserProfile(db: Db, code: string, validFrom: string): boolean {
  return stmt(db, 'DELETE FROM customs_profiles WHERE code = ? AND valid_from = ?').run(code, validFrom).changes > 0;
}

export function productRates(db: Db, productId: string): ProductDutyRate[] {
  return stmt(
    db,
    `SELECT product_id AS productId, profile_code AS profileCode, duty_rate AS dutyRate, excise_rate AS exciseRate
     FROM product_duty_rates WHERE product_id = ? ORDER BY profile_code`,
  ).all(productId) as ProductDutyRate[];
}

export function productRate(db: Db, productId: string, profileCode: string): ProductDutyRate | null {
  return (
    (stmt(
      db,
      `SELECT product_id AS productId, profile_code AS profileCode, duty_rate AS dutyRate, excise_rate AS exciseRate
       FROM product_duty_rates WHERE product_id = ? AND profile_code = ?`,
    ).get(productId, profileCode) as ProductDutyRate | undefined) ?? null
  );
}

export function setProductRate(db: Db, r: ProductDutyRate, now: string): void {
  stmt(
    db,
    `INSERT INTO product_duty_rates (product_id, profile_code, duty_rate, excise_rate, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (product_id, profile_code) DO UPDATE SET duty_rate = excluded.duty_rate, excise_rate = excluded.excise_rate, updated_at = excluded.updated_at`,
  ).run(r.productId, r.profileCode, r.dutyRate, r.exciseRate, now, now);
}

export function deleteProductRate(db: Db, productId: string, profileCode: string): void {
  stmt(db, 'DELETE FROM product_duty_rates WHERE product_id = ? AND profile_code = ?').run(productId, profileCode);
}

// ---- saved calculations -----------------------------------------------------------------------

export function listCalculations(db: Db): CalculationSummary[] {
  return stmt(
    db,
    `SELECT id, name, json_extract(input, '$.currency') AS currency, json_array_length(input, '$.lines') AS lines, updated_at AS updatedAt
     FROM landed_calculations ORDER BY updated_at DESC LIMIT 500`,
  ).all() as CalculationSummary[];
}

export function getCalculation(db: Db, id: string): Calculation | null {
  const row = stmt(db, 'SELECT id, name, input, created_at AS createdAt, updated_at AS updatedAt FROM landed_calculations WHERE id = ?').get(id) as
    | (Omit<Calculation, 'input'> & { input: string })
    | undefined;
  return row ? { ...row, input: JSON.parse(row.input) as Calculation['input'] } : null;
}

export function saveCalculation(db: Db, c: Calculation): void {
  stmt(
    db,
    `INSERT INTO landed_calculations (id, name, input, created_at, updated_at) VALUES (@id, @name, @input, @createdAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, input = excluded.input, updated_at = excluded.updated_at`,
  ).run({ ...c, input: JSON.stringify(c.input) });
}

export function deleteCalculation(db: Db, id: string): boolean {
  return stmt(db, 'DELETE FROM landed_calculations WHERE id = ?').run(id).changes > 0;
}

// ---- documents --------------------------------------------------------------------------------

export interface DocRecord {
  id: string;
  number: string;
  status: LandedDocStatus;
  docDate: string;
  currency: string;
  /** JSON of the customs input, or null */
  customs: string | null;
  notes: string | null;
  reversesId: string | null;
  input: string | null;
  result: string | null;
  extra: number | null;
  capitalised: number | null;
  expensed: number | null;
  units: number | null;
  unitsOnHand: number | null;
  postedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

const DOC_COLUMNS = `id, number, status, doc_date AS docDate, currency, customs, notes, reverses_id AS reversesId, input, result, extra,
  capitalised, expensed, units, units_on_hand AS unitsOnHand, posted_at AS postedAt, created_at AS createdAt, updated_at AS updatedAt`;

export function getDoc(db: Db, id: string): DocRecord | null {
  return (stmt(db, `SELECT ${DOC_COLUMNS} FROM landed_costs WHERE id = ?`).get(id) as DocRecord | undefined) ?? null;
}

export function saveDoc(db: Db, d: DocRecord): void {
  stmt(
    db,
    `INSERT INTO landed_costs (id, number, status, doc_date, currency, customs, notes, reverses_id, input, result, extra, capitalised, expensed,
       units, units_on_hand, posted_at, created_at, updated_at)
     VALUES (@id, @number, @status, @docDate, @currency, @customs, @notes, @reversesId, @input, @result, @extra, @capitalised, @expensed,
       @units, @unitsOnHand, @postedAt, @createdAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET status = excluded.status, doc_date = excluded.doc_date, customs = excluded.customs, notes = excluded.notes,
       input = excluded.input, result = excluded.result, extra = excluded.extra, capitalised = excluded.capitalised,
       expensed = excluded.expensed, units = excluded.units, units_on_hand = excluded.units_on_hand, posted_at = excluded.posted_at, updated_at = excluded.updated_at`,
  ).run(d);
}

const ROW_SELECT = `SELECT d.id, d.number, d.status, d.doc_date AS docDate, d.currency, json_extract(d.customs, '$.profile') AS profile,
    d.extra, d.capitalised, d.expensed, d.units, d.units_on_hand AS unitsOnHand, d.posted_at AS postedAt, d.created_at AS createdAt,
    d.reverses_id AS reversesId, (SELECT number FROM landed_costs o WHERE o.id = d.reverses_id) AS reversesNumber,
    (SELECT id FROM landed_costs o WHERE o.reverses_id = d.id) AS reversedById,
    (SELECT number FROM landed_costs o WHERE o.reverses_id = d.id) AS reversedByNumber,
    (SELECT json_group_array(json_array(id, number)) FROM (SELECT r.id, r.number FROM landed_cost_receipts lr JOIN receipts r ON r.id = lr.receipt_id
       WHERE lr.doc_id = d.id ORDER BY r.number)) AS receipts
  FROM landed_costs d`;

type RawRow = Omit<LandedDocRow, 'receiptIds' | 'receiptNumbers'> & { receipts: string };
const toRow = ({ receipts, ...r }: RawRow): LandedDocRow => {
  const pairs = JSON.parse(receipts) as [string, string][];
  return { ...r, receiptIds: pairs.map((p) => p[0]), receiptNumbers: pairs.map((p) => p[1]) };
};

export function docRow(db: Db, id: string): LandedDocRow | null {
  const r = stmt(db, `${ROW_SELECT} WHERE d.id = ?`).get(id) as RawRow | undefined;
  return r ? toRow(r) : null;
}

export function listDocs(db: Db, q: { status?: LandedDocStatus; receiptId?: string; offset: number; limit: number }): { rows: LandedDocRow[]; total: number } {
  const conditions: string[] = [];
  const params: string[] = [];
  if (q.status) {
    conditions.push('d.status = ?');
    params.push(q.status);
  }
  if (q.receiptId) {
    conditions.push('d.id IN (SELECT doc_id FROM landed_cost_receipts WHERE receipt_id = ?)');
    params.push(q.receiptId);
  }
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const rows = stmt(db, `${ROW_SELECT} ${where} ORDER BY d.created_at DESC, d.number DESC LIMIT ? OFFSET ?`).all(...params, q.limit, q.offset) as RawRow[];
  const { n } = stmt(db, `SELECT count(*) AS n FROM landed_costs d ${where}`).get(...params) as { n: number };
  return { rows: rows.map(toRow), total: n };
}

export function docReceiptIds(db: Db, docId: string): string[] {
  return (stmt(db, 'SELECT receipt_id AS id FROM landed_cost_receipts WHERE doc_id = ?').all(docId) as { id: string }[]).map((r) => r.id);
}

export function setDocReceipts(db: Db, docId: string, receiptIds: string[]): void {
  stmt(db, 'DELETE FROM landed_cost_receipts WHERE doc_id = ?').run(docId);
  const insert = stmt(db, 'INSERT INTO landed_cost_receipts (doc_id, receipt_id) VALUES (?, ?)');
  for (const id of receiptIds) insert.run(docId, id);
}

export type ChargeRecord = Omit<LandedCharge, 'supplierName' | 'manual'> & { manual: string | null };

export function docCharges(db: Db, docId: string): LandedCharge[] {
  const rows = stmt(
    db,
    `SELECT c.id, c.kind, c.label, c.amount, c.currency, c.fx_rate AS fxRate, c.fx_day AS fxDay, c.fx_source AS fxSource, c.split, c.manual,
       c.in_customs_value AS inCustomsValue, c.in_vat_base AS inVatBase, c.supplier_id AS supplierId, s.name AS supplierName, c.reference
     FROM landed_cost_charges c LEFT JOIN suppliers s ON s.id = c.supplier_id WHERE c.doc_id = ? ORDER BY c.position`,
  ).all(docId) as (Omit<LandedCharge, 'manual' | 'inCustomsValue' | 'inVatBase'> & { manual: string | null; inCustomsValue: number; inVatBase: number })[];
  return rows.map((r) => ({ ...r, inCustomsValue: r.inCustomsValue === 1, inVatBase: r.inVatBase === 1, manual: r.manual ? (JSON.parse(r.manual) as Record<string, number>) : null }));
}

export function replaceCharges(db: Db, docId: string, charges: ChargeRecord[], now: string): void {
  stmt(db, 'DELETE FROM landed_cost_charges WHERE doc_id = ?').run(docId);
  const insert = stmt(
    db,
    `INSERT INTO landed_cost_charges (id, doc_id, position, kind, label, amount, currency, fx_rate, fx_day, fx_source, split, manual,
       in_customs_value, in_vat_base, supplier_id, reference, created_at)
     VALUES (@id, @docId, @position, @kind, @label, @amount, @currency, @fxRate, @fxDay, @fxSource, @split, @manual, @inCustomsValue,
       @inVatBase, @supplierId, @reference, @now)`,
  );
  charges.forEach((c, position) => insert.run({ ...c, docId, position, inCustomsValue: c.inCustomsValue ? 1 : 0, inVatBase: c.inVatBase ? 1 : 0, now }));
}

export interface LineOverride {
  receiptLineId: string;
  hsCode: string | null;
  dutyRate: string | null;
  exciseRate: string | null;
}

export interface LineOutcome {
  receiptLineId: string;
  goods: number;
  extra: number;
  capitalised: number;
  expensed: number;
}

/** The receipt lines of a document's receipts, with what the engine and posting need. */
export interface DocSourceLine {
  receiptLineId: string;
  receiptNumber: string;
  locationId: string;
  locationCode: string;
  quarantineLocationId: string | null;
  productId: string;
  sku: string;
  name: string;
  qty: number;
  damagedQty: number;
  damagedAction: 'quarantine' | 'write_off' | null;
  unitPrice: number;
  valueBase: number;
  poCurrency: string;
  fxRate: string;
  weightG: number | null;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
  productHs: string | null;
  hsCode: string | null;
  dutyRate: string | null;
  exciseRate: string | null;
  goods: number | null;
  extra: number | null;
  capitalised: number | null;
  expensed: number | null;
}

export function docSourceLines(db: Db, docId: string): DocSourceLine[] {
  return stmt(
    db,
    `SELECT rl.id AS receiptLineId, r.number AS receiptNumber, r.location_id AS locationId, loc.code AS locationCode,
       rl.quarantine_location_id AS quarantineLocationId, rl.product_id AS productId, p.sku, p.name, rl.qty, rl.damaged_qty AS damagedQty,
       rl.damaged_action AS damagedAction, rl.unit_price AS unitPrice, rl.value_base AS valueBase, po.currency AS poCurrency, r.fx_rate AS fxRate,
       p.weight_g AS weightG, p.length_mm AS lengthMm, p.width_mm AS widthMm, p.height_mm AS heightMm, p.hs_code AS productHs,
       ll.hs_code AS hsCode, ll.duty_rate AS dutyRate, ll.excise_rate AS exciseRate, ll.goods, ll.extra, ll.capitalised, ll.expensed
     FROM landed_cost_receipts lr
     JOIN receipts r ON r.id = lr.receipt_id
     JOIN purchase_orders po ON po.id = r.po_id
     JOIN locations loc ON loc.id = r.location_id
     JOIN receipt_lines rl ON rl.receipt_id = r.id
     JOIN products p ON p.id = rl.product_id
     LEFT JOIN landed_cost_lines ll ON ll.doc_id = lr.doc_id AND ll.receipt_line_id = rl.id
     WHERE lr.doc_id = ? AND rl.qty + rl.damaged_qty > 0
     ORDER BY r.received_at, r.number, rl.rowid`,
  ).all(docId) as DocSourceLine[];
}

export function replaceLineOverrides(db: Db, docId: string, lines: LineOverride[]): void {
  stmt(db, 'DELETE FROM landed_cost_lines WHERE doc_id = ?').run(docId);
  const insert = stmt(db, 'INSERT INTO landed_cost_lines (doc_id, receipt_line_id, hs_code, duty_rate, excise_rate) VALUES (?, ?, ?, ?, ?)');
  for (const l of lines) insert.run(docId, l.receiptLineId, l.hsCode, l.dutyRate, l.exciseRate);
}

export function saveLineOutcomes(db: Db, docId: string, lines: LineOutcome[]): void {
  const upsert = stmt(
    db,
    `INSERT INTO landed_cost_lines (doc_id, receipt_line_id, goods, extra, capitalised, expensed) VALUES (@docId, @receiptLineId, @goods, @extra, @capitalised, @expensed)
     ON CONFLICT (doc_id, receipt_line_id) DO UPDATE SET goods = excluded.goods, extra = excluded.extra, capitalised = excluded.capitalised,
       expensed = excluded.expensed`,
  );
  for (const l of lines) upsert.run({ ...l, docId });
}

const RECEIPT_SELECT = `SELECT r.id, r.number, po.number AS poNumber, s.name AS supplierName, r.received_at AS receivedAt, loc.code AS locationCode,
       (SELECT count(*) FROM receipt_lines rl WHERE rl.receipt_id = r.id) AS lines,
       (SELECT coalesce(sum(value_base), 0) FROM receipt_lines rl WHERE rl.receipt_id = r.id) AS valueBase,
       (SELECT json_group_array(d.number) FROM landed_cost_receipts lr JOIN landed_costs d ON d.id = lr.doc_id
          WHERE lr.receipt_id = r.id AND d.status <> 'cancelled') AS landedNumbers
     FROM receipts r JOIN purchase_orders po ON po.id = r.po_id JOIN suppliers s ON s.id = po.supplier_id JOIN locations loc ON loc.id = r.location_id`;

type RawChoice = Omit<ReceiptChoice, 'landedNumbers'> & { landedNumbers: string };
const toChoice = (r: RawChoice): ReceiptChoice => ({ ...r, landedNumbers: JSON.parse(r.landedNumbers) as string[] });

/** Receipts not reversed, newest first, optionally matching a receipt, order or supplier. */
export function receiptChoices(db: Db, q: string | undefined, limit: number): ReceiptChoice[] {
  const filter = q ? `AND (r.number LIKE @like ESCAPE '\\' OR po.number LIKE @like ESCAPE '\\' OR s.name LIKE @any ESCAPE '\\')` : '';
  const like = q ? likePrefix(q.toUpperCase()) : null;
  const rows = stmt(
    db,
    `${RECEIPT_SELECT}
     WHERE NOT EXISTS (SELECT 1 FROM movements m WHERE m.doc_type = 'receipt_reversal' AND m.doc_id = r.id) ${filter}
     ORDER BY r.received_at DESC, r.number DESC LIMIT @limit`,
  ).all({ like, any: q ? '%' + likePrefix(q) : null, limit }) as RawChoice[];
  return rows.map(toChoice);
}

/** The receipts a document is attached to, by date. */
export function docReceipts(db: Db, docId: string): ReceiptChoice[] {
  return (stmt(db, `${RECEIPT_SELECT} WHERE r.id IN (SELECT receipt_id FROM landed_cost_receipts WHERE doc_id = ?) ORDER BY r.received_at, r.number`).all(docId) as RawChoice[]).map(toChoice);
}

export function receiptReversed(db: Db, receiptId: string): boolean | null {
  const r = stmt(
    db,
    `SELECT EXISTS (SELECT 1 FROM movements m WHERE m.doc_type = 'receipt_reversal' AND m.doc_id = receipts.id) AS reversed FROM receipts WHERE id = ?`,
  ).get(receiptId) as { reversed: number } | undefined;
  return r ? r.reversed === 1 : null;
}

/** Posted landed-cost documents (not taken back) on a receipt: it cannot be reversed under them. */
export function postedDocsOnReceipt(db: Db, receiptId: string): string[] {
  return (
    stmt(
      db,
      `SELECT d.number FROM landed_cost_receipts lr JOIN landed_costs d ON d.id = lr.doc_id
       WHERE lr.receipt_id = ? AND d.status = 'posted' AND d.reverses_id IS NULL
         AND NOT EXISTS (SELECT 1 FROM landed_costs c WHERE c.reverses_id = d.id)`,
    ).all(receiptId) as { number: string }[]
  ).map((r) => r.number);
}
