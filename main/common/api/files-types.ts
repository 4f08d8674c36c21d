// What the photo and attachment methods return (see ./files.ts).

export type AttachmentOwner = 'supplier' | 'purchase_order' | 'receipt' | 'landed_cost' | 'shipment' | 'return' | 'sales_order';

export interface Photo {
  id: string;
  productId: string;
  /** 0 is the primary photo */
  position: number;
  hash: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  /** the thumbnail as a data: URL (WebP), ready for an <img> */
  thumb: string;
  createdAt: string;
}

export interface PhotoImage {
  mime: string;
  base64: string;
  width: number;
  height: number;
}

export interface Attachment {
  id: string;
  ownerType: AttachmentOwner;
  ownerId: string;
  fileName: string;
  note: string | null;
  attachedOn: string;
  bytes: number;
  /** sniffed from the bytes */
  mime: string;
  createdBy: string;
  createdAt: string;
}

export interface AttachmentFile {
  fileName: string;
  mimeType: string;
  base64: string;
}
