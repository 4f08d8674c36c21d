// Photos and attachments on a real SQLite file and a real content store on disk. The images are
// made here with the same library the app uses; what is stored is read back and checked.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import exif from 'exif-reader';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index';
import { openApp } from '../../main/server/app';
import { FileStore, storeDirFor } from '../../main/db/store';
import { rejection } from '../helpers/api';
import { tempApp, type TempApp } from '../helpers/temp-app';

let t: TempApp;
let store: FileStore;
let lamp: string;
let mug: string;
let supplier: string;

/** A landscape photo (40 × 20) whose EXIF says: turn it a quarter (orientation 6); taken at 35°39′N. */
const cameraPhoto = () =>
  sharp({ create: { width: 40, height: 20, channels: 3, background: '#cc3333' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'TestCam', Model: 'X1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 39/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '139/1 44/1 0/1' } })
    .withMetadata({ orientation: 6 })
    .toBuffer();

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

/** A PNG that claims to be width × height pixels: a valid header, then no picture to speak of. */
function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.alloc(1024))), chunk('IEND', Buffer.alloc(0))]);
}

beforeEach(async () => {
  t = tempApp();
  store = new FileStore(storeDirFor(t.file));
  lamp = (await t.client.call('products.create', { sku: 'LAMP-1', name: 'Desk lamp' })).id;
  mug = (await t.client.call('products.create', { sku: 'MUG-1', name: 'Mug' })).id;
  supplier = (await t.client.call('suppliers.create', { name: 'Osaka Wholesale', currency: 'JPY' })).id;
});
afterEach(() => t.close());

describe('photos', () => {
  it('are turned upright and lose their EXIF (GPS position included), with a thumbnail', async () => {
    const input = await cameraPhoto();
    // the test photo does carry a position and an orientation
    const before = await sharp(input).metadata();
    expect(before.orientation).toBe(6);
    expect(exif(before.exif!).GPSInfo).toMatchObject({ GPSLatitudeRef: 'N', GPSLatitude: [35, 39, 0] });

    const added = await t.client.call('photos.add', { productId: lamp, fileName: 'IMG_0042.JPG', base64: b64(input) });
    expect(added).toMatchObject({ position: 0, mime: 'image/jpeg', width: 20, height: 40 });
    expect(added.thumb).toMatch(/^data:image\/webp;base64,/);

    const stored = store.read(added.hash);
    const meta = await sharp(stored).metadata();
    expect([meta.width, meta.height]).toEqual([20, 40]);
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(stored.includes(Buffer.from('TestCam'))).toBe(false);
    // the full image through the API is the stored one
    const full = await t.client.call('photos.image', { id: added.id });
    expect(Buffer.from(full.base64, 'base64').equals(stored)).toBe(true);
  });

  it('are made from the bytes even when the same file is already an attachment', async () => {
    const input = await cameraPhoto();
    await t.client.call('attachments.add', { ownerType: 'supplier', ownerId: supplier, fileName: 'IMG_0042.JPG', base64: b64(input) });
    const photo = await t.client.call('photos.add', { productId: lamp, fileName: 'IMG_0042.JPG', base64: b64(input) });
    expect(photo).toMatchObject({ width: 20, height: 40 });
    expect(photo.thumb).toMatch(/^data:image\/webp;base64,/);
    expect((await sharp(store.read(photo.hash)).metadata()).exif).toBeUndefined();
  });

  it('belong to their data file: another data file in the same folder leaves them alone when it opens', async () => {
    const photo = await t.client.call('photos.add', { productId: lamp, fileName: 'a.jpg', base64: b64(await cameraPhoto()) });
    const other = path.join(path.dirname(t.file), 'crossdock-demo.sqlite');
    openApp(other, { tidyFiles: true }).close();
    expect(store.has(photo.hash)).toBe(true);
    expect(storeDirFor(other)).not.toBe(storeDirFor(t.file));
    // a thumbnail whose file went missing leaves the list showing, without it
    fs.rmSync(store.pathOf((await t.client.call('photos.list', { productId: lamp }))[0]!.hash));
    expect((await t.client.call('photos.list', { productId: lamp }))).toHaveLength(1);
    expect((await rejection(t.client.call('photos.image', { id: photo.id }))).message).toMatch(/missing from the data folder/);
  });

  it('keep one file for the same image, and keep it while another product uses it', async () => {
    const input = b64(await cameraPhoto());
    const a = await t.client.call('photos.add', { productId: lamp, fileName: 'a.jpg', base64: input });
    const b = await t.client.call('photos.add', { productId: mug, fileName: 'copy of a.jpg', base64: input });
    expect(b.hash).toBe(a.hash);
    expect(store.list().sort()).toHaveLength(2); // the image and its thumbnail
    const twice = await rejection(t.client.call('photos.add', { productId: lamp, fileName: 'a.jpg', base64: input }));
    expect(twice.code).toBe('conflict');
    expect(twice.message).toMatch(/already one of LAMP-1's/);

    await t.client.call('photos.remove', { id: a.id });
    t.reopen(); // the store is tidied when the app opens
    expect(store.has(a.hash)).toBe(true);
    expect((await t.client.call('photos.list', { productId: mug })).map((p) => p.id)).toEqual([b.id]);
    await t.client.call('photos.remove', { id: b.id });
    t.reopen();
    expect(store.list()).toEqual([]);
  });

  it('are kept in order, the first the primary one shown in lists', async () => {
    const colours = ['#ff0000', '#00ff00', '#0000ff'];
    const ids: string[] = [];
    for (const [i, c] of colours.entries()) {
      const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: c } }).png().toBuffer();
      ids.push((await t.client.call('photos.add', { productId: lamp, fileName: `p${i}.png`, base64: b64(png), primary: i === 2 })).id);
    }
    // the third was added as primary: it comes first
    expect((await t.client.call('photos.list', { productId: lamp })).map((p) => p.id)).toEqual([ids[2], ids[0], ids[1]]);
    const reordered = await t.client.call('photos.reorder', { productId: lamp, ids: [ids[1]!, ids[2]!, ids[0]!] });
    expect(reordered.map((p) => [p.id, p.position])).toEqual([
      [ids[1], 0],
      [ids[2], 1],
      [ids[0], 2],
    ]);
    const bad = await rejection(t.client.call('photos.reorder', { productId: lamp, ids: [ids[1]!] }));
    expect(bad.details?.field).toBe('ids');
    const thumbs = await t.client.call('photos.thumbs', { productIds: [lamp, mug] });
    expect(Object.keys(thumbs)).toEqual([lamp]);
    expect(thumbs[lamp]).toBe(reordered[0]!.thumb);
  });

  it('refuse a file that is not an image, and an image bomb without decoding it', async () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
    const notImage = await rejection(t.client.call('photos.add', { productId: lamp, fileName: 'photo.jpg', base64: b64(pdf) }));
    expect(notImage.details?.field).toBe('base64');
    expect(notImage.message).toMatch(/is not a photo: the file is a PDF/);

    // 100,000 × 100,000 pixels would need 30 GB to decode; the header alone is enough to refuse it
    const bomb = pngClaiming(100_000, 100_000);
    expect(bomb.length).toBeLessThan(2000);
    const rssBefore = process.memoryUsage().rss;
    const refused = await rejection(t.client.call('photos.add', { productId: lamp, fileName: 'bomb.png', base64: b64(bomb) }));
    expect(refused.details?.field).toBe('base64');
    expect(refused.message).toMatch(/100000 × 100000 pixels: at most 50 megapixels/);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 * 1024);

    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(16)]);
    expect((await rejection(t.client.call('photos.add', { productId: lamp, fileName: 'IMG.HEIC', base64: b64(heic) }))).message).toMatch(/HEIC/);
    expect(store.list()).toEqual([]);
    expect(await t.client.call('photos.list', { productId: lamp })).toEqual([]);
  });
});

describe('attachments', () => {
  it('refuse names that are paths or devices, and change nothing', async () => {
    const pdf = b64(Buffer.from('%PDF-1.4\n%%EOF\n'));
    for (const fileName of ['../../etc/passwd', '..\\..\\boot.ini', 'a/b.pdf', 'CON', 'con.txt', 'LPT1', 'nul.pdf', '..', 'invoice.pdf ', 'in\u0000voice.pdf', 'x:y.pdf']) {
      const e = await rejection(t.client.call('attachments.add', { ownerType: 'supplier', ownerId: supplier, fileName, base64: pdf }));
      expect(e.details?.field, fileName).toBe('fileName');
    }
    expect(await t.client.call('attachments.list', { ownerType: 'supplier', ownerId: supplier })).toEqual([]);
    expect(store.list()).toEqual([]);
    expect(fs.existsSync(storeDirFor(t.file)) ? fs.readdirSync(storeDirFor(t.file)) : []).toEqual([]);
  });

  it('keep any file with its note and date, typed by its bytes, up to the size in the settings', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
    // named .jpg, it is still a PDF
    const a = await t.client.call('attachments.add', { ownerType: 'supplier', ownerId: supplier, fileName: '請求書 2026-11.jpg', base64: b64(pdf), note: 'November invoice', attachedOn: '2026-11-30' });
    expect(a).toMatchObject({ fileName: '請求書 2026-11.jpg', mime: 'application/pdf', bytes: pdf.length, note: 'November invoice', attachedOn: '2026-11-30', createdBy: 'tester' });
    const file = await t.client.call('attachments.file', { id: a.id });
    expect(Buffer.from(file.base64, 'base64').equals(pdf)).toBe(true);
    expect(file.mimeType).toBe('application/pdf');
    expect((await t.client.call('attachments.update', { id: a.id, note: 'paid 2026-12-05' })).note).toBe('paid 2026-12-05');

    await t.client.call('settings.update', { attachmentMaxMb: 1 });
    const big = Buffer.alloc(1024 * 1024 + 1, 0x41);
    const tooBig = await rejection(t.client.call('attachments.add', { ownerType: 'supplier', ownerId: supplier, fileName: 'scan.tif', base64: b64(big) }));
    expect(tooBig.details?.field).toBe('base64');
    expect(tooBig.message).toMatch(/is 1\.0 MB: attachments are at most 1 MB/);
    const missing = await rejection(t.client.call('attachments.add', { ownerType: 'purchase_order', ownerId: supplier, fileName: 'po.pdf', base64: b64(pdf) }));
    expect(missing.message).toBe('No such purchase order');

    // the same file on a second record is stored once; removing one keeps it for the other
    const order = await t.client.call('purchasing.create', { supplierId: supplier, lines: [] });
    const b = await t.client.call('attachments.add', { ownerType: 'purchase_order', ownerId: order.order.id, fileName: 'invoice.pdf', base64: b64(pdf) });
    expect(store.list()).toHaveLength(1);
    await t.client.call('attachments.remove', { id: a.id });
    t.reopen();
    expect(Buffer.from((await t.client.call('attachments.file', { id: b.id })).base64, 'base64').equals(pdf)).toBe(true);
  });
});

describe('opening an attachment', () => {
  it('hands the system viewer a copy under its own name, in a folder of its own', async () => {
    const opened: string[] = [];
    const desk = tempApp({ openFile: async (f) => (opened.push(f), '') });
    try {
      const s = (await desk.client.call('suppliers.create', { name: 'Viewer Test', currency: 'EUR' })).id;
      const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
      const a = await desk.client.call('attachments.add', { ownerType: 'supplier', ownerId: s, fileName: 'インボイス.pdf', base64: b64(pdf) });
      expect(await desk.client.call('attachments.open', { id: a.id })).toEqual({ opened: true });
      expect(opened).toHaveLength(1);
      expect(path.basename(opened[0]!)).toBe('インボイス.pdf');
      // a private folder made for this copy alone
      expect(path.basename(path.dirname(opened[0]!))).toMatch(/^crossdock-open-/);
      expect(fs.readFileSync(opened[0]!).equals(pdf)).toBe(true);
      // a program is never handed to the system to open, by its name or by its bytes
      const bat = await desk.client.call('attachments.add', { ownerType: 'supplier', ownerId: s, fileName: 'invoice.pdf.bat', base64: b64(Buffer.from('@echo off\r\n')) });
      const exe = await desk.client.call('attachments.add', { ownerType: 'supplier', ownerId: s, fileName: 'invoice.pdf', base64: b64(Buffer.from('MZ\x90\x00 program')) });
      expect(exe.mime).toBe('application/x-msdownload');
      for (const id of [bat.id, exe.id]) expect(await desk.client.call('attachments.open', { id })).toEqual({ opened: false });
      expect(opened).toHaveLength(1);
    } finally {
      desk.close();
    }
    // where there is no viewer (the browser host), the caller is told to save it
    const doc = await t.client.call('attachments.add', { ownerType: 'supplier', ownerId: supplier, fileName: 'a.pdf', base64: b64(Buffer.from('%PDF-1.4\n')) });
    expect(await t.client.call('attachments.open', { id: doc.id })).toEqual({ opened: false });
  });
});

describe('backups', () => {
  it('carry the files: a backup restored brings back its photos and attachments', async () => {
    const c = t.client;
    const photo = await c.call('photos.add', { productId: lamp, fileName: 'lamp.jpg', base64: b64(await cameraPhoto()) });
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    const doc = await c.call('attachments.add', { ownerType: 'supplier', ownerId: supplier, fileName: 'invoice.pdf', base64: b64(pdf) });
    const backup = await c.call('backups.run', {});
    const backupFiles = new FileStore(path.join(path.dirname(t.file), 'backups', 'files'));
    expect(backupFiles.list().sort()).toEqual(store.list().sort());

    // both go, and the app tidies their files away when it next opens
    await c.call('photos.remove', { id: photo.id });
    await c.call('attachments.remove', { id: doc.id });
    t.reopen();
    expect(store.list()).toEqual([]);

    await t.client.call('backups.restore', { name: backup.name });
    const [back] = await t.client.call('photos.list', { productId: lamp });
    expect(back!.hash).toBe(photo.hash);
    expect(store.intact(photo.hash)).toBe(true);
    expect(Buffer.from((await t.client.call('attachments.file', { id: doc.id })).base64, 'base64').equals(pdf)).toBe(true);
    // and they survive the next start
    t.reopen();
    expect((await t.client.call('photos.image', { id: photo.id })).width).toBe(20);
  });
});

describe('db check', () => {
  it('names a missing or damaged file and what uses it, and counts files nothing uses', async () => {
    const c = t.client;
    const photo = await c.call('photos.add', { productId: lamp, fileName: 'lamp.jpg', base64: b64(await cameraPhoto()) });
    const doc = await c.call('attachments.add', { ownerType: 'supplier', ownerId: supplier, fileName: 'invoice.pdf', base64: b64(Buffer.from('%PDF-1.4\n%%EOF\n')) });
    const run = async () => {
      const out: string[] = [];
      const code = await runCli(['db', 'check', '--data', t.file], { out: (l) => out.push(l), err: (l) => out.push(l) });
      return { code, out: out.join('\n') };
    };
    const healthy = await run();
    expect(healthy.code).toBe(0);
    expect(healthy.out).toContain('Photos and attachments: 3 file(s), all present and intact');

    fs.rmSync(store.pathOf(photo.hash));
    const docHash = (await c.call('attachments.list', { ownerType: 'supplier', ownerId: supplier }))[0]!;
    expect(docHash.id).toBe(doc.id);
    const pdfPath = fs.readdirSync(store.dir, { recursive: true, withFileTypes: true }).find((e) => e.isFile() && fs.readFileSync(path.join(e.parentPath, e.name)).subarray(0, 5).toString() === '%PDF-')!;
    fs.writeFileSync(path.join(pdfPath.parentPath, pdfPath.name), '%PDF-1.4\nchanged\n');
    store.put(Buffer.from('nobody uses me'));
    const broken = await run();
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/MISSING [0-9a-f]{12}… used by photo of LAMP-1/);
    expect(broken.out).toMatch(/DAMAGED [0-9a-f]{12}… used by attachment invoice\.pdf \(supplier /);
    expect(broken.out).toContain('1 file(s) no record uses: removed when the app next opens');
  });
});

describe('the full export', () => {
  it('takes the files along, and import all brings them back into the new data folder', async () => {
    const photo = await t.client.call('photos.add', { productId: lamp, fileName: 'lamp.jpg', base64: b64(await cameraPhoto()) });
    const out = path.join(t.dir, 'export');
    const target = path.join(t.dir, 'copy', 'crossdock.sqlite');
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    expect(await runCli(['export', 'all', '--out', out, '--data', t.file], io)).toBe(0);
    expect(new FileStore(path.join(out, 'files')).list().sort()).toEqual(store.list().sort());
    expect(await runCli(['import', 'all', out, '--data', target], io)).toBe(0);
    const copy = new FileStore(storeDirFor(target));
    expect(copy.list().sort()).toEqual(store.list().sort());
    expect(copy.intact(photo.hash)).toBe(true);
  });
});

