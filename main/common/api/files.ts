// The contract of product photos and document attachments (spread into the one table in
// ./index.ts). Files travel as base64 and are stored by the app under the hash of their bytes; a
// file name is only ever shown. Adding one is a task: the image is decoded, turned upright,
// stripped of its metadata and given a thumbnail before the record is written.
import { z } from './zod';
import { read, task, write } from './contract';
import * as f from './fields';
import { fileNameProblem } from '../file-names';
import { MAX_FILE_BASE64 } from './imports';
import type * as F from './files-types';

export const ATTACHMENT_OWNERS = ['supplier', 'purchase_order', 'receipt', 'landed_cost', 'shipment', 'return', 'sales_order'] as const;

const fileName = z
  .string({ message: 'is required' })
  .superRefine((v, ctx) => {
    const problem = fileNameProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const base64 = z
  .string()
  .min(1, 'the file is empty')
  .max(MAX_FILE_BASE64, 'the file is too big (at most 300 MB)')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not base64');
const owner = { ownerType: z.enum(ATTACHMENT_OWNERS, { message: `must be one of ${ATTACHMENT_OWNERS.join(', ')}` }), ownerId: f.id };

export const filesApi = {
  /** a product's photos in order (the first is the primary one), with thumbnails */
  'photos.list': read<F.Photo[]>()(z.object({ productId: f.id })),
  /** the primary photo's thumbnail of each product asked for (products without one are left out) */
  'photos.thumbs': read<Record<string, string>>()(z.object({ productIds: z.array(f.id).max(1000, 'at most 1,000 products') })),
  /** one photo at full size */
  'photos.image': read<F.PhotoImage>()(z.object({ id: f.id })),
  /** adds a photo (JPEG, PNG, WebP, GIF or AVIF) at the end, or first when `primary` */
  'photos.add': task<F.Photo>()(z.object({ productId: f.id, fileName, base64, primary: z.boolean().default(false) })),
  /** the product's photos in a new order: every one of its photo ids, the primary first */
  'photos.reorder': write<F.Photo[]>()(z.object({ productId: f.id, ids: z.array(f.id).min(1, 'name the photos').max(100) })),
  'photos.remove': write<F.Photo[]>()(z.object({ id: f.id })),

  'attachments.list': read<F.Attachment[]>()(z.object(owner)),
  /** any file up to the size in the settings (25 MB unless changed), with a note and its date */
  'attachments.add': task<F.Attachment>()(
    z.object({ ...owner, fileName, base64, note: f.optionalText(500), attachedOn: z.iso.date({ message: 'must be a date (YYYY-MM-DD)' }).optional() }),
  ),
  'attachments.update': write<F.Attachment>()(z.object({ id: f.id, note: f.optionalText(500).optional(), attachedOn: z.iso.date({ message: 'must be a date (YYYY-MM-DD)' }).optional() })),
  /** the file, to save or open */
  'attachments.file': read<F.AttachmentFile>()(z.object({ id: f.id })),
  'attachments.remove': write<F.Attachment>()(z.object({ id: f.id })),
  /** opens the file with the system's viewer (desktop app); where there is none (a browser), `opened` is false: save it instead */
  'attachments.open': task<{ opened: boolean }>()(z.object({ id: f.id })),
};
