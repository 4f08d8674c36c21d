// Every text colour in the stylesheets against the background it sits on, by WCAG 2.1's
// contrast ratio: at least 4.5:1 for text (AA), 3:1 for large text and for marks that are not
// text. A rule with its own background is checked against it; otherwise against the surfaces of
// its part of the screen: the light pages (white, the page grey, the table grey) or the dark top
// bar and live console.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function cssFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? cssFiles(path.join(dir, e.name)) : e.name.endsWith('.css') ? [path.join(dir, e.name)] : []));
}

const files = cssFiles(path.resolve('renderer'));
const sources = files.map((f) => ({ file: path.relative(process.cwd(), f), css: fs.readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '') }));
const vars = new Map<string, string>();
for (const { css } of sources) for (const m of css.matchAll(/(--[\w-]+):\s*(#[0-9a-fA-F]{3,6})\s*;/g)) vars.set(m[1]!, m[2]!);

function rgb(value: string): [number, number, number] | null {
  let v = value.trim().replace(/\s*!important$/, '');
  const ref = /^var\((--[\w-]+)\)$/.exec(v);
  if (ref) v = vars.get(ref[1]!) ?? '';
  if (v === 'white') v = '#fff';
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(v);
  if (!m) return null;
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG 2.1 relative luminance and contrast ratio. */
function luminance([r, g, b]: number[]): number {
  const [R, G, B] = [r!, g!, b!].map((x) => {
    const c = x / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
}
function contrast(a: number[], b: number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const LIGHT = ['#ffffff', 'var(--bg)', 'var(--surface-2)'];
/** the dark parts of the screen, each checked against its lightest surface */
const DARK: [RegExp, string][] = [
  [/^\.(topbar|gsearch|brand)/, 'var(--top-2)'],
  [/^\.lv-(console|tile|feed|stat|entry|keys|waitlist)/, '#1f2937'],
];
/** large text (at least 24px, or 18.66px bold) and marks that are not text: 3:1 */
const LARGE_OR_MARK = [/\.lv-tile-left$/, /\.lv-stat b$/, /\.empty-mark\b/, /\.nav-icon\b/, /\.brand-mark\b/, /\.sort-mark\b/];

function failures(): string[] {
  const out: string[] = [];
  for (const { file, css } of sources) {
    for (const m of css.matchAll(/([^{}@]+)\{([^{}]*)\}/g)) {
      const selector = m[1]!.trim().replace(/\s+/g, ' ');
      const body = m[2]!;
      const color = /(?:^|[;\s])color:\s*([^;]+)/.exec(body)?.[1];
      const fg = color ? rgb(color) : null;
      if (!fg) continue;
      const own = /background(?:-color)?:\s*([^;]+)/.exec(body)?.[1];
      const grounds = own ? [own] : [DARK.find(([re]) => re.test(selector))?.[1]].filter((x): x is string => Boolean(x));
      const backgrounds = grounds.length ? grounds : LIGHT;
      const need = LARGE_OR_MARK.some((re) => re.test(selector)) ? 3 : 4.5;
      for (const bg of backgrounds) {
        const b = rgb(bg);
        if (!b) continue;
        const r = contrast(fg, b);
        if (r < need) out.push(`${file} ${selector}: ${color!.trim()} on ${bg.trim()} is ${r.toFixed(2)}:1, needs ${need}:1`);
      }
    }
  }
  return out;
}

describe('colour contrast (WCAG 2.1 AA)', () => {
  it('the ratio is computed as WCAG defines it', () => {
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrast([255, 255, 255], [255, 255, 255])).toBe(1);
    // #767676 on white is the well-known lightest grey that passes 4.5:1
    expect(contrast(rgb('#767676')!, rgb('#fff')!)).toBeGreaterThan(4.5);
    expect(contrast(rgb('#777777')!, rgb('#fff')!)).toBeLessThan(4.5);
  });

  it('every text colour passes on the background it is shown on', () => {
    expect(failures()).toEqual([]);
  });
});
