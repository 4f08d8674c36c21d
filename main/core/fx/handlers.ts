import type { Handlers } from '../context';
import { importCsv, importEcb, rate, setRate } from './service';

export const fxHandlers = {
  'fx.rate': (input, ctx) => rate(ctx, input),
  'fx.set': (input, ctx) => setRate(ctx, input),
  'fx.importEcb': (_input, ctx) => importEcb(ctx),
  'fx.importCsv': (input, ctx) => importCsv(ctx, input.text),
} satisfies Handlers<'fx'>;
