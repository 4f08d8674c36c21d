import type { Page } from 'playwright-core';
import { Shell } from './shell';

export interface LocationInput {
  code: string;
  name: string;
  kind: 'own' | 'overseas' | 'bonded' | '3pl' | 'in_transit';
  country?: string;
}

export class LocationsPage {
  readonly shell: Shell;
  constructor(readonly page: Page) {
    this.shell = new Shell(page);
  }

  async open(): Promise<void> {
    await this.shell.go('locations');
  }

  rows() {
    return this.page.getByTestId('location-row');
  }

  /** Fills the form and submits it with Enter, as a keyboard user would. */
  async create(l: LocationInput): Promise<void> {
    await this.page.getByTestId('new-location').first().click();
    const form = this.page.getByTestId('location-form');
    await form.waitFor();
    await form.getByTestId('field-code').fill(l.code);
    await form.getByTestId('field-name').fill(l.name);
    await form.getByTestId('field-kind').selectOption(l.kind);
    if (l.country) await form.getByTestId('field-country').selectOption(l.country);
    await form.getByTestId('field-name').press('Enter');
    await form.waitFor({ state: 'detached' });
    await this.rows().filter({ hasText: l.code }).first().waitFor();
  }
}
