// Product photos: several per product, the first the primary one, in the merchant's order. Adding
// one decodes and re-encodes it outside any transaction (it can take a moment), stores the result
// and its thumbnail by hash, then records it. The same upload twice is one stored file.
import type { Parsed } from '../../common/api';
import { ApiError } from '../../common/api/errors';
import type { Photo, PhotoImage } from '../../common/api/files-types';
import * as repo from '../../db/repos/files';
import { getProduct } from '../../db/repos/products';
import { sha256 } from '../../db/store';
import type { Ctx, TaskCtx } from '../context';
import { uuidv7 } from '../ids';
import { prepareImage } from './image';

function mustProduct(ctx: Ctx, id: string) {
  const p = getProduct(ctx.db, id);
  if (!p) throw ApiError.field('productId', 'No such product', 'not_found');
  return p;
}

function view(ctx: Ctx, p: repo.PhotoRow): Photo {
  return {
    id: p.id,
    productId: p.productId,
    position: p.position,
    hash: p.hash,
    mime: p.mime,
    width: p.width ?? 0,
    height: p.height ?? 0,
    bytes: p.bytes,
    thumb: p.thumbHash ? dataUrl(ctx, p.thumbHash) : '',
    createdAt: p.createdAt,
  };
}

/** A thumbnail for an <img>; '' when its file is missing (db check names it), so one lost file never blanks a list. */
const dataUrl = (ctx: Ctx, hash: string) => (ctx.store.has(hash) ? `data:image/webp;base64,${ctx.store.read(hash).toString('base64')}` : '');

export function listPhotos(ctx: Ctx, productId: string): Photo[] {
  mustProduct(ctx, productId);
  return repo.photosOf(ctx.db, productId).map((p) => view(ctx, p));
}

export function thumbs(ctx: Ctx, productIds: string[]): Record<string, string> {
  return Object.fromEntries(repo.primaryThumbs(ctx.db, productIds).flatMap((r) => {
    const url = dataUrl(ctx, r.thumbHash);
    return url ? [[r.productId, url]] : [];
  }));
}

export function photoImage(ctx: Ctx, id: string): PhotoImage {
  const p = repo.photo(ctx.db, id);
  if (!p) throw ApiError.field('id', 'No such photo', 'not_found');
  if (!ctx.store.has(p.hash)) throw new ApiError('not_found', 'The file of this photo is missing from the data folder: restore a backup (db check lists what is missing)');
  return { mime: p.mime, base64: ctx.store.read(p.hash).toString('base64'), width: p.width ?? 0, height: p.height ?? 0 };
}

export async function addPhoto(input: Parsed<'photos.add'>, t: TaskCtx): Promise<Photo> {
  t.transact((ctx) => mustProduct(ctx, input.productId), 'read');
  const upload = Buffer.from(input.base64, 'base64');
  const source = sha256(upload);
  let file = t.transact((ctx) => repo.photoFromSource(ctx.db, source), 'read');
  let thumb: repo.StoredFile | null = null;
  if (!file) {
    const img = await prepareImage(upload);
    thumb = { hash: t.store.put(img.thumb), bytes: img.thumb.length, mime: 'image/webp', width: null, height: null, thumbHash: null, sourceHash: null };
    file = { hash: t.store.put(img.bytes), bytes: img.bytes.length, mime: img.mime, width: img.width, height: img.height, thumbHash: thumb.hash, sourceHash: source };
  }
  const stored = file;
  return t.transact((ctx) => {
    const product = mustProduct(ctx, input.productId);
    const photos = repo.photosOf(ctx.db, product.id);
    if (photos.some((p) => p.hash === stored.hash)) throw ApiError.field('base64', `This photo is already one of ${product.sku}'s`, 'conflict');
    if (thumb) repo.saveStoredFile(ctx.db, thumb, ctx.now);
    repo.saveStoredFile(ctx.db, stored, ctx.now);
    const id = uuidv7();
    if (input.primary) photos.forEach((p, i) => repo.setPhotoPosition(ctx.db, p.id, i + 1, ctx.now));
    repo.insertPhoto(ctx.db, { id, productId: product.id, hash: stored.hash, position: input.primary ? 0 : photos.length }, ctx.now);
    ctx.emit('photos.changed', { productIds: [product.id] });
    return view(ctx, repo.photo(ctx.db, id)!);
  });
}

export function reorderPhotos(ctx: Ctx, input: Parsed<'photos.reorder'>): Photo[] {
  mustProduct(ctx, input.productId);
  const photos = repo.photosOf(ctx.db, input.productId);
  const mine = new Set(photos.map((p) => p.id));
  if (input.ids.length !== photos.length || new Set(input.ids).size !== input.ids.length || input.ids.some((id) => !mine.has(id))) {
    throw ApiError.field('ids', `must name each of the product's ${photos.length} photos once`);
  }
  input.ids.forEach((id, i) => repo.setPhotoPosition(ctx.db, id, i, ctx.now));
  ctx.emit('photos.changed', { productIds: [input.productId] });
  return listPhotos(ctx, input.productId);
}

/** Takes a photo off its product. Its file stays while any other record uses it. */
export function removePhoto(ctx: Ctx, id: string): Photo[] {
  const p = repo.photo(ctx.db, id);
  if (!p) throw ApiError.field('id', 'No such photo', 'not_found');
  repo.deletePhoto(ctx.db, id);
  repo.photosOf(ctx.db, p.productId).forEach((x, i) => repo.setPhotoPosition(ctx.db, x.id, i, ctx.now));
  ctx.emit('photos.changed', { productIds: [p.productId] });
  return listPhotos(ctx, p.productId);
}
