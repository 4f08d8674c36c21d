// The shipment screens: the board (filters, rows, the new-shipment panel) and one shipment
// (tracking numbers, timeline, the add-event form and the tracking CSV import), what moves a
// shipment along (edit, customs, costs, dispatch, receive, land cost) and the expected arrivals.
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

/** The parts of a shipment page that move it along: edit, dispatch, receive, customs, costs, land cost. */
export class ShipmentFlow {
  constructor(readonly page: Page) {}

  // ---- edit panel ----
  async openEdit(): Promise<void> {
    await this.page.getByTestId('shipment-edit').click();
    await this.page.getByTestId('shipment-edit-form').waitFor();
  }

  get edit() {
    return this.page.getByTestId('shipment-edit-form');
  }

  async addParcel(p: { ref: string; kg: string; cm: [string, string, string] }): Promise<void> {
    await this.edit.getByTestId('add-parcel').click();
    const row = this.edit.getByTestId('edit-parcel').last();
    await row.getByTestId('parcel-ref').fill(p.ref);
    await row.getByTestId('parcel-weight').fill(p.kg);
    await row.getByTestId('parcel-l').fill(p.cm[0]);
    await row.getByTestId('parcel-w').fill(p.cm[1]);
    await row.getByTestId('parcel-h').fill(p.cm[2]);
  }

  async addLeg(l: { from?: string; to: string; mode: string; carrier?: string; eta?: string }): Promise<void> {
    await this.edit.getByTestId('add-leg').click();
    const row = this.edit.getByTestId('edit-leg').last();
    if (l.from !== undefined) await row.getByTestId('leg-from').fill(l.from);
    await row.getByTestId('leg-to').fill(l.to);
    await row.getByTestId('leg-mode').selectOption(l.mode);
    await row.getByTestId('leg-carrier').fill(l.carrier ?? '');
    if (l.eta) await row.getByTestId('leg-eta').fill(l.eta);
  }

  async saveEdit(): Promise<void> {
    await this.edit.getByTestId('save').click();
    await this.edit.waitFor({ state: 'detached' });
  }

  /** The legs as shown on the route: "mode:state" each. */
  async legs(): Promise<string[]> {
    return this.page.getByTestId('shipment-leg').evaluateAll((els) => els.map((el) => `${el.getAttribute('data-mode')}:${el.getAttribute('data-state')}`));
  }

  async places(): Promise<string[]> {
    return this.page.getByTestId('route-place').evaluateAll((els) => els.map((el) => (el.textContent ?? '').trim()));
  }

  // ---- customs and costs ----
  async setCustoms(c: { status: string; broker: string; entry: string; clearedOn: string }): Promise<void> {
    const form = this.page.getByTestId('customs-form');
    await form.getByTestId('field-customsStatus').selectOption(c.status);
    await form.getByTestId('field-clearedOn').fill(c.clearedOn);
    await form.getByTestId('field-broker').fill(c.broker);
    await form.getByTestId('field-entryNumber').fill(c.entry);
    await form.getByTestId('customs-save').click();
  }

  get costs() {
    return this.page.getByTestId('shipment-costs');
  }

  async addCost(c: { kind: string; label?: string; amount: string; currency: string; payee?: string; reference?: string }): Promise<void> {
    await this.costs.getByTestId('add-cost').click();
    const row = this.costs.getByTestId('cost-row').last();
    await row.getByTestId('cost-kind').selectOption(c.kind);
    await row.getByTestId('cost-label').fill(c.label ?? '');
    await row.getByTestId('cost-amount').fill(c.amount);
    await row.getByTestId('cost-currency').selectOption(c.currency);
    if (c.payee) await row.getByTestId('cost-payee').selectOption({ label: c.payee });
    await row.getByTestId('cost-reference').fill(c.reference ?? '');
  }

  async saveCosts(): Promise<void> {
    await this.costs.getByTestId('costs-save').click();
  }

  // ---- dispatch and receive ----
  async dispatch(): Promise<void> {
    await this.page.getByTestId('shipment-dispatch').click();
    await this.page.getByTestId('shipment-dispatch').waitFor({ state: 'detached' });
  }

  get receiveForm() {
    return this.page.getByTestId('receive-form');
  }

  async openReceive(): Promise<void> {
    await this.page.getByTestId('shipment-receive').click();
    await this.receiveForm.waitFor();
  }

  receiveLine(sku: string) {
    return this.receiveForm.locator(`[data-testid="receive-line"][data-sku="${sku}"]`);
  }

  async submitReceive(): Promise<void> {
    await this.receiveForm.getByTestId('save').click();
  }

  // ---- what it made ----
  receipts() {
    return this.page.getByTestId('doc-receipt');
  }

  landedLink() {
    return this.page.getByTestId('doc-landed');
  }
}

export class ArrivalsView {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-shipments').click();
    await this.page.getByTestId('shipments-tab-arrivals').click();
    await this.page.getByTestId('arrivals-group').first().waitFor();
  }

  async groups(): Promise<string[]> {
    return this.page.getByTestId('arrivals-group').evaluateAll((els) => els.map((el) => el.getAttribute('data-group') ?? ''));
  }

  /** Rows top to bottom as "number:overdue". */
  async rows(): Promise<string[]> {
    return this.page.getByTestId('arrival-row').evaluateAll((els) => els.map((el) => `${el.getAttribute('data-number')}:${el.getAttribute('data-overdue')}`));
  }
}
