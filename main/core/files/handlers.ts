import type { Handlers } from '../context';
import { addAttachment, attachmentFile, listAttachments, openAttachment, removeAttachment, updateAttachment } from './attachments';
import { addPhoto, listPhotos, photoImage, removePhoto, reorderPhotos, thumbs } from './photos';

export const photoHandlers = {
  'photos.list': (input, ctx) => listPhotos(ctx, input.productId),
  'photos.thumbs': (input, ctx) => thumbs(ctx, input.productIds),
  'photos.image': (input, ctx) => photoImage(ctx, input.id),
  'photos.add': (input, t) => addPhoto(input, t),
  'photos.reorder': (input, ctx) => reorderPhotos(ctx, input),
  'photos.remove': (input, ctx) => removePhoto(ctx, input.id),
} satisfies Handlers<'photos'>;

export const attachmentHandlers = {
  'attachments.list': (input, ctx) => listAttachments(ctx, input),
  'attachments.add': (input, t) => addAttachment(input, t),
  'attachments.update': (input, ctx) => updateAttachment(ctx, input),
  'attachments.file': (input, ctx) => attachmentFile(ctx, input.id),
  'attachments.remove': (input, ctx) => removeAttachment(ctx, input.id),
  'attachments.open': (input, t) => openAttachment(input.id, t),
} satisfies Handlers<'attachments'>;
