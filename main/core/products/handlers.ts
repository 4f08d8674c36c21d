import * as repo from '../../db/repos/products';
import type { Handlers } from '../context';
import { productLabels } from './labels';
import { assignBarcodes, createProduct, productDetail, setProductStatus, updateProduct } from './service';

export const productHandlers = {
  'products.list': (input, ctx) => repo.listProducts(ctx.db, input),
  'products.get': (input, ctx) => productDetail(ctx, input.id),
  'products.categories': (_input, ctx) => repo.listCategories(ctx.db),
  'products.create': (input, ctx) => createProduct(ctx, input),
  'products.update': (input, ctx) => updateProduct(ctx, input),
  'products.archive': (input, ctx) => setProductStatus(ctx, input.id, 'archived'),
  'products.restore': (input, ctx) => setProductStatus(ctx, input.id, 'active'),
  'products.assignBarcodes': (input, ctx) => assignBarcodes(ctx, input),
  'products.labels': (input, ctx) => productLabels(ctx, input),
} satisfies Handlers<'products'>;
