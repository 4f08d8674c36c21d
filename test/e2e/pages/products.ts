import type { Page } from 'playwright-core';
import { Shell } from './shell';

export interface ProductInput {
  sku: string;
  name: string;
  localName?: string;
  barcode?: string;
  brand?: string;
  category?: string;
  /** typed into the HS lookup; hsPick is the code to choose from its suggestions */
  hsQuery?: string;
  hsPick?: string;
  originCountry?: string;
  weightG?: string;
  lowStockThreshold?: string;
}

export class ProductsPage {
  readonly shell: Shell;
  constructor(readonly page: Page) {
    this.shell = new Shell(page);
  }

  async open(): Promise<void> {
    await this.shell.go('products');
  }

  rows() {
    return this.page.getByTestId('product-row');
  }

  async search(text: string): Promise<void> {
    await this.page.getByTestId('products-search').fill(text);
  }

  async openNewForm(): Promise<ProductForm> {
    await this.page.getByTestId('new-product').first().click();
    const form = new ProductForm(this.page);
    await form.root.waitFor();
    return form;
  }
}

export class ProductForm {
  constructor(readonly page: Page) {}

  get root() {
    return this.page.getByTestId('product-form');
  }

  field(name: string) {
    return this.root.getByTestId(`field-${name}`);
  }

  error(name: string) {
    return this.root.getByTestId(`error-${name}`);
  }

  async fill(p: ProductInput): Promise<void> {
    await this.field('sku').fill(p.sku);
    await this.field('name').fill(p.name);
    if (p.localName !== undefined) await this.field('localName').fill(p.localName);
    if (p.barcode !== undefined) await this.field('barcode').fill(p.barcode);
    if (p.brand !== undefined) await this.field('brand').fill(p.brand);
    if (p.category !== undefined) await this.field('category').fill(p.category);
    if (p.hsQuery !== undefined) {
      await this.field('hsCode').fill(p.hsQuery);
      if (p.hsPick) {
        await this.root.locator('.suggest-list [role=option]', { hasText: p.hsPick }).first().click();
      }
    }
    if (p.originCountry !== undefined) await this.field('originCountry').selectOption(p.originCountry);
    if (p.weightG !== undefined) await this.field('weightG').fill(p.weightG);
    if (p.lowStockThreshold !== undefined) await this.field('lowStockThreshold').fill(p.lowStockThreshold);
  }

  /** Submits with Enter from the name field. */
  async submit(): Promise<void> {
    await this.field('name').press('Enter');
  }
}
