import type { Page } from 'playwright-core';
import { Shell } from './shell';

export class SettingsPage {
  readonly shell: Shell;
  constructor(readonly page: Page) {
    this.shell = new Shell(page);
  }

  async open(): Promise<void> {
    await this.shell.go('settings');
  }

  currency() {
    return this.page.getByTestId('field-baseCurrency');
  }

  async setBaseCurrency(code: string): Promise<void> {
    await this.currency().selectOption(code);
    await this.page.getByTestId('settings-form').getByTestId('save').click();
  }

  async setLocale(locale: 'en' | 'zh'): Promise<void> {
    await this.page.getByTestId(`locale-${locale}`).click();
    await this.page.waitForFunction((l) => document.documentElement.lang === (l === 'zh' ? 'zh-CN' : 'en'), locale);
  }
}
