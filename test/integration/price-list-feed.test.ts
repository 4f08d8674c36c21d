// The price-list feed connector on messy real-world files: from a path and from a web address (a
// real HTTP server on 127.0.0.1), CSV or XLSX, UTF-8 with a BOM or GB18030 from a Chinese Excel, semicolons
// and decimal commas, a duplicated SKU and an Excel-mangled barcode (reported by line, the good
// rows kept), an unchanged file giving nothing new, and a missing or failing source.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PriceListConnector } from '../../main/sync/connectors/price-list';
import { tempDir } from '../helpers/temp-app';
import { xlsx } from '../helpers/xlsx';

const dir = tempDir();
let server: http.Server;
let base = '';
const served: Record<string, { status: number; body: Buffer }> = {};

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const f = served[req.url ?? ''];
    res.writeHead(f?.status ?? 404, { 'content-type': 'text/csv', 'last-modified': 'Tue, 24 Nov 2026 08:00:00 GMT' });
    res.end(f?.body ?? '');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  fs.rmSync(dir, { recursive: true, force: true });
});

const feed = (source: string, settings: Record<string, unknown> = {}, skus: string[] = []) => new PriceListConnector({ name: 'Guangzhou Trading', source, settings, currency: 'CNY', fetch, skus });

// a European export: BOM, semicolons, decimal commas, thousands points, a duplicate, a mangled barcode
const EUROPEAN = '\uFEFFArtikelnummer;Bezeichnung;Preis;Mindestmenge;EAN\r\nA-100;Teekanne;1.234,50;2;4006381333931\r\nA-101;Tasse;3,20;6;4,00638E+12\r\nA-100;Teekanne doppelt;9,99;1;\r\nA-102;Untersetzer;0,85;;\r\n';

describe('price-list feed', () => {
  it('reads a BOM, semicolons and decimal commas from a file; reports the bad rows and keeps the good', async () => {
    const file = path.join(dir, 'preise.csv');
    fs.writeFileSync(file, EUROPEAN);
    const c = feed(file, { currency: 'EUR', mapping: { supplierSku: 'Artikelnummer', name: 'Bezeichnung', unitPrice: 'Preis', moq: 'Mindestmenge', barcode: 'EAN' } });
    const cat = await c.catalogPage({ cursor: null, updatedSince: null });
    const prices = await c.pricesPage({ cursor: null, updatedSince: null });
    expect(cat.kind).toBe('done');
    if (cat.kind !== 'done' || prices.kind !== 'done') return;
    expect(cat.value.items.map((i) => [i.sku, i.name, i.moq, i.barcode])).toEqual([
      ['A-100', 'Teekanne', 2, '4006381333931'],
      ['A-101', 'Tasse', 6, null],
      ['A-102', 'Untersetzer', 1, null],
    ]);
    expect(prices.value.items.map((p) => [p.sku, p.unitPrice, p.currency])).toEqual([
      ['A-100', '1234.50', 'EUR'],
      ['A-101', '3.20', 'EUR'],
      ['A-102', '0.85', 'EUR'],
    ]);
    const notes = c.drainNotes().join('\n');
    expect(notes).toMatch(/Guangzhou Trading: 2 problems in the price list/);
    expect(notes).toMatch(/line 3 EAN: .*turned into a number/);
    expect(notes).toMatch(/line 4 Artikelnummer: A-100 is also on line 2/);
    // the same file again, asked for changes since it was read: nothing new
    const again = await feed(file, { mapping: { supplierSku: 'Artikelnummer', unitPrice: 'Preis' } }).catalogPage({ cursor: null, updatedSince: cat.value.items[0]!.updatedAt });
    expect(again).toEqual({ kind: 'done', value: { items: [], nextCursor: null } });
  });

  it('reads GB18030 (a Chinese Excel export) from a web address, with the mapping saved for the supplier', async () => {
    // 货号,品名,单价 / ZJ-1,紫砂壶,88.00 encoded as GB18030 bytes
    const text = '货号,品名,单价,币种\nZJ-1,紫砂壶,88.00,cny\nZJ-2,茶杯,12.5,CNY\n';
    served['/list.csv'] = { status: 200, body: encodeGb18030(text) };
    const c = feed(`${base}/list.csv`, { mapping: { supplierSku: '货号', name: '品名', unitPrice: '单价', currency: '币种' } });
    const cat = await c.catalogPage({ cursor: null, updatedSince: null });
    const prices = await c.pricesPage({ cursor: null, updatedSince: null });
    expect(cat).toMatchObject({ kind: 'done', value: { items: [{ sku: 'ZJ-1', name: '紫砂壶', updatedAt: '2026-11-24T08:00:00.000Z' }, { sku: 'ZJ-2', name: '茶杯' }] } });
    expect(prices).toMatchObject({ kind: 'done', value: { items: [{ unitPrice: '88.00', currency: 'CNY' }, { unitPrice: '12.5', currency: 'CNY' }] } });
  });

  it('reads an XLSX (found by its bytes, whatever its name): Chinese headers, numbers as Excel stored them', async () => {
    const file = path.join(dir, 'price-list.csv'); // named .csv, but an XLSX inside
    fs.writeFileSync(
      file,
      xlsx([
        ['货号', '品名', '单价', '条码', '起订量'],
        ['ZJ-1', '紫砂壶', { n: '4.0999999999999996' }, { n: '4006381333931' }, { n: '6' }],
        ['ZJ-2', '茶杯', { n: '12.5' }, null, null],
        ['ZJ-3', '坏行', 'not a price', null, null],
      ]),
    );
    // the merchant buys ZJ-1, ZJ-3 (its row is there, with a problem) and ZJ-9 (no longer on the list)
    const c = feed(file, {}, ['ZJ-1', 'ZJ-3', 'ZJ-9']);
    const cat = await c.catalogPage({ cursor: null, updatedSince: null });
    const prices = await c.pricesPage({ cursor: null, updatedSince: null });
    expect(cat).toMatchObject({ kind: 'done', value: { items: [{ sku: 'ZJ-1', name: '紫砂壶', barcode: '4006381333931', moq: 6 }, { sku: 'ZJ-2', name: '茶杯', moq: 1 }, { sku: 'ZJ-9', status: 'discontinued' }] } });
    expect(cat.kind === 'done' && cat.value.items.map((i) => i.sku)).toEqual(['ZJ-1', 'ZJ-2', 'ZJ-9']);
    expect(prices).toMatchObject({ kind: 'done', value: { items: [{ unitPrice: '4.1', currency: 'CNY' }, { unitPrice: '12.5' }] } });
    expect(c.drainNotes().join('\n')).toMatch(/line 4 单价: "not a price" is not a price/);
    // a zip that is not a spreadsheet is refused, not crashed on
    const junk = path.join(dir, 'junk.xlsx');
    fs.writeFileSync(junk, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
    expect(await feed(junk).catalogPage({ cursor: null, updatedSince: null })).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(/the price list cannot be read: it is not a readable XLSX/) });
  });

  it('a missing file or address is refused; a failing server is tried again later', async () => {
    expect(await feed(path.join(dir, 'nope.csv')).catalogPage({ cursor: null, updatedSince: null })).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(/Guangzhou Trading: the price list .* is not there/) });
    expect(await feed(`${base}/missing.csv`).catalogPage({ cursor: null, updatedSince: null })).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(/answered 404/) });
    served['/busy.csv'] = { status: 503, body: Buffer.from('') };
    expect(await feed(`${base}/busy.csv`).catalogPage({ cursor: null, updatedSince: null })).toMatchObject({ kind: 'retry' });
    served['/junk.csv'] = { status: 200, body: Buffer.from('hello\nworld\n') };
    expect(await feed(`${base}/junk.csv`).catalogPage({ cursor: null, updatedSince: null })).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(/no usable rows/) });
  });
});

/** GB18030 bytes for a string of ASCII and common CJK (Node decodes GB18030 but cannot encode it). */
function encodeGb18030(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  const wanted = new Set([...text].filter((ch) => ch.charCodeAt(0) > 0x7f));
  // search the two-byte GBK range for each character
  for (let b1 = 0x81; b1 <= 0xfe && table.size < wanted.size; b1++) {
    for (let b2 = 0x40; b2 <= 0xfe; b2++) {
      if (b2 === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([b1, b2]));
      if (wanted.has(ch) && !table.has(ch)) table.set(ch, [b1, b2]);
    }
  }
  return Buffer.from([...text].flatMap((ch) => (ch.charCodeAt(0) <= 0x7f ? [ch.charCodeAt(0)] : table.get(ch)!)));
}
