// The commercial invoice and the packing list of a shipment, from what is already recorded:
// who sells to whom (by direction), the incoterm, and per line the description (with its Chinese
// name when asked), SKU, HS code, country of origin, quantity, unit value and net weight.
// Values: an inbound shipment's are its PO prices; a transfer's or parcel's are the stock's
// average cost, or its declared value split over the lines in proportion to that cost.
// Missing customs data never stops the paper: it is listed at the foot so it can be fixed.
import type { Parsed } from '../../common/api';
import type { ShipmentDetail, ShipmentPapers } from '../../common/api/types';
import countries from '../../common/data/countries.json';
import { allocate, divRound, formatMoney, groupDigits, toSafeNumber } from '../../common/money';
import { COST_SCALE } from '../../common/calc/valuation';
import { getLocation } from '../../db/repos/locations';
import { averageCostE4, dispatchedCosts, paperProducts, poLinePrice } from '../../db/repos/papers';
import { getSupplier } from '../../db/repos/suppliers';
import type { Ctx } from '../context';
import { CONTENT_WIDTH, MARGIN, Paper, type Column } from '../papers/pdf';
import { baseCurrency, readSettings } from '../settings/service';
import { get } from './service';

const countryName = new Map((countries as { code: string; name: string }[]).map((c) => [c.code, c.name]));
const country = (code: string | null) => (code ? `${countryName.get(code) ?? code} (${code})` : null);
const kg = (g: number) => `${Math.floor(g / 1000)}.${String(g % 1000).padStart(3, '0')}`;
const money = (minor: number, currency: string) => groupDigits(formatMoney(minor, currency));

interface Party {
  title: string;
  lines: string[];
}

interface PaperLine {
  description: string;
  localName: string | null;
  sku: string;
  hsCode: string | null;
  origin: string | null;
  qty: number;
  unitValue: number;
  total: number;
  netG: number | null;
}

function parties(ctx: Ctx, d: ShipmentDetail): { seller: Party; buyer: Party; note: string | null } {
  const s = d.shipment;
  const settings = readSettings(ctx);
  const b = settings.business;
  const me = (extra: string[] = []): string[] => [b.name || settings.userName, ...(b.address ? b.address.split('\n') : []), ...(b.country ? [country(b.country)!] : []), ...(b.taxId ? [`Tax ID: ${b.taxId}`] : []), ...extra];
  // one line: the location's name and code, and its country when it has one
  const place = (label: string, id: string | null): string[] => {
    const l = id ? getLocation(ctx.db, id) : null;
    return l ? [`${label}: ${[`${l.name} (${l.code})`, country(l.country)].filter(Boolean).join(', ')}`] : [];
  };
  if (s.direction === 'inbound') {
    const sup = s.supplierId ? getSupplier(ctx.db, s.supplierId) : null;
    const seller = sup ? [sup.name, ...(sup.country ? [country(sup.country)!] : []), ...(sup.contactName ? [`Contact: ${sup.contactName}`] : []), ...(sup.email ? [sup.email] : [])] : ['—'];
    return { seller: { title: 'Seller / shipper', lines: seller }, buyer: { title: 'Buyer / consignee', lines: me(place('Deliver to', s.toLocationId)) }, note: null };
  }
  if (s.direction === 'transfer') {
    return {
      seller: { title: 'Shipper', lines: me(place('From', s.fromLocationId)) },
      buyer: { title: 'Consignee', lines: me(place('To', s.toLocationId)) },
      note: 'Not a sale: goods moved between the shipper’s own locations; value for customs purposes only.',
    };
  }
  const to = [s.customer ?? '—', ...(s.shipTo ? s.shipTo.split('\n') : []), ...(s.shipToCountry ? [country(s.shipToCountry)!] : [])];
  return { seller: { title: 'Seller / shipper', lines: me() }, buyer: { title: 'Buyer / consignee', lines: to }, note: null };
}

/** The lines with their values, in one currency, and what could not be valued in it. */
function paperLines(ctx: Ctx, d: ShipmentDetail): { lines: PaperLine[]; currency: string; notes: string[] } {
  const s = d.shipment;
  const products = paperProducts(ctx.db, [...new Set(d.lines.map((l) => l.productId))]);
  const base = (l: ShipmentDetail['lines'][number]): Omit<PaperLine, 'unitValue' | 'total'> => {
    const p = products.get(l.productId)!;
    return { description: l.name, localName: p.localName, sku: l.sku, hsCode: p.hsCode, origin: p.originCountry, qty: l.qty, netG: p.weightG === null ? null : p.weightG * l.qty };
  };
  if (s.direction === 'inbound') {
    const priced = d.lines.map((l) => ({ line: l, price: l.poLineId ? poLinePrice(ctx.db, l.poLineId) : null }));
    const currency = priced.find((p) => p.price)?.price?.currency ?? baseCurrency(ctx);
    // orders of one supplier are nearly always in one currency; a line priced in another is not
    // converted at some rate the invoice cannot show: it is left unvalued and named at the foot
    const notes = priced.filter((p) => p.price && p.price.currency !== currency).map((p) => `${p.line.sku} is priced in ${p.price!.currency}, not ${currency}`);
    const unit = (p: (typeof priced)[number]) => (p.price && p.price.currency === currency ? p.price.unitPrice : 0);
    return { currency, notes, lines: priced.map((p) => ({ ...base(p.line), unitValue: unit(p), total: unit(p) * p.line.qty })) };
  }
  // The stock's unit cost where it leaves from, in minor units of the base currency: what it cost
  // when it was dispatched, or before that its moving average there now.
  const from = s.fromLocationId;
  const left = from && s.dispatchedAt ? dispatchedCosts(ctx.db, s.id, from) : new Map<string, { qty: number; value: number }>();
  const units = d.lines.map((l) => {
    const out = left.get(l.productId);
    if (out && out.qty > 0) return toSafeNumber(divRound(BigInt(out.value), BigInt(out.qty)));
    return from ? toSafeNumber(divRound(BigInt(averageCostE4(ctx.db, l.productId, from)), COST_SCALE)) : 0;
  });
  if (!d.lines.length) return { currency: s.currency ?? baseCurrency(ctx), notes: ['no lines: add what it carries'], lines: [] };
  if (s.declaredValue !== null && s.currency) {
    const weights = d.lines.map((l, i) => units[i]! * l.qty);
    // with no cost known for any line, by quantity
    const totals = allocate(s.declaredValue, weights.some((w) => w > 0) ? weights : d.lines.map((l) => l.qty));
    return { currency: s.currency, notes: [], lines: d.lines.map((l, i) => ({ ...base(l), unitValue: toSafeNumber(divRound(BigInt(totals[i]!), BigInt(l.qty))), total: totals[i]! })) };
  }
  return { currency: baseCurrency(ctx), notes: [], lines: d.lines.map((l, i) => ({ ...base(l), unitValue: units[i]!, total: units[i]! * l.qty })) };
}

export function papers(ctx: Ctx, input: Parsed<'shipments.papers'>): ShipmentPapers {
  const d = get(ctx, input.id);
  const s = d.shipment;
  const invoice = input.kind === 'invoice';
  const { seller, buyer, note } = parties(ctx, d);
  const { lines, currency, notes } = paperLines(ctx, d);
  const title = invoice ? 'COMMERCIAL INVOICE' : 'PACKING LIST';
  const date = s.shippedOn ?? ctx.now.slice(0, 10);
  const paper = new Paper(`${title} ${s.number}`, `${title} ${s.number} · ${seller.lines[0]} to ${buyer.lines[0]}`);

  // heading
  paper.line(title, MARGIN, paper.y, 300, { size: 16, bold: true });
  paper.lines([`${invoice ? 'Invoice' : 'Packing list'} No. ${s.number}`, `Date ${date}`], MARGIN + CONTENT_WIDTH - 200, paper.y, 200, { size: 9, align: 'right' });
  paper.y += 34;

  // the two parties, side by side
  const half = CONTENT_WIDTH / 2 - 5;
  const partyHeight = Math.max(seller.lines.length, buyer.lines.length) * 11.7 + 22;
  [seller, buyer].forEach((p, i) => {
    const x = MARGIN + i * (half + 10);
    paper.box(x, paper.y, half, partyHeight);
    paper.line(p.title.toUpperCase(), x + 6, paper.y + 5, half - 12, { size: 7, bold: true, color: '#555555' });
    paper.lines(p.lines, x + 6, paper.y + 17, half - 12, { size: 9 });
  });
  paper.y += partyHeight + 10;

  // terms
  const from = s.direction === 'inbound' ? (s.supplierId ? getSupplier(ctx.db, s.supplierId)?.country : null) : s.fromLocationId ? getLocation(ctx.db, s.fromLocationId)?.country : null;
  const dest = s.direction === 'outbound' ? s.shipToCountry : s.toLocationId ? getLocation(ctx.db, s.toLocationId)?.country : null;
  const terms: [string, string][] = [
    ['Incoterm', s.incoterm ?? '—'],
    invoice ? ['Currency', currency] : ['Packages', String(d.parcels.length || '—')],
    ['Carrier', [s.carrier, s.service].filter(Boolean).join(' · ') || '—'],
    ['Tracking', d.trackingNumbers.map((t) => t.number).join(', ') || '—'],
    ['Country of export', country(from ?? null) ?? '—'],
    ['Country of destination', country(dest ?? null) ?? '—'],
  ];
  const cell = CONTENT_WIDTH / 3;
  terms.forEach(([k, v], i) => {
    const x = MARGIN + (i % 3) * cell;
    const y = paper.y + Math.floor(i / 3) * 24;
    paper.line(k.toUpperCase(), x, y, cell - 8, { size: 6.5, bold: true, color: '#555555' });
    paper.line(v, x, y + 9, cell - 8, { size: 9 });
  });
  paper.y += 54;
  if (note) {
    paper.line(note, MARGIN, paper.y, CONTENT_WIDTH, { size: 8, bold: true });
    paper.y += 16;
  }

  const describe = (l: PaperLine) => (input.chinese && l.localName ? [l.description, l.localName] : [l.description]);
  const net = (l: PaperLine) => (l.netG === null ? '—' : kg(l.netG));
  if (invoice) {
    const columns: Column[] = [
      { title: '#', width: 20 },
      { title: 'Description', width: 150 },
      { title: 'SKU', width: 62 },
      { title: 'HS code', width: 50 },
      { title: 'Origin', width: 33 },
      { title: 'Qty', width: 33, align: 'right' },
      { title: `Unit value`, width: 55, align: 'right' },
      { title: `Total ${currency}`, width: 62, align: 'right' },
      { title: 'Net kg', width: CONTENT_WIDTH - 465, align: 'right' },
    ];
    paper.table(
      columns,
      lines.map((l, i) => [[String(i + 1)], describe(l), [l.sku], [l.hsCode ?? '—'], [l.origin ?? '—'], [String(l.qty)], [money(l.unitValue, currency)], [money(l.total, currency)], [net(l)]]),
    );
  } else {
    const columns: Column[] = [
      { title: '#', width: 20 },
      { title: 'Description', width: 250 },
      { title: 'SKU', width: 90 },
      { title: 'Origin', width: 45 },
      { title: 'Qty', width: 50, align: 'right' },
      { title: 'Net kg', width: CONTENT_WIDTH - 455, align: 'right' },
    ];
    paper.table(columns, lines.map((l, i) => [[String(i + 1)], describe(l), [l.sku], [l.origin ?? '—'], [String(l.qty)], [net(l)]]));
    if (d.parcels.length) {
      paper.y += 14;
      paper.ensure(40);
      paper.line('PACKAGES', MARGIN, paper.y, 200, { size: 8, bold: true });
      paper.y += 13;
      const cm = (mm: number | null) => (mm === null ? '?' : `${Math.floor(mm / 10)}${mm % 10 ? `.${mm % 10}` : ''}`);
      paper.table(
        [
          { title: 'Package', width: 80 },
          { title: 'Gross kg', width: 80, align: 'right' },
          { title: 'Dimensions (cm)', width: 150, align: 'right' },
          { title: 'Reference', width: CONTENT_WIDTH - 310 },
        ],
        d.parcels.map((p, i) => [
          [`${i + 1} of ${d.parcels.length}`],
          [kg(p.weightG)],
          [p.lengthMm === null && p.widthMm === null && p.heightMm === null ? '—' : `${cm(p.lengthMm)} × ${cm(p.widthMm)} × ${cm(p.heightMm)}`],
          [p.reference ?? ''],
        ]),
      );
    }
  }

  // totals
  const netKnown = lines.every((l) => l.netG !== null);
  const totals: string[] = [
    `Total quantity: ${lines.reduce((a, l) => a + l.qty, 0)}`,
    ...(invoice ? [`Total value: ${currency} ${money(lines.reduce((a, l) => a + l.total, 0), currency)}`] : []),
    `Total net weight: ${netKnown ? `${kg(lines.reduce((a, l) => a + (l.netG ?? 0), 0))} kg` : 'incomplete'}`,
    `Gross weight: ${d.parcels.length ? `${kg(d.totals.weightG)} kg` : '—'} · Packages: ${d.parcels.length || '—'}`,
  ];
  paper.y += 10;
  paper.ensure(totals.length * 12 + 90);
  paper.y += paper.lines(totals, MARGIN + CONTENT_WIDTH - 260, paper.y, 260, { size: 9, bold: true, align: 'right' }) + 16;

  if (invoice) {
    paper.lines(['I declare that the information on this invoice is true and correct, and that the goods are of the origin shown.', '', 'Signature: ______________________________      Name: ______________________      Date: ____________'], MARGIN, paper.y, CONTENT_WIDTH, { size: 8 });
    paper.y += 46;
  }
  const missing = [
    ...lines.filter((l) => !l.hsCode).map((l) => `HS code missing for ${l.sku}`),
    ...lines.filter((l) => !l.origin).map((l) => `origin missing for ${l.sku}`),
    ...(invoice ? notes : []),
    ...(invoice ? lines.filter((l) => l.total === 0).map((l) => `no value for ${l.sku}`) : []),
    ...lines.filter((l) => l.netG === null).map((l) => `weight missing for ${l.sku}`),
  ];
  if (paper.unprintable.size) {
    const cps = [...paper.unprintable].map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
    missing.push(`printed as "?" for want of a font: ${cps.slice(0, 8).join(' ')}${cps.length > 8 ? ' …' : ''} (write those names in Latin letters)`);
  }
  if (missing.length) {
    const rows = ['To complete:'];
    for (const m of missing) {
      if (rows.length > 1 && rows[rows.length - 1]!.length + m.length < 140) rows[rows.length - 1] += `; ${m}`;
      else rows.push(m);
    }
    const shown = rows.length > 20 ? [...rows.slice(0, 19), `… and ${rows.length - 19} more rows like these`] : rows;
    paper.ensure(shown.length * 10 + 4);
    paper.lines(shown, MARGIN, paper.y, CONTENT_WIDTH, { size: 7, color: '#aa3333' });
  }
  const bytes = paper.finish();
  return { fileName: `${s.number}-${invoice ? 'commercial-invoice' : 'packing-list'}.pdf`, mimeType: 'application/pdf', base64: bytes.toString('base64') };
}
