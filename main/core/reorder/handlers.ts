import type { Handlers } from '../context';
import { demandHistory } from './history';
import { leadTime } from './lead-time';
import { listPromotions, removePromotion, savePromotion } from './promotions';
import { readReorderSettings, readRule, readSupplierTerms, saveReorderSettings, saveRule, saveSupplierTerms } from './settings';
import { productPlan, suggest } from './suggest';

export const reorderHandlers = {
  'reorder.history': (input, ctx) => demandHistory(ctx, input),
  'reorder.leadTime': (input, ctx) => leadTime(ctx, input.supplierId, input.productId),
  'reorder.settings': (_input, ctx) => readReorderSettings(ctx),
  'reorder.saveSettings': (input, ctx) => saveReorderSettings(ctx, input),
  'reorder.rule': (input, ctx) => readRule(ctx, input.productId),
  'reorder.saveRule': (input, ctx) => saveRule(ctx, input),
  'reorder.supplier': (input, ctx) => readSupplierTerms(ctx, input.supplierId),
  'reorder.saveSupplier': (input, ctx) => saveSupplierTerms(ctx, input),
  'reorder.promotions': (input, ctx) => listPromotions(ctx, input.productId),
  'reorder.savePromotion': (input, ctx) => savePromotion(ctx, input),
  'reorder.removePromotion': (input, ctx) => removePromotion(ctx, input.id),
  'reorder.suggest': (input, ctx) => suggest(ctx, input),
  'reorder.product': (input, ctx) => productPlan(ctx, input),
} satisfies Handlers<'reorder'>;
