// The product page and the stock forms opened from it.
import type { Page } from 'playwright-core';
import { selectByLabelPrefix, Shell } from './shell';

export class ProductPage {
  readonly shell: Shell;
  constructor(readonly page: Page) {
    this.shell = new Shell(page);
  }

  title() {
    return this.page.getByTestId('product-title');
  }

  /** On-hand figure at one location, or null when the product has no balance there. */
  async onHandAt(code: string): Promise<string | null> {
    const row = this.page.locator(`[data-testid="product-balance"][data-location="${code}"]`);
    if ((await row.count()) === 0) return null;
    return (await row.getByTestId('balance-onhand').textContent())?.trim() ?? null;
  }

  async balanceText(code: string): Promise<string> {
    return (await this.page.locator(`[data-testid="product-balance"][data-location="${code}"]`).textContent()) ?? '';
  }

  historyRows() {
    return this.page.getByTestId('history-row');
  }

  async openAdjust(): Promise<AdjustForm> {
    await this.page.getByTestId('adjust-stock').click();
    const f = new AdjustForm(this.page);
    await f.root.waitFor();
    return f;
  }

  async openTransfer(): Promise<TransferForm> {
    await this.page.getByTestId('transfer-stock').click();
    const f = new TransferForm(this.page);
    await f.root.waitFor();
    return f;
  }
}

export class AdjustForm {
  constructor(readonly page: Page) {}

  get root() {
    return this.page.getByTestId('adjust-form');
  }

  async fill(a: { location: string; qty: string; direction?: 'in' | 'out'; unitCost?: string; reason?: string; note?: string }): Promise<void> {
    await selectByLabelPrefix(this.page, 'field-locationId', `${a.location} ·`);
    if (a.direction) await this.root.getByTestId(`direction-${a.direction}`).click();
    await this.root.getByTestId('field-qty').fill(a.qty);
    if (a.unitCost !== undefined) await this.root.getByTestId('field-unitCost').fill(a.unitCost);
    if (a.reason) await this.root.getByTestId('field-reason').selectOption(a.reason);
    if (a.note !== undefined) await this.root.getByTestId('field-note').fill(a.note);
  }

  async submit(): Promise<void> {
    await this.root.getByTestId('field-qty').press('Enter');
  }
}

export class TransferForm {
  constructor(readonly page: Page) {}

  get root() {
    return this.page.getByTestId('transfer-form');
  }

  error(name: string) {
    return this.root.getByTestId(`error-${name}`);
  }

  /** "Available at source: 6" under the From select. */
  async availableHint(): Promise<string> {
    const hint = this.root.getByTestId('hint-fromLocationId');
    await hint.waitFor();
    return (await hint.textContent()) ?? '';
  }

  async fill(a: { from?: string; to: string; qty: string; note?: string }): Promise<void> {
    if (a.from) await selectByLabelPrefix(this.page, 'field-fromLocationId', `${a.from} ·`);
    await selectByLabelPrefix(this.page, 'field-toLocationId', `${a.to} ·`);
    await this.root.getByTestId('field-qty').fill(a.qty);
    if (a.note !== undefined) await this.root.getByTestId('field-note').fill(a.note);
  }

  async submit(): Promise<void> {
    await this.root.getByTestId('field-qty').press('Enter');
  }
}
