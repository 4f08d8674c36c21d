// Product labels as a PDF: one label per page in a label printer's size, or 24 to an A4 sheet. Each
// shows the name (and the Chinese name, in the embedded CJK font), the SKU, the price in the base
// currency, and a barcode — the product's EAN-13, or its other barcode or SKU in Code 128 — with
// the code written under it.
import type { Parsed } from '../../common/api';
import { ApiError } from '../../common/api/errors';
import type { Product, ProductLabels } from '../../common/api/types';
import { code128Encodable, code128Modules, ean13Modules } from '../../common/barcodes';
import { formatMoney, groupDigits } from '../../common/money';
import * as repo from '../../db/repos/products';
import type { Ctx } from '../context';
import { A4, Paper } from '../papers/pdf';
import { baseCurrency } from '../settings/service';

const MM = 72 / 25.4;

/** label sizes in mm; the A4 sheet is 3 across and 8 down */
const SIZES = {
  '50x30': { w: 50, h: 30, sheet: false },
  '40x30': { w: 40, h: 30, sheet: false },
  '62x29': { w: 62, h: 29, sheet: false },
  'a4-3x8': { w: 70, h: 297 / 8, sheet: true },
} as const;
const ACROSS = 3;
const PER_SHEET = 24;

export function productLabels(ctx: Ctx, input: Parsed<'products.labels'>): ProductLabels {
  const products = input.productIds.map((id, i) => {
    const p = repo.getProduct(ctx.db, id);
    if (!p) throw ApiError.field(`productIds.${i}`, 'No such product', 'not_found');
    return p;
  });
  const size = SIZES[input.size];
  const [w, h] = [size.w * MM, size.h * MM];
  const paper = new Paper('Labels', '', { size: size.sheet ? [A4.width, A4.height] : [w, h], margin: 0, footer: false });
  const base = baseCurrency(ctx);
  let n = 0;
  for (const p of products) {
    for (let c = 0; c < input.copies; c++) {
      if (n > 0 && (!size.sheet || n % PER_SHEET === 0)) paper.newPage();
      const at = n % PER_SHEET;
      label(paper, p, size.sheet ? (at % ACROSS) * w : 0, size.sheet ? Math.floor(at / ACROSS) * h : 0, w, h, base);
      n++;
    }
  }
  return { fileName: `labels-${input.size}.pdf`, mimeType: 'application/pdf', base64: paper.finish().toString('base64'), labels: n };
}

function label(paper: Paper, p: Product, x: number, y: number, w: number, h: number, base: string): void {
  const pad = 2 * MM;
  const inner = w - 2 * pad;
  let cy = y + pad;
  paper.line(p.name, x + pad, cy, inner, { size: 7, bold: true });
  cy += 9;
  if (p.localName) {
    paper.line(p.localName, x + pad, cy, inner, { size: 7 });
    cy += 9;
  }
  paper.line(p.sku, x + pad, cy, inner * 0.6, { size: 7 });
  if (p.price !== null) paper.line(`${base} ${groupDigits(formatMoney(p.price, base))}`, x + pad, cy, inner, { size: 8, bold: true, align: 'right' });
  cy += 10;
  const code = p.barcode ?? p.sku;
  const modules = /^\d{13}$/.test(code) ? ean13Modules(code) : code128Encodable(code) ? code128Modules(code) : null;
  const text = 6;
  const barHeight = y + h - pad - text - 1 - cy;
  if (modules && barHeight > 4) {
    // quiet zones of ten modules either side
    const module = Math.min(inner / (modules.length + 20), 1);
    paper.bars(modules, x + (w - module * modules.length) / 2, cy, module, barHeight);
  }
  const width = paper.width(code, { size: text });
  paper.line(code, x + Math.max(pad, (w - width) / 2), y + h - pad - text, inner, { size: text });
}
