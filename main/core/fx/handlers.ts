import type { Handlers } from '../context';
import { history, importCsv, importEcb, overview, rate, setRate } from './service';

export const fxHandlers = {
  'fx.rate': (input, ctx) => rate(ctx, input),
  'fx.set': (input, ctx) => setRate(ctx, input),
  'fx.overview': (input, ctx) => overview(ctx, input),
  'fx.history': (input, ctx) => history(ctx, input),
  'fx.importEcb': (_input, ctx) => importEcb(ctx),
  'fx.importCsv': (input, ctx) => importCsv(ctx, input.text),
} satisfies Handlers<'fx'>;
