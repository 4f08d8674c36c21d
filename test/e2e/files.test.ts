// Photos and attachments in the UI: a photo added to a product from a file appears in its gallery
// and as its thumbnail in the products list; a second one becomes primary; a file that is not an
// image is refused in words; an invoice attached to a supplier is listed and saved back whole.
import fs from 'node:fs';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';

let e: E2E;
let lamp: string;
let supplier: string;

beforeAll(async () => {
  e = await startE2E({
    seed: async (api) => {
      lamp = (await api.call('products.create', { sku: 'LAMP-1', name: 'Desk lamp', localName: '台灯' })).id;
      await api.call('products.create', { sku: 'MUG-1', name: 'Mug' });
      supplier = (await api.call('suppliers.create', { name: 'Osaka Wholesale', currency: 'JPY' })).id;
    },
  });
});
afterAll(async () => {
  await e?.close();
});
afterEach(() => {
  expect(e.problems).toEqual([]);
});

const image = (colour: string) => sharp({ create: { width: 600, height: 400, channels: 3, background: colour } }).jpeg().toBuffer();

describe('photos and attachments', () => {
  it('a photo added to a product shows in its gallery and in the products list', async () => {
    const p = e.page;
    await p.goto(`${e.host.bridge.appUrl.split('#')[0]}#/products/${lamp}`);
    await p.getByTestId('photo-gallery').waitFor();
    await p.getByTestId('photo-file').setInputFiles({ name: 'lamp-front.jpg', mimeType: 'image/jpeg', buffer: await image('#2458d6') });
    await expect.poll(() => p.getByTestId('photo').count()).toBe(1);
    // a PDF named like a photo is refused, in words
    await p.getByTestId('photo-file').setInputFiles({ name: 'not-a-photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await expect.poll(() => p.getByTestId('photo-error').textContent()).toMatch(/is not a photo: the file is a PDF/);
    await p.getByTestId('photo-file').setInputFiles({ name: 'lamp-side.jpg', mimeType: 'image/jpeg', buffer: await image('#0a7a5c') });
    await expect.poll(() => p.getByTestId('photo').count()).toBe(2);
    await p.getByTestId('photo-primary').click();
    await expect.poll(async () => (await e.api.call('photos.list', { productId: lamp }))[0]!.width).toBe(600);
    const [first] = await e.api.call('photos.list', { productId: lamp });
    await e.screenshot('124-product-photos');

    await p.getByTestId('nav-products').click();
    await p.getByTestId('products-photos').check();
    const thumb = p.getByTestId('product-thumb');
    await thumb.waitFor();
    expect(await thumb.count()).toBe(1);
    expect(await thumb.getAttribute('src')).toBe(first!.thumb);
    await e.screenshot('125-products-with-photos');
  });

  it('an invoice attached to a supplier is listed with its note and saved back whole', async () => {
    const p = e.page;
    await p.goto(`${e.host.bridge.appUrl.split('#')[0]}#/suppliers/${supplier}`);
    await p.getByTestId('attachments').waitFor();
    const invoice = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
    await p.getByTestId('attachment-note').fill('November invoice');
    await p.getByTestId('attachment-file').setInputFiles({ name: '請求書-11月.pdf', mimeType: 'application/pdf', buffer: invoice });
    const row = p.getByTestId('attachment');
    await row.waitFor();
    expect(await row.textContent()).toContain('November invoice');
    expect(await row.textContent()).toContain('application/pdf');
    const [download] = await Promise.all([p.waitForEvent('download'), p.getByTestId('attachment-save').click()]);
    expect(download.suggestedFilename()).toBe('請求書-11月.pdf');
    expect(fs.readFileSync((await download.path())!).equals(invoice)).toBe(true);
    await e.screenshot('126-supplier-attachments');
  });
});
