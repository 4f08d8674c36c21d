// electron-builder.yml is only read when packaging (which needs the Electron download), so check
// here that it parses and passes electron-builder 26's own schema validation, and that the
// settings the shell depends on are there.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'app-builder-lib';

const root = path.resolve(import.meta.dirname, '../..');

async function load(): Promise<Configuration> {
  return getConfig(root, path.join(root, 'electron-builder.yml'), null);
}

describe('electron-builder.yml', () => {
  it('passes electron-builder 26 schema validation', async () => {
    await expect(validateConfiguration(await load(), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('the validator does reject unknown keys (so the test above means something)', async () => {
    const bad = { ...(await load()), electronFusess: { runAsNode: false } } as Configuration;
    await expect(validateConfiguration(bad, new DebugLogger(false))).rejects.toThrow(/electronFusess/);
  });

  it('has the identity, fuses and native-module settings the shell relies on', async () => {
    const c = await load();
    expect(c.appId).toBe('com.crossdock.app');
    expect(c.productName).toBe('Crossdock');
    expect(c.directories?.output).toBe('release');
    expect(c.asarUnpack).toEqual(['node_modules/better-sqlite3/**', 'node_modules/sharp/**', 'node_modules/@img/**']);
    expect(c.npmRebuild).toBe(true);
    expect(c.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(c.linux?.target).toEqual(['AppImage', 'deb']);
    expect(c.linux?.category).toBe('Office');
    expect(c.win?.target).toEqual(['nsis']);
    expect(c.mac?.target).toEqual(['dmg']);
    expect(c.mac?.category).toBe('public.app-category.business');
  });

  it('packages the bundles and the UI, not the sources, and main points into them', async () => {
    const c = await load();
    const files = (c.files as { filter: string[] }[] | string[]).flatMap((f) => (typeof f === 'string' ? [f] : f.filter));
    expect(files).toEqual(expect.arrayContaining(['dist/electron/**', 'dist/renderer/**', 'package.json']));
    for (const src of ['main/**', 'renderer/**', 'preload/**', 'test/**', '**/*']) expect(files).not.toContain(src);
    const pkg = (await import('../../package.json', { with: { type: 'json' } })).default as { main: string; scripts: Record<string, string> };
    expect(pkg.main).toBe('dist/electron/main.mjs');
    expect(pkg.scripts.dist).toMatch(/electron-builder --config electron-builder\.yml && npm rebuild better-sqlite3$/);
  });
});
