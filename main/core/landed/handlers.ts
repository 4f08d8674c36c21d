import * as repo from '../../db/repos/landed';
import type { Handlers } from '../context';
import { calculate, calculationToPo, deleteCalculation, getCalculation, saveCalculation } from './calculator';
import { cancel, create, get, list, post, reverse, update } from './documents';
import { allProfiles, deleteProfile, saveProfile, setProductRate } from './profiles';

export const landedHandlers = {
  'landed.calculate': (input, ctx) => calculate(ctx, input.input),
  'landed.calculations': (_input, ctx) => repo.listCalculations(ctx.db),
  'landed.calculation': (input, ctx) => getCalculation(ctx, input.id),
  'landed.saveCalculation': (input, ctx) => saveCalculation(ctx, input),
  'landed.deleteCalculation': (input, ctx) => deleteCalculation(ctx, input.id),
  'landed.calculationToPo': (input, ctx) => calculationToPo(ctx, input),
  'landed.profiles': (_input, ctx) => allProfiles(ctx.db),
  'landed.saveProfile': (input, ctx) => saveProfile(ctx, input),
  'landed.deleteProfile': (input, ctx) => deleteProfile(ctx, input),
  'landed.productRates': (input, ctx) => repo.productRates(ctx.db, input.productId),
  'landed.setProductRate': (input, ctx) => setProductRate(ctx, input),
  'landed.list': (input, ctx) => list(ctx, input),
  'landed.get': (input, ctx) => get(ctx, input.id),
  'landed.receiptChoices': (input, ctx) => repo.receiptChoices(ctx.db, input.q, input.limit),
  'landed.create': (input, ctx) => create(ctx, input),
  'landed.update': (input, ctx) => update(ctx, input),
  'landed.post': (input, ctx) => post(ctx, input.id),
  'landed.reverse': (input, ctx) => reverse(ctx, input),
  'landed.cancel': (input, ctx) => cancel(ctx, input.id),
} satisfies Handlers<'landed'>;
