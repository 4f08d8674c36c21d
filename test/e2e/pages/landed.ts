// The landed-cost screens: the list of documents, one document (header, charges, lines, post and
// reverse) and the "Add landed cost" action on a purchase order's receipts.
import type { Page } from 'playwright-core';
import { selectByLabelPrefix } from './shell';

export class LandedListPage {
  constructor(readonly page: Page) {}

  rows() {
    return this.page.getByTestId('landed-row');
  }

  /** The row of a document by its number (other rows may name it as their correction). */
  row(number: string) {
    return this.rows().filter({ has: this.page.locator('td:first-child', { hasText: number }) });
  }
}

export interface ChargeInput {
  kind?: 'freight' | 'insurance' | 'brokerage' | 'bank' | 'duty' | 'tax' | 'other';
  label?: string;
  amount: string;
  currency?: string;
  fxRate?: string;
  split?: 'value' | 'quantity' | 'weight' | 'volume' | 'equal' | 'manual';
  /** the supplier who billed it, by the start of its name */
  supplier?: string;
  reference?: string;
}

export class LandedDocPage {
  constructor(readonly page: Page) {}

  title() {
    return this.page.getByTestId('landed-title');
  }

  async status(): Promise<string> {
    return ((await this.page.getByTestId('landed-status').textContent()) ?? '').trim();
  }

  async waitFor(number: string): Promise<void> {
    await this.title().filter({ hasText: number }).waitFor();
  }

  async setProfile(codePrefix: string): Promise<void> {
    await selectByLabelPrefix(this.page, 'field-profile', codePrefix);
  }

  chargeRows() {
    return this.page.getByTestId('charge-row');
  }

  /** Adds a charge row and fills it. */
  async addCharge(c: ChargeInput): Promise<void> {
    const before = await this.chargeRows().count();
    await this.page.getByTestId('add-charge').click();
    const row = this.chargeRows().nth(before);
    await row.waitFor();
    await this.fillCharge(before, c);
  }

  async fillCharge(index: number, c: Partial<ChargeInput>): Promise<void> {
    const row = this.chargeRows().nth(index);
    if (c.kind) await row.getByTestId('charge-kind').selectOption(c.kind);
    if (c.label !== undefined) await row.getByTestId('charge-label').fill(c.label);
    if (c.amount !== undefined) await row.getByTestId('charge-amount').fill(c.amount);
    if (c.currency) await row.getByTestId('charge-currency').selectOption(c.currency);
    if (c.fxRate !== undefined) await row.getByTestId('charge-fxrate').fill(c.fxRate);
    if (c.split) await row.getByTestId('charge-split').selectOption(c.split);
    if (c.supplier) {
      const select = row.getByTestId('charge-supplier');
      const value = await select.evaluate((el, p) => [...(el as HTMLSelectElement).options].find((o) => o.label.startsWith(p))?.value ?? null, c.supplier);
      if (value === null) throw new Error(`no supplier "${c.supplier}"`);
      await select.selectOption(value);
    }
    if (c.reference !== undefined) await row.getByTestId('charge-reference').fill(c.reference);
  }

  lines() {
    return this.page.getByTestId('landed-line');
  }

  /** A line by its SKU (and its receipt, when the SKU came in on more than one). */
  line(sku: string, receipt?: string) {
    const l = this.page.locator(`[data-testid="landed-line"][data-sku="${sku}"]`);
    return receipt ? l.filter({ hasText: receipt }) : l;
  }

  async setDuty(sku: string, percent: string): Promise<void> {
    await this.line(sku).getByTestId('line-duty').fill(percent);
  }

  async setExcise(sku: string, percent: string, receipt?: string): Promise<void> {
    await this.line(sku, receipt).getByTestId('line-excise').fill(percent);
  }

  /** A line's rate input: what is typed on it, and the inherited rate it shows when nothing is. */
  async rate(sku: string, which: 'duty' | 'excise', receipt?: string): Promise<{ typed: string; placeholder: string }> {
    const input = this.line(sku, receipt).getByTestId(`line-${which}`);
    return { typed: await input.inputValue(), placeholder: (await input.getAttribute('placeholder')) ?? '' };
  }

  receipts() {
    return this.page.getByTestId('landed-receipt');
  }

  receipt(number: string) {
    return this.receipts().filter({ has: this.page.locator('td:first-child', { hasText: number }) });
  }

  /** Adds receipts through the picker, found by their numbers. */
  async addReceipts(...numbers: string[]): Promise<void> {
    await this.page.getByTestId('landed-add-receipts').click();
    const picker = this.page.getByTestId('receipt-picker');
    for (const n of numbers) {
      await picker.getByTestId('receipt-search').fill(n);
      await picker.getByTestId('receipt-choice').filter({ hasText: n }).getByTestId('receipt-choice-check').check();
    }
    await picker.getByTestId('save').click();
    await picker.waitFor({ state: 'detached' });
  }

  async removeReceipt(number: string): Promise<void> {
    await this.receipt(number).getByTestId('landed-remove-receipt').click();
  }

  /** The message shown next to a field, by its API path (charges.0.amount, lines.0.dutyRate). */
  error(field: string) {
    return this.page.getByTestId(`error-${field}`);
  }

  async save(): Promise<void> {
    await this.page.getByTestId('landed-save').click();
  }

  async post(): Promise<void> {
    await this.page.getByTestId('landed-post').click();
    await this.page.getByTestId('landed-post-confirm').click();
  }

  async reverse(): Promise<void> {
    await this.page.getByTestId('landed-reverse').click();
    await this.page.getByTestId('landed-reverse-confirm').click();
  }

  async text(testId: string): Promise<string> {
    return ((await this.page.getByTestId(testId).first().textContent()) ?? '').trim();
  }
}

/** The receipts table of a purchase order. */
export class PoReceipts {
  constructor(readonly page: Page) {}

  row(number: string) {
    return this.page.getByTestId('po-receipt').filter({ hasText: number });
  }

  async addLandedCost(number: string): Promise<void> {
    await this.row(number).getByTestId('add-landed-cost').click();
  }

  landedLinks(number: string) {
    return this.row(number).getByTestId('receipt-landed-link');
  }
}
