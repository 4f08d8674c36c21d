// Suppliers and their price lists from a merchant's files (columns guessed from English or Chinese
// headers, or mapped). Pure: rows of cells in; for suppliers, the suppliers.create input of each
// row; for prices, one entry per row naming its supplier (by name), its SKU at the supplier, the
// merchant's product (by SKU, optional) and the terms. Checked later by the contract.
import { readAmount, usesDecimalComma } from '../price-list';
import { readMapped, type ImportRow, type MappedTable, type RowProblem, type TableSpec } from './table';

export type SupplierField = 'name' | 'currency' | 'country' | 'contactName' | 'email' | 'phone' | 'paymentTerms' | 'leadTimeDays' | 'notes';
export const supplierFields: readonly SupplierField[] = ['name', 'currency', 'country', 'contactName', 'email', 'phone', 'paymentTerms', 'leadTimeDays', 'notes'];

export type PriceField = 'supplier' | 'supplierSku' | 'sku' | 'unitPrice' | 'moq' | 'orderMultiple' | 'leadTimeDays';
export const priceFields: readonly PriceField[] = ['supplier', 'supplierSku', 'sku', 'unitPrice', 'moq', 'orderMultiple', 'leadTimeDays'];

const SUPPLIERS: TableSpec<SupplierField> = {
  fields: supplierFields,
  required: ['name', 'currency'],
  words: {
    name: ['name', 'supplier', 'suppliername', 'vendor', 'company', '供应商', '供应商名称', '名称', '公司'],
    currency: ['currency', 'cur', '币种', '货币'],
    country: ['country', 'countrycode', '国家', '国家地区'],
    contactName: ['contact', 'contactname', 'contactperson', '联系人'],
    email: ['email', 'emailaddress', '邮箱', '电子邮件'],
    phone: ['phone', 'tel', 'telephone', 'mobile', '电话', '手机'],
    paymentTerms: ['terms', 'paymentterms', 'payment', '付款条件', '账期'],
    leadTimeDays: ['leadtime', 'leadtimedays', 'lead', '交期', '货期'],
    notes: ['notes', 'note', 'remarks', '备注'],
  },
  describe: { name: "the supplier's name", currency: 'the currency it invoices in' },
};

const PRICES: TableSpec<PriceField> = {
  fields: priceFields,
  required: ['supplier', 'supplierSku', 'unitPrice'],
  words: {
    supplier: ['supplier', 'suppliername', 'vendor', '供应商'],
    supplierSku: ['suppliersku', 'vendorsku', 'itemno', 'itemnumber', 'articleno', 'partno', '供应商货号'],
    sku: ['sku', 'oursku', 'productsku', 'mysku', '商品编码', '货号'],
    unitPrice: ['unitprice', 'price', 'cost', 'wholesale', 'wholesaleprice', 'netprice', '单价', '价格', '批发价', '进价'],
    moq: ['moq', 'minimum', 'minorder', 'minimumorder', 'minqty', '起订量', '最小起订量'],
    orderMultiple: ['casepack', 'pack', 'packsize', 'multiple', 'ordermultiple', 'carton', '箱规', '装箱数'],
    leadTimeDays: ['leadtime', 'leadtimedays', 'lead', '交期', '货期'],
  },
  describe: { supplier: 'the supplier (its name)', supplierSku: "the supplier's SKU", unitPrice: 'the unit price' },
};

export interface SupplierEntry {
  line: number;
  name: string;
  /** the fields the row gives (suppliers.create's input, before validation) */
  input: Record<string, unknown>;
  columns: Partial<Record<SupplierField, string>>;
}

export interface PriceEntry {
  line: number;
  supplier: string;
  supplierSku: string;
  sku: string | null;
  unitPrice: string;
  moq: number | null;
  orderMultiple: number | null;
  leadTimeDays: number | null;
  columns: Partial<Record<PriceField, string>>;
}

export interface Read<E, F extends string> {
  header: string[];
  mapping: Partial<Record<F, string>>;
  entries: E[];
  problems: RowProblem[];
}

function whole(t: MappedTable<string>, problems: RowProblem[], line: number, field: string, text: string): number | null | undefined {
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text);
  problems.push({ line, column: t.mapping[field]!, message: `"${text}" is not a whole number` });
  return undefined;
}

export function readSuppliers(rows: readonly ImportRow[], mapping?: Partial<Record<SupplierField, string>>): Read<SupplierEntry, SupplierField> {
  const t = readMapped(rows, SUPPLIERS, mapping);
  const problems = [...t.problems];
  const entries: SupplierEntry[] = [];
  for (const { line, cells } of t.rows) {
    if (!cells.name) {
      problems.push({ line, column: t.mapping.name!, message: 'is empty' });
      continue;
    }
    const lead = whole(t, problems, line, 'leadTimeDays', cells.leadTimeDays);
    if (lead === undefined) continue;
    const input: Record<string, unknown> = {};
    const columns: Partial<Record<SupplierField, string>> = {};
    for (const f of supplierFields) {
      if (t.mapping[f] === undefined) continue;
      columns[f] = t.mapping[f];
      if (f === 'leadTimeDays') {
        if (lead !== null) input[f] = lead;
      } else if (cells[f]) input[f] = f === 'currency' || f === 'country' ? cells[f].toUpperCase() : cells[f];
    }
    entries.push({ line, name: cells.name, input, columns });
  }
  return { header: t.header, mapping: t.mapping, entries, problems };
}

export function readPrices(rows: readonly ImportRow[], mapping?: Partial<Record<PriceField, string>>): Read<PriceEntry, PriceField> {
  const t = readMapped(rows, PRICES, mapping);
  const problems = [...t.problems];
  const entries: PriceEntry[] = [];
  // "12,50": decimal commas, when the column has some and no "12.50"
  const decimalComma = usesDecimalComma(t.rows.map((r) => r.cells.unitPrice));
  for (const { line, cells } of t.rows) {
    const bad = (f: PriceField, message: string) => problems.push({ line, column: t.mapping[f] ?? f, message });
    if (!cells.supplier) bad('supplier', 'is empty');
    else if (!cells.supplierSku) bad('supplierSku', 'is empty');
    else if (/^-?\d+(?:[.,]\d+)?E[+-]?\d+$/i.test(cells.supplierSku)) bad('supplierSku', `Excel turned this into ${cells.supplierSku}: the digits are lost. Export the file again with this column formatted as text`);
    else if (!cells.unitPrice) bad('unitPrice', 'is empty');
    else {
      const moq = whole(t, problems, line, 'moq', cells.moq);
      const multiple = whole(t, problems, line, 'orderMultiple', cells.orderMultiple);
      const lead = whole(t, problems, line, 'leadTimeDays', cells.leadTimeDays);
      if (moq === undefined || multiple === undefined || lead === undefined) continue;
      entries.push({ line, supplier: cells.supplier, supplierSku: cells.supplierSku, sku: cells.sku || null, unitPrice: readAmount(cells.unitPrice, decimalComma) ?? cells.unitPrice, moq, orderMultiple: multiple, leadTimeDays: lead, columns: t.mapping });
    }
  }
  return { header: t.header, mapping: t.mapping, entries, problems };
}
