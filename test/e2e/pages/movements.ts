import type { Page } from 'playwright-core';
import { Shell } from './shell';

export class MovementsPage {
  readonly shell: Shell;
  constructor(readonly page: Page) {
    this.shell = new Shell(page);
  }

  async open(): Promise<void> {
    await this.shell.go('movements');
  }

  rows() {
    return this.page.getByTestId('movement-row');
  }

  async filterKind(kind: string): Promise<void> {
    await this.page.getByTestId('field-filterKind').selectOption(kind);
  }

  async filterLocation(code: string): Promise<void> {
    const select = this.page.getByTestId('field-filterLocation');
    const value = await select.evaluate((el, c) => [...(el as HTMLSelectElement).options].find((o) => o.label.startsWith(`${c} ·`))?.value ?? '', code);
    await select.selectOption(value);
  }
}
