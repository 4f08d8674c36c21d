// Supplier sync: the connection card on a supplier's page, the sync centre, and a purchase
// order's status at its supplier.
import type { Page } from 'playwright-core';

export class ConnectionCard {
  constructor(readonly page: Page) {}

  get card() {
    return this.page.getByTestId('connection-card');
  }

  /** Connects the supplier open on screen to an API at `url` with `key`. */
  async connect(url: string, key: string): Promise<void> {
    await this.page.getByTestId('connect-supplier').click();
    const form = this.page.getByTestId('connection-form');
    await form.getByTestId('field-endpoint').fill(url);
    await form.getByTestId('field-apiKey').fill(key);
    await form.getByTestId('save-connection').click();
    await this.card.getByTestId('connection-kind').waitFor();
  }

  lastRun() {
    return this.card.getByTestId('connection-last-run');
  }
}

export class SyncCentre {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-sync').click();
    await this.page.getByTestId('sync-connections').waitFor();
  }

  row(supplier: string) {
    return this.page.getByTestId('sync-connection').filter({ hasText: supplier });
  }

  outboxItem(poNumber: string) {
    return this.page.getByTestId('outbox-item').filter({ hasText: poNumber });
  }
}
