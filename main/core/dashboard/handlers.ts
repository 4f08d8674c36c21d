import { dashboardFigures, recentMovementSeqs } from '../../db/repos/dashboard';
import { movementsBySeq } from '../../db/repos/ledger';
import type { Handlers } from '../context';
import { baseCurrency } from '../settings/service';

export const dashboardHandlers = {
  'dashboard.summary': (input, ctx) => {
    const since = new Date(Date.parse(ctx.now) - (input.days - 1) * 86_400_000).toISOString().slice(0, 10);
    return {
      baseCurrency: baseCurrency(ctx),
      ...dashboardFigures(ctx.db, since),
      recent: movementsBySeq(ctx.db, recentMovementSeqs(ctx.db, 10)),
    };
  },
} satisfies Handlers<'dashboard'>;
