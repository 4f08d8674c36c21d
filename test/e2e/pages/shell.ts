// The frame around every screen: navigation, global search, toasts, side panels.
import type { Page } from 'playwright-core';

export type Section = 'dashboard' | 'products' | 'stock' | 'movements' | 'locations' | 'settings';

export class Shell {
  constructor(readonly page: Page) {}

  async go(section: Section): Promise<void> {
    await this.page.getByTestId(`nav-${section}`).click();
    await this.page.waitForFunction((s) => document.querySelector(`[data-testid="nav-${s}"]`)?.getAttribute('aria-current') === 'page', section);
  }

  get search() {
    return this.page.getByTestId('global-search');
  }

  searchHits() {
    return this.page.getByTestId('search-hit');
  }

  /** The text of the newest toast, waiting for one whose text matches. */
  async toast(match: RegExp): Promise<string> {
    const t = this.page.getByTestId('toast').filter({ hasText: match }).last();
    await t.waitFor();
    return (await t.textContent()) ?? '';
  }

  async closePanel(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.locator('.panel').waitFor({ state: 'detached' });
  }
}

/** Picks the option of a <select> whose label starts with text (location selects read "CODE · Name"). */
export async function selectByLabelPrefix(page: Page, testId: string, prefix: string): Promise<void> {
  const select = page.getByTestId(testId);
  // the options may still be loading when the form has just been drawn again, so wait for them
  const handle = await page
    .waitForFunction(
      ({ id, p }) => {
        const el = document.querySelector(`[data-testid="${id}"]`) as HTMLSelectElement | null;
        return el ? ([...el.options].find((o) => o.label.startsWith(p))?.value ?? false) : false;
      },
      { id: testId, p: prefix },
      { timeout: 5000 },
    )
    .catch(() => null);
  const value = handle ? ((await handle.jsonValue()) as string) : null;
  if (value === null) throw new Error(`no option starting with "${prefix}" in ${testId}`);
  await select.selectOption(value);
}
