// The live selling screens: the sessions list and its new-session panel, the planner (details,
// items, suggestions), the full-screen console (driven with the keyboard) and the report.
import type { Page } from 'playwright-core';
import { selectByLabelPrefix } from './shell';

export class LiveList {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-live').click();
    await this.page.locator('[data-testid="live-table"], [data-testid="live-empty"]').first().waitFor();
  }

  row(number: string) {
    return this.page.locator(`[data-testid="live-row"][data-number="${number}"]`);
  }

  /** A new session from the panel; it opens on its planner. */
  async create(s: { title: string; platform?: string; location: string }): Promise<LivePlanner> {
    await this.page.getByTestId('new-live').first().click();
    await this.page.getByTestId('live-new-panel').waitFor();
    await this.page.getByTestId('field-title').fill(s.title);
    if (s.platform) await this.page.getByTestId('field-platform').fill(s.platform);
    await selectByLabelPrefix(this.page, 'field-locationId', s.location);
    await this.page.getByTestId('field-title').press('Enter');
    const planner = new LivePlanner(this.page);
    await planner.root.waitFor();
    return planner;
  }
}

export class LivePlanner {
  constructor(readonly page: Page) {}

  get root() {
    return this.page.getByTestId('live-plan');
  }

  field(name: string) {
    return this.page.getByTestId(`field-${name}`);
  }

  items() {
    return this.page.getByTestId('live-item');
  }

  /** The input of an item's column (code, price, cap, perCustomerLimit), by row. */
  cell(row: number, name: 'code' | 'price' | 'cap' | 'perCustomerLimit') {
    return this.field(`items.${row}.${name}`);
  }

  async text(row: number, testId: 'item-available' | 'item-margin'): Promise<string> {
    return ((await this.items().nth(row).getByTestId(testId).textContent()) ?? '').trim();
  }

  suggestion(sku: string) {
    return this.page.locator(`[data-testid="suggestion"][data-sku="${sku}"]`);
  }

  async addSuggestion(sku: string): Promise<void> {
    await this.suggestion(sku).getByTestId('add-suggestion').click();
  }

  /** "Add a product", then the product found by typing `search` into its picker. */
  async addProduct(search: string, pick: string): Promise<void> {
    const row = await this.items().count();
    await this.page.getByTestId('add-item').click();
    const input = this.field(`items.${row}.productId`);
    await input.fill(search);
    await this.page.locator('.suggest-list [role=option]', { hasText: pick }).first().waitFor();
    await input.press('Enter');
  }

  async save(): Promise<void> {
    await this.page.getByTestId('save-live').click();
    await this.page.getByTestId('toast').filter({ hasText: /Saved/ }).last().waitFor();
  }

  async goLive(): Promise<LiveConsolePage> {
    await this.page.getByTestId('go-live').click();
    const c = new LiveConsolePage(this.page);
    await c.root.waitFor();
    return c;
  }
}

/** The console, used the way an operator does: typing and keys only. */
export class LiveConsolePage {
  constructor(readonly page: Page) {}

  get root() {
    return this.page.getByTestId('live-console');
  }

  get kb() {
    return this.page.keyboard;
  }

  async focused(): Promise<string | null> {
    return this.page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
  }

  /** Esc clears the entry (focus back on the product), then the product and Enter (on to the buyer). */
  async product(code: string): Promise<void> {
    await this.kb.press('Escape');
    await this.kb.type(code);
    await this.kb.press('Enter');
  }

  /** How many answers (claims, refusals, undos) the console has shown. */
  async answers(): Promise<number> {
    return Number(await this.page.getByTestId('claim-feedback').getAttribute('data-answers'));
  }

  /** Presses a key (or keys) and waits for the console's answer to it. */
  async answer(key: string): Promise<string> {
    const before = await this.answers();
    await this.kb.press(key);
    await this.page.waitForFunction((n) => Number(document.querySelector('[data-testid="claim-feedback"]')?.getAttribute('data-answers')) > n, before);
    return this.feedback();
  }

  /** The buyer's handle and Enter: a claim of the product in the entry; resolves with the console's answer. */
  async claim(buyer: string): Promise<string> {
    await this.kb.type(buyer);
    return this.answer('Enter');
  }

  async feedback(): Promise<string> {
    return ((await this.page.getByTestId('claim-feedback').textContent()) ?? '').trim();
  }

  async feedbackKind(): Promise<string | null> {
    return this.page.getByTestId('claim-feedback').getAttribute('data-kind');
  }

  tile(code: string) {
    return this.page.locator(`[data-testid="live-tile"][data-code="${code}"]`);
  }

  left(code: string): Promise<string | null> {
    return this.tile(code).getAttribute('data-left');
  }

  waiting(code: string): Promise<string | null> {
    return this.tile(code).getAttribute('data-waiting');
  }

  feed() {
    return this.page.getByTestId('feed-claim');
  }

  async feedStatuses(): Promise<string[]> {
    return this.feed().evaluateAll((rows) => rows.map((r) => `#${r.getAttribute('data-seq')} @${r.getAttribute('data-handle')} ${r.getAttribute('data-status')}`));
  }

  /** End session with the keyboard: Shift+Tab from the product to the header's End button, Enter, Enter to confirm. */
  async endWithKeyboard(): Promise<LiveReportPage> {
    await this.kb.press('Escape');
    for (let i = 0; i < 6 && (await this.focused()) !== 'end-live'; i++) await this.kb.press('Shift+Tab');
    if ((await this.focused()) !== 'end-live') throw new Error('the End session button is not reachable with Shift+Tab');
    await this.kb.press('Enter');
    await this.page.getByTestId('end-live-confirm').waitFor();
    await this.kb.press('Enter');
    const r = new LiveReportPage(this.page);
    await r.root.waitFor();
    return r;
  }
}

export class LiveReportPage {
  constructor(readonly page: Page) {}

  get root() {
    return this.page.getByTestId('live-report');
  }

  async kpi(name: 'claims' | 'units' | 'buyers' | 'revenue' | 'cost' | 'margin'): Promise<string> {
    return ((await this.page.getByTestId(`kpi-${name}`).locator('.lv-kpi-value').textContent()) ?? '').trim();
  }

  item(sku: string) {
    return this.page.locator(`[data-testid="report-item"][data-sku="${sku}"]`);
  }

  packOrders() {
    return this.page.getByTestId('pack-order');
  }
}
