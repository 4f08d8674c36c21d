// Attachments: any file on a supplier or a document (purchase order, receipt, landed cost,
// shipment, return, sales order), up to the size in the settings. Stored by hash like photos; the
// name it came with is kept only to show it and to offer it back when it is saved.
import type { Parsed } from '../../common/api';
import { ApiError } from '../../common/api/errors';
import type { Attachment, AttachmentFile } from '../../common/api/files-types';
import { sniff } from '../../common/sniff';
import * as repo from '../../db/repos/files';
import type { Ctx, TaskCtx } from '../context';
import { uuidv7 } from '../ids';
import { readSettings } from '../settings/service';

const OWNER_NAMES = {
  supplier: 'supplier',
  purchase_order: 'purchase order',
  receipt: 'receipt',
  landed_cost: 'landed-cost document',
  shipment: 'shipment',
  return: 'return',
  sales_order: 'sales order',
} as const;

function mustOwner(ctx: Ctx, type: keyof typeof OWNER_NAMES, id: string): void {
  if (!repo.ownerExists(ctx.db, type, id)) throw ApiError.field('ownerId', `No such ${OWNER_NAMES[type]}`, 'not_found');
}

function mustAttachment(ctx: Ctx, id: string) {
  const a = repo.attachment(ctx.db, id);
  if (!a) throw ApiError.field('id', 'No such attachment', 'not_found');
  return a;
}

export function listAttachments(ctx: Ctx, input: Parsed<'attachments.list'>): Attachment[] {
  mustOwner(ctx, input.ownerType, input.ownerId);
  return repo.attachmentsOf(ctx.db, input.ownerType, input.ownerId);
}

export async function addAttachment(input: Parsed<'attachments.add'>, t: TaskCtx): Promise<Attachment> {
  const limit = t.transact((ctx) => {
    mustOwner(ctx, input.ownerType, input.ownerId);
    return readSettings(ctx).attachmentMaxMb;
  }, 'read');
  // base64 holds 3 bytes in 4 characters: refuse an oversized file before decoding it
  const size = Math.floor((input.base64.length * 3) / 4) - (input.base64.endsWith('==') ? 2 : input.base64.endsWith('=') ? 1 : 0);
  if (size > limit * 1024 * 1024) throw ApiError.field('base64', `is ${(size / 1024 / 1024).toFixed(1)} MB: attachments are at most ${limit} MB (see Settings)`);
  const bytes = Buffer.from(input.base64, 'base64');
  const hash = t.store.put(bytes);
  const { mime } = sniff(bytes);
  return t.transact((ctx) => {
    mustOwner(ctx, input.ownerType, input.ownerId);
    repo.saveStoredFile(ctx.db, { hash, bytes: bytes.length, mime, width: null, height: null, thumbHash: null, sourceHash: null }, ctx.now);
    const id = uuidv7();
    repo.insertAttachment(
      ctx.db,
      { id, ownerType: input.ownerType, ownerId: input.ownerId, hash, fileName: input.fileName, note: input.note, attachedOn: input.attachedOn ?? ctx.now.slice(0, 10), createdBy: ctx.actor },
      ctx.now,
    );
    ctx.emit('attachments.changed', { ownerType: input.ownerType, ownerId: input.ownerId });
    const { hash: _h, ...a } = repo.attachment(ctx.db, id)!;
    return a;
  });
}

export function updateAttachment(ctx: Ctx, input: Parsed<'attachments.update'>): Attachment {
  const a = mustAttachment(ctx, input.id);
  repo.updateAttachment(ctx.db, a.id, { note: input.note === undefined ? a.note : input.note, attachedOn: input.attachedOn ?? a.attachedOn }, ctx.now);
  ctx.emit('attachments.changed', { ownerType: a.ownerType, ownerId: a.ownerId });
  const { hash: _h, ...out } = repo.attachment(ctx.db, a.id)!;
  return out;
}

const missingFile = (name: string) => new ApiError('not_found', `The file of ${name} is missing from the data folder: restore a backup (db check lists what is missing)`);

export function attachmentFile(ctx: Ctx, id: string): AttachmentFile {
  const a = mustAttachment(ctx, id);
  if (!ctx.store.has(a.hash)) throw missingFile(a.fileName);
  return { fileName: a.fileName, mimeType: a.mime, base64: ctx.store.read(a.hash).toString('base64') };
}

/** Names the system would run rather than show: such a file is saved, never opened. */
const RUNNABLE = /\.(exe|com|bat|cmd|scr|pif|cpl|msi|msp|jar|js|jse|vbs|vbe|wsf|wsh|hta|ps1|psm1|lnk|reg|app|command|sh|desktop|appimage|deb|rpm|dmg|pkg|url|scf|inf)$/i;

/**
 * Opens an attachment with the system's viewer: a copy under its own name in a new private folder
 * in the temporary folder (the name was checked when it was attached: never a path). A program, by
 * its bytes or by its name, is not opened: `opened` is false and the caller saves a copy instead.
 */
export async function openAttachment(id: string, t: TaskCtx): Promise<{ opened: boolean }> {
  const a = t.transact((ctx) => mustAttachment(ctx, id), 'read');
  if (!t.openFile || RUNNABLE.test(a.fileName.trim()) || a.mime === 'application/x-msdownload') return { opened: false };
  if (!t.store.has(a.hash)) throw missingFile(a.fileName);
  const file = t.store.copyOutTemp(a.hash, a.fileName);
  const problem = await t.openFile(file);
  if (problem) throw new ApiError('internal', `${a.fileName} could not be opened: ${problem}. Save a copy instead.`);
  return { opened: true };
}

/** Takes an attachment off its record. Its file stays while any other record uses it. */
export function removeAttachment(ctx: Ctx, id: string): Attachment {
  const { hash: _h, ...a } = mustAttachment(ctx, id);
  repo.deleteAttachment(ctx.db, id);
  ctx.emit('attachments.changed', { ownerType: a.ownerType, ownerId: a.ownerId });
  return a;
}
