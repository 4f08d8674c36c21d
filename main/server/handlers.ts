// Every contract method mapped to its feature's handler. A method without a handler, or a
// handler of the wrong type, fails to compile here.
import type { Method } from '../common/api';
import type { Handler } from '../core/context';
import { backupHandlers } from '../core/backups/handlers';
import { exportHandlers } from '../core/exports/handlers';
import { importHandlers } from '../core/imports/handlers';
import { countsHandlers } from '../core/counts/handlers';
import { attachmentHandlers, photoHandlers } from '../core/files/handlers';
import { dashboardHandlers } from '../core/dashboard/handlers';
import { fxHandlers } from '../core/fx/handlers';
import { landedHandlers } from '../core/landed/handlers';
import { liveHandlers } from '../core/live/handlers';
import { locationHandlers } from '../core/locations/handlers';
import { productHandlers } from '../core/products/handlers';
import { purchasingHandlers } from '../core/purchasing/handlers';
import { referenceHandlers } from '../core/reference/handlers';
import { reorderHandlers } from '../core/reorder/handlers';
import { returnHandlers } from '../core/returns/handlers';
import { customerHandlers, salesHandlers } from '../core/sales/handlers';
import { searchHandlers } from '../core/search/handlers';
import { settingsHandlers } from '../core/settings/handlers';
import { shipmentHandlers } from '../core/shipments/handlers';
import { stockHandlers } from '../core/stock/handlers';
import { supplierHandlers } from '../core/suppliers/handlers';
import { syncHandlers } from '../core/sync/handlers';

export const handlers: { [M in Method]: Handler<M> } = {
  ...settingsHandlers,
  ...productHandlers,
  ...locationHandlers,
  ...stockHandlers,
  ...fxHandlers,
  ...supplierHandlers,
  ...purchasingHandlers,
  ...landedHandlers,
  ...shipmentHandlers,
  ...returnHandlers,
  ...customerHandlers,
  ...salesHandlers,
  ...liveHandlers,
  ...reorderHandlers,
  ...countsHandlers,
  ...photoHandlers,
  ...attachmentHandlers,
  ...syncHandlers,
  ...backupHandlers,
  ...exportHandlers,
  ...importHandlers,
  ...dashboardHandlers,
  ...searchHandlers,
  ...referenceHandlers,
};
