import type { Page } from 'playwright-core';
import { Shell } from './shell';

export class DashboardPage {
  readonly shell: Shell;
  constructor(readonly page: Page) {
    this.shell = new Shell(page);
  }

  async open(): Promise<void> {
    await this.shell.go('dashboard');
  }

  firstRun() {
    return this.page.getByTestId('first-run');
  }

  async kpi(name: 'value' | 'units' | 'products' | 'locations'): Promise<string> {
    const el = this.page.getByTestId(`kpi-${name}`);
    await el.waitFor();
    return ((await el.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  }

  /** Bars drawn by recharts inside one chart card (the chart chunk is lazy-loaded). */
  bars(chart: 'chart-value-by-category' | 'chart-value-by-location' | 'chart-movements') {
    return this.page.getByTestId(chart).locator('.recharts-bar-rectangle path, path.recharts-rectangle');
  }

  lowStockItems() {
    return this.page.getByTestId('low-stock-list').locator('li');
  }
}
