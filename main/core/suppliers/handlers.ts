import { listSupplierProducts, listSuppliers } from '../../db/repos/suppliers';
import type { Handlers } from '../context';
import { archiveSupplier, createSupplier, removeSupplierProduct, saveSupplierProduct, supplierDetail, updateSupplier } from './service';

export const supplierHandlers = {
  'suppliers.list': (input, ctx) => listSuppliers(ctx.db, input.includeArchived),
  'suppliers.get': (input, ctx) => supplierDetail(ctx, input.id),
  'suppliers.create': (input, ctx) => createSupplier(ctx, input),
  'suppliers.update': (input, ctx) => updateSupplier(ctx, input),
  'suppliers.archive': (input, ctx) => archiveSupplier(ctx, input.id),
  'suppliers.saveProduct': (input, ctx) => saveSupplierProduct(ctx, input),
  'suppliers.removeProduct': (input, ctx) => removeSupplierProduct(ctx, input.id),
  'suppliers.sourcesOf': (input, ctx) => listSupplierProducts(ctx.db, { productId: input.productId }),
} satisfies Handlers<'suppliers'>;
