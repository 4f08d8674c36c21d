// The shipment screens: the board (filters, rows, the new-shipment panel) and one shipment
// (tracking numbers, timeline, the add-event form and the tracking CSV import).
import type { Page } from 'playwright-core';
import { selectByLabelPrefix } from './shell';

export class ShipmentsBoard {
  constructor(readonly page: Page) {}

  rows() {
    return this.page.getByTestId('shipment-row');
  }

  row(number: string) {
    return this.page.locator(`[data-testid="shipment-row"][data-number="${number}"]`);
  }

  async numbers(): Promise<string[]> {
    return this.rows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number') ?? ''));
  }

  async openNew(): Promise<void> {
    await this.page.getByTestId('new-shipment').click();
    await this.page.getByTestId('shipment-form').waitFor();
  }

  field(name: string) {
    return this.page.getByTestId(`field-${name}`);
  }

  async chooseSupplier(prefix: string): Promise<void> {
    await selectByLabelPrefix(this.page, 'field-supplierId', prefix);
  }

  async chooseTo(codePrefix: string): Promise<void> {
    await selectByLabelPrefix(this.page, 'field-toLocationId', codePrefix);
  }

  async addPo(number: string): Promise<void> {
    await this.page.locator('[data-testid="field-po"] option', { hasText: number }).waitFor({ state: 'attached' });
    await selectByLabelPrefix(this.page, 'field-po', number);
    await this.page.getByTestId('shipment-form-line').first().waitFor();
  }

  async setLineQty(sku: string, qty: string): Promise<void> {
    await this.page.locator(`[data-testid="shipment-form-line"][data-sku="${sku}"]`).getByTestId('line-qty').fill(qty);
  }

  async save(): Promise<void> {
    await this.page.getByTestId('shipment-form').getByTestId('save').click();
  }
}

export interface EventInput {
  at: string;
  status: string;
  place?: string;
  text?: string;
}

export class ShipmentPage {
  constructor(readonly page: Page) {}

  title() {
    return this.page.getByTestId('shipment-title');
  }

  async waitFor(number: string): Promise<void> {
    await this.title().filter({ hasText: number }).waitFor();
  }

  async status(): Promise<string> {
    return ((await this.page.getByTestId('shipment-status').textContent()) ?? '').trim();
  }

  trackingNumber(n: string) {
    return this.page.locator(`[data-testid="tracking-number"][data-number="${n}"]`);
  }

  events() {
    return this.page.getByTestId('timeline-event');
  }

  /** The timeline as shown: "status@time" per event, top to bottom. */
  async timeline(): Promise<string[]> {
    return this.events().evaluateAll((els) => els.map((el) => `${el.getAttribute('data-status')}@${el.getAttribute('data-at')}`));
  }

  async addEvent(e: EventInput): Promise<void> {
    const form = this.page.getByTestId('add-event');
    await form.getByTestId('field-at').fill(e.at);
    await form.getByTestId('field-status').selectOption(e.status);
    await form.getByTestId('field-place').fill(e.place ?? '');
    await form.getByTestId('field-text').fill(e.text ?? '');
    await form.getByTestId('add-event-submit').click();
  }

  error(name: string) {
    return this.page.getByTestId('add-event').getByTestId(`error-${name}`);
  }

  async importCsv(text: string): Promise<void> {
    await this.page.getByTestId('tracking-csv').fill(text);
    await this.page.getByTestId('import-tracking-run').click();
    await this.page.getByTestId('import-report').waitFor();
  }
}
