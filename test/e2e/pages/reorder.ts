// The reorder screen: one card per supplier with its lines, quantities and budget; a product's
// plan in the side panel (figures, charts, backtest, rule).
import type { Page } from 'playwright-core';

export class ReorderScreen {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-reorder').click();
    await this.page.getByTestId('reorder-summary').waitFor();
  }

  supplier(name: string) {
    return this.page.locator(`[data-testid="reorder-supplier"][data-supplier="${name}"]`);
  }

  line(supplier: string, sku: string) {
    return this.supplier(supplier).locator(`[data-testid="reorder-line"][data-sku="${sku}"]`);
  }

  /** Opens a product's plan from its line; resolves once its chart has drawn. */
  async openPlan(supplier: string, sku: string) {
    await this.line(supplier, sku).getByTestId('reorder-open').click();
    const panel = this.page.getByTestId('reorder-product');
    await panel.getByTestId('chart-reorder').locator('svg').first().waitFor();
    return panel;
  }
}
