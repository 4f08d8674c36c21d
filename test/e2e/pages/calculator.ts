// The what-if landed-cost calculator: lines, charges, destination, exchange rates, results,
// selling price, saving and ordering.
import type { Page } from 'playwright-core';
import { selectByLabelPrefix, Shell } from './shell';

export interface LineValues {
  product?: string;
  name?: string;
  quantity?: string;
  unitPrice?: string;
  currency?: string;
  hsCode?: string;
  duty?: string;
  excise?: string;
  weight?: string;
  volume?: string;
}

export interface ChargeValues {
  kind?: string;
  label?: string;
  amount: string;
  currency?: string;
  split?: string;
  inCustomsValue?: boolean;
}

/** "1,760.00AUD" (a Money: the figure, then its currency) → "1,760.00" */
const figure = (text: string | null) => /^-?[\d,]+(\.\d+)?/.exec((text ?? '').trim())?.[0] ?? '';

export class CalculatorPage {
  readonly shell: Shell;
  constructor(readonly page: Page) {
    this.shell = new Shell(page);
  }

  async open(id?: string): Promise<void> {
    await this.page.evaluate((h) => (location.hash = h), id ? `#/calculator/${id}` : '#/calculator');
    await this.page.getByTestId('calculator').waitFor();
    await this.page.getByTestId('line-0-unitPrice').waitFor();
  }

  /** Scrolls the screen so the element is at the top (the whole page for "calculator"). */
  async scrollTo(testId: string): Promise<void> {
    await this.page.getByTestId(testId).evaluate((el) => {
      const content = el.closest('.content');
      if (content) content.scrollTop = el.getBoundingClientRect().top - content.getBoundingClientRect().top + content.scrollTop - 8;
    });
  }

  field(testId: string) {
    return this.page.getByTestId(testId);
  }

  async setResultCurrency(code: string): Promise<void> {
    await this.page.getByTestId('field-calc-currency').selectOption(code);
  }

  async setProfile(code: string): Promise<void> {
    await selectByLabelPrefix(this.page, 'field-calc-profile', `${code} —`);
  }

  async fillLine(i: number, v: LineValues): Promise<void> {
    const p = `line-${i}`;
    if (v.product) {
      const picker = this.page.getByTestId(`field-${p}-product`);
      await picker.fill(v.product);
      await this.page.locator('.suggest-list [role=option]', { hasText: v.product }).first().click();
      // the product's details (name, HS code, weight) arrive with it
      await this.page.waitForFunction((id) => (document.querySelector(`[data-testid="${id}"]`) as HTMLInputElement | null)?.value !== '', `${p}-name`);
    }
    if (v.currency) await this.page.getByTestId(`${p}-currency`).selectOption(v.currency);
    for (const f of ['name', 'quantity', 'unitPrice', 'hsCode', 'duty', 'excise', 'weight', 'volume'] as const) {
      const value = v[f];
      if (value !== undefined) await this.page.getByTestId(`${p}-${f}`).fill(value);
    }
  }

  /** Adds a charge at the bottom and fills it; returns its index. */
  async addCharge(v: ChargeValues): Promise<number> {
    const i = await this.page.getByTestId('calc-charge').count();
    await this.page.getByTestId('add-charge').click();
    const p = `charge-${i}`;
    if (v.kind) await this.page.getByTestId(`${p}-kind`).selectOption(v.kind);
    if (v.label) await this.page.getByTestId(`${p}-label`).fill(v.label);
    await this.page.getByTestId(`${p}-amount`).fill(v.amount);
    if (v.currency) await this.page.getByTestId(`${p}-currency`).selectOption(v.currency);
    if (v.split) await this.page.getByTestId(`${p}-split`).selectOption(v.split);
    if (v.inCustomsValue !== undefined) await this.page.getByTestId(`${p}-customs`).setChecked(v.inCustomsValue);
    return i;
  }

  rate(ccy: string) {
    return this.page.getByTestId(`rate-${ccy}`);
  }

  async rateSource(ccy: string): Promise<string> {
    return (await this.page.getByTestId(`rate-source-${ccy}`).textContent()) ?? '';
  }

  /** A total of the results (goods, duty, excise, vat, landed) as shown, without its currency. */
  async total(name: string): Promise<string> {
    const el = this.page.getByTestId(`total-${name}`);
    if ((await el.count()) === 0) return '';
    return figure(await el.textContent());
  }

  async lineResult(i: number, f: 'goods' | 'duty' | 'excise' | 'vat' | 'landed' | 'unit' | 'price'): Promise<string> {
    const el = this.page.getByTestId(`result-line-${i}-${f}`);
    if ((await el.count()) === 0) return '';
    return figure(await el.textContent());
  }

  async error(testId: string): Promise<string> {
    const el = this.page.getByTestId(`error-${testId}`);
    if ((await el.count()) === 0) return '';
    return (await el.textContent()) ?? '';
  }

  async setTarget(mode: 'margin' | 'markup', pct: string): Promise<void> {
    await this.page.getByTestId(`price-mode-${mode}`).click();
    await this.page.getByTestId('price-pct').fill(pct);
  }

  /** Bars drawn by the breakdown chart (0 until recharts has loaded). */
  async chartBars(): Promise<number> {
    return this.page.locator('[data-testid="chart-landed-breakdown"] .recharts-bar-rectangle').count();
  }

  async save(name?: string): Promise<void> {
    if (name !== undefined) await this.page.getByTestId('field-calc-name').fill(name);
    await this.page.getByTestId('calc-save').click();
  }

  savedRow(name: string) {
    return this.page.getByTestId('saved-calc-row').filter({ hasText: name });
  }

  async createPo(supplier: string): Promise<void> {
    await selectByLabelPrefix(this.page, 'field-calc-supplier', supplier);
    await this.page.getByTestId('calc-create-po').click();
  }
}
