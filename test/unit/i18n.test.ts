// The interface speaks English and Simplified Chinese through one catalogue per language
// (renderer/i18n). These tests fail when a string is missing from the Chinese catalogue, when a
// translation loses a placeholder, when a Chinese entry is still English, and when a screen writes
// text for people straight into its markup instead of through t().
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en';
import { zh } from '../../renderer/i18n/zh';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** What reads the same in both languages: the app's name, codes, format and method names. */
const SAME_IN_BOTH = new Set(['Crossdock', 'SKU', 'UPS', 'CSV', 'Croston', 'CJ Dropshipping']);

function renderFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'i18n' ? [] : renderFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/**
 * Text for people written straight into the renderer's code: JSX text, the text attributes a
 * screen reader or a tooltip reads, and English sentences in string literals. Technical strings
 * (class names, test ids, key names, example input) are not text for people.
 */
function hardCoded(file: string, source: string): string[] {
  const src = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const at = (n: ts.Node) => `${path.relative(process.cwd(), file)}:${src.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (n: ts.Node) => {
    if (ts.isJsxText(n) && /\p{L}{2,}/u.test(n.text)) found.push(`${at(n)} ${n.text.trim()}`);
    if (ts.isJsxAttribute(n) && ['placeholder', 'title', 'aria-label', 'alt', 'aria-description'].includes(n.name.getText()) && n.initializer && ts.isStringLiteral(n.initializer) && /\p{L}{2,}/u.test(n.initializer.text)) {
      found.push(`${at(n)} ${n.name.getText()}="${n.initializer.text}"`);
    }
    if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && /^[A-Z][a-z]+(\s+\S+){2,}/.test(n.text) && !ts.isJsxAttribute(n.parent) && !ts.isImportDeclaration(n.parent)) {
      found.push(`${at(n)} "${n.text}"`);
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return found;
}

/** Technical text a screen may write as it is (file, then the text), each for a reason. */
const ALLOWED = new Set([
  // the transport's own errors, worded in the UI's language where they are shown (i18n/api-messages.ts)
  'renderer/api/client.ts "Not connected to Crossdock."',
  'renderer/api/ws-transport.ts "Not connected to Crossdock."',
  'renderer/api/ws-transport.ts "The connection to Crossdock dropped before the answer came back. Check whether the change was saved before trying again."',
  'renderer/api/ws-transport.ts "Crossdock refused this page’s access token."',
  'renderer/components/ExportButton.tsx ⤓ CSV', // file format names
  'renderer/components/ExportButton.tsx ⤓ Excel',
  'renderer/features/dashboard/FirstRun.tsx npm start -- --demo', // a command to type
  'renderer/features/backups/BackupsPage.tsx placeholder="/Volumes/USB/Crossdock"', // an example path
  'renderer/features/customs/ProfileForm.tsx placeholder="https://…"',
  'renderer/features/live/LiveConsole.tsx placeholder="@handle"', // what a chat handle looks like
  'renderer/features/live/LiveConsole.tsx Enter', // key caps
  'renderer/features/live/LiveConsole.tsx Shift',
  'renderer/features/live/LiveConsole.tsx Esc',
  'renderer/app/HelpOverlay.tsx Esc',
  'renderer/features/live/LiveSessionsPage.tsx placeholder="Douyin, TikTok, Instagram…"', // platform names
  'renderer/features/locations/LocationForm.tsx placeholder="TYO"', // an example code
  'renderer/features/reorder/ProductPlanPanel.tsx MASE', // the error measure's name
  'renderer/features/shipments/ImportTracking.tsx placeholder="tracking_number,time,status,place,text"', // a CSV header
]);

describe('the Chinese catalogue', () => {
  it('has every English entry, translated, with the same placeholders', () => {
    const missing = Object.entries(en).filter(([k, v]) => !(k in zh) || (v.trim() !== '' && !zh[k as keyof typeof zh]?.trim())).map(([k]) => k);
    expect(missing).toEqual([]);
    const extra = Object.keys(zh).filter((k) => !(k in en));
    expect(extra).toEqual([]);
    const lost = Object.entries(en).filter(([k, v]) => placeholders(v).join() !== placeholders(zh[k as keyof typeof zh]).join());
    expect(lost.map(([k]) => k)).toEqual([]);
  });

  it('has no entry left in English (only names and codes read the same)', () => {
    const english = Object.entries(zh).filter(([, v]) => !CJK.test(v) && /\p{L}{2,}/u.test(v.replace(/\{\w+\}/g, '')) && !SAME_IN_BOTH.has(v));
    expect(english.map(([k, v]) => `${k}: ${v}`)).toEqual([]);
  });
});

describe('the screens', () => {
  it('write no text for people outside the catalogue', () => {
    const root = path.resolve('renderer');
    const found = renderFiles(root)
      .flatMap((f) => hardCoded(f, fs.readFileSync(f, 'utf8')))
      .filter((hit) => !ALLOWED.has(hit.replace(/:\d+ /, ' ')));
    expect(found).toEqual([]);
  });

  it('the check finds hard-coded text (it is not blind)', () => {
    const sample = `export const A = () => <div title="Close the panel"><button aria-label={t('x')}>Save changes</button>{toast('Something went wrong here')}</div>;`;
    expect(hardCoded('sample.tsx', sample).map((h) => h.replace(/^\S+ /, ''))).toEqual(['title="Close the panel"', 'Save changes', '"Something went wrong here"']);
  });
});
