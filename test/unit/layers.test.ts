// The layer rules of DESIGN.md §2 are lint errors: prove each one fires (and stays quiet on
// allowed imports), so a broken rule cannot go unnoticed.
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function errors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.severity === 2 && m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', () => {
  it.each([
    ['renderer/features/x/bad.ts', "import { openDatabase } from '../../../main/db/open'; export const a = openDatabase;", /only main\/common/],
    ['renderer/features/x/bad.ts', "import fs from 'node:fs'; export const a = fs;", /No Node/],
    ['renderer/features/x/bad.ts', "import { ipcRenderer } from 'electron'; export const a = ipcRenderer;", /main\/electron/],
    ['main/core/products/bad.ts', "import { app } from 'electron'; export const a = app;", /main\/electron/],
    ['main/core/products/bad.ts', "import { startBridge } from '../../server/bridge'; export const a = startBridge;", /transports/],
    ['main/core/products/bad.ts', "import React from 'react'; export const a = React;", /no UI/],
    ['main/common/bad.ts', "import fs from 'node:fs'; export const a = fs;", /pure/],
    ['main/common/calc/bad.ts', "import { stmt } from '../../db/repos/statements'; export const a = stmt;", /nothing else from main/],
    ['main/server/bad.ts', "import { BrowserWindow } from 'electron'; export const a = BrowserWindow;", /main\/electron/],
  ])('%s: %s is an error', async (file, code, message) => {
    const found = await errors(file, code);
    expect(found.length).toBeGreaterThan(0);
    expect(found.join(' ')).toMatch(message);
  });

  it.each([
    ['renderer/features/x/ok.ts', "import { api } from '../../../main/common/api'; export const a = api;"],
    ['main/electron/ok.ts', "import { app } from 'electron'; export const a = app;"],
    ['preload/ok.ts', "import { contextBridge } from 'electron'; export const a = contextBridge;"],
    ['main/core/products/ok.ts', "import { stmt } from '../../db/repos/statements'; export const a = stmt;"],
  ])('%s: allowed import passes', async (file, code) => {
    expect(await errors(file, code)).toEqual([]);
  });
});
