// A small layer over pdfkit for the business papers Crossdock prints (commercial invoices,
// packing lists): A4 pages, a table whose header repeats on every page, "Page 1 of 3" footers,
// and text in two fonts — Helvetica for Latin text, and an embedded CJK font (Droid Sans
// Fallback, Apache-2.0, see ./data/SOURCE.md) for Chinese, which the standard PDF fonts cannot
// show. Only the glyphs used are embedded, so a paper with a few Chinese names stays small.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';

const CJK = 'cjk';
export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = 40;
export const CONTENT_WIDTH = A4.width - 2 * MARGIN;
const FOOTER = 28;

let cjkFont: Buffer | null = null;
function cjkFontBytes(): Buffer {
  cjkFont ??= fs.readFileSync(process.env.CROSSDOCK_CJK_FONT ?? fileURLToPath(new URL('./data/DroidSansFallbackFull.ttf', import.meta.url)));
  return cjkFont;
}

// Windows-1252 beyond Latin-1: what the standard fonts can show besides U+0020–U+00FF
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const latin = (ch: string) => {
  const c = ch.codePointAt(0)!;
  return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.has(ch);
};

// Letters that do not decompose into a Latin letter and a mark (ł, đ, ı…), as a person would
// write them on a keyboard without them.
const FOLD: Record<string, string> = { ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ı: 'i', ħ: 'h', Ħ: 'H', ŀ: 'l', Ŀ: 'L', ŧ: 't', Ŧ: 'T' };

/**
 * A character neither font has, the nearest the fonts can show: a Latin letter without its
 * accent (ő → o, ạ → a), or "?" (Cyrillic, Greek, Hangul…): a visible mark instead of an empty
 * box, and the caller is told so it can say what could not be printed.
 */
function fold(ch: string): string | null {
  const bare = FOLD[ch] ?? ch.normalize('NFD').replace(/\p{M}/gu, '');
  return bare && bare !== ch && [...bare].every(latin) ? bare : null;
}

export interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right';
}

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: string;
  align?: 'left' | 'right';
}

// pdfkit keeps the fontkit font of an embedded font on the document's current font; its types
// do not say so
interface CurrentFont {
  _font?: { font?: { hasGlyphForCodePoint?(cp: number): boolean } };
}

/** A page other than the papers' A4 with its footer: a label's size, or a sheet of labels */
export interface PageSetup {
  /** width and height in points */
  size: [number, number];
  margin: number;
  footer: boolean;
}

export class Paper {
  private readonly doc: PDFKit.PDFDocument;
  private readonly cjkGlyphs = new Map<string, boolean>();
  /** Characters that neither font can show (printed as "?"), for the caller to report. */
  readonly unprintable = new Set<string>();
  y = MARGIN;

  constructor(
    title: string,
    private readonly footerText: string,
    private readonly page: PageSetup = { size: [A4.width, A4.height], margin: MARGIN, footer: true },
  ) {
    this.y = page.margin;
    this.doc = new PDFDocument({ size: page.size, margin: page.margin, bufferPages: true, info: { Title: title, Producer: 'Crossdock', Creator: 'Crossdock' } });
  }

  private font(cjk: boolean, bold: boolean, size: number): void {
    if (cjk) {
      this.doc.registerFont(CJK, cjkFontBytes());
      this.doc.font(CJK);
    } else this.doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
    this.doc.fontSize(size);
  }

  private cjkHas(ch: string): boolean {
    let has = this.cjkGlyphs.get(ch);
    if (has === undefined) {
      this.font(true, false, 9);
      has = (this.doc as unknown as CurrentFont)._font?.font?.hasGlyphForCodePoint?.(ch.codePointAt(0)!) ?? true;
      this.cjkGlyphs.set(ch, has);
    }
    return has;
  }

  /** Splits text into runs for Helvetica and for the CJK font. */
  private runs(text: string): { text: string; cjk: boolean }[] {
    const out: { text: string; cjk: boolean }[] = [];
    const push = (t: string, cjk: boolean) => {
      const last = out[out.length - 1];
      if (last && last.cjk === cjk) last.text += t;
      else out.push({ text: t, cjk });
    };
    for (const ch of text.replace(/[\t\r\n]/g, ' ')) {
      if (latin(ch)) push(ch, false);
      else if (this.cjkHas(ch)) push(ch, true);
      else {
        const f = fold(ch);
        if (f === null) this.unprintable.add(ch);
        push(f ?? '?', false);
      }
    }
    return out;
  }

  /** The width of one line of text in the given style. */
  width(text: string, style: TextStyle = {}): number {
    let w = 0;
    for (const r of this.runs(text)) {
      this.font(r.cjk, style.bold ?? false, style.size ?? 9);
      w += this.doc.widthOfString(r.text);
    }
    return w;
  }

  /** One line of text at (x, y), cut with … to fit `width`; Chinese in the CJK font. */
  line(text: string, x: number, y: number, width: number, style: TextStyle = {}): void {
    let t = text;
    if (this.width(t, style) > width) {
      while (t.length > 1 && this.width(`${t}…`, style) > width) t = t.slice(0, -1);
      t = `${t}…`;
    }
    let cx = style.align === 'right' ? x + width - this.width(t, style) : x;
    this.doc.fillColor(style.color ?? '#111111');
    for (const r of this.runs(t)) {
      this.font(r.cjk, style.bold ?? false, style.size ?? 9);
      // on one baseline (Helvetica's, whose ascender is 718/1000 em), whatever each font's ascent
      this.doc.text(r.text, cx, y + 0.718 * (style.size ?? 9), { lineBreak: false, baseline: 'alphabetic' });
      cx += this.doc.widthOfString(r.text);
    }
  }

  /** Lines of text (already split by the caller on \n), each cut to fit; returns the height used. */
  lines(texts: string[], x: number, y: number, width: number, style: TextStyle = {}): number {
    const lh = (style.size ?? 9) * 1.3;
    texts.forEach((t, i) => this.line(t, x, y + i * lh, width, style));
    return texts.length * lh;
  }

  rule(y: number, color = '#999999'): void {
    this.doc.moveTo(MARGIN, y).lineTo(MARGIN + CONTENT_WIDTH, y).lineWidth(0.5).strokeColor(color).stroke();
  }

  box(x: number, y: number, w: number, h: number): void {
    this.doc.rect(x, y, w, h).lineWidth(0.5).strokeColor('#999999').stroke();
  }

  /** The bars of a barcode (main/common/barcodes.ts): each run of '1' modules one filled bar. */
  bars(modules: string, x: number, y: number, module: number, height: number): void {
    for (const run of modules.matchAll(/1+/g)) this.doc.rect(x + run.index * module, y, run[0].length * module, height);
    this.doc.fillColor('#000000').fill();
  }

  /** Room left on this page above the footer. */
  private room(): number {
    return this.page.size[1] - this.page.margin - (this.page.footer ? FOOTER : 0) - this.y;
  }

  /** The next page (a label printer's next label). */
  newPage(): void {
    this.doc.addPage();
    this.y = this.page.margin;
  }

  /** A new page when fewer than `h` points are left. */
  ensure(h: number): boolean {
    if (this.room() >= h) return false;
    this.newPage();
    return true;
  }

  /**
   * A table from the current position; the header row repeats at the top of each new page.
   * A row is one or more lines per cell (the second line of a description: its Chinese name).
   */
  table(columns: Column[], rows: string[][][], style: { size?: number } = {}): void {
    const size = style.size ?? 8;
    const lh = size * 1.35;
    const header = () => {
      this.doc.rect(MARGIN, this.y, CONTENT_WIDTH, lh + 6).fillColor('#eeeeee').fill();
      let x = MARGIN;
      for (const c of columns) {
        this.line(c.title, x + 3, this.y + 3, c.width - 6, { size, bold: true, align: c.align });
        x += c.width;
      }
      this.y += lh + 6;
    };
    header();
    for (const row of rows) {
      const height = Math.max(...row.map((cell) => cell.length)) * lh + 5;
      if (this.ensure(height)) header();
      let x = MARGIN;
      row.forEach((cell, i) => {
        const c = columns[i]!;
        cell.forEach((t, j) => this.line(t, x + 3, this.y + 3 + j * lh, c.width - 6, { size, align: c.align, color: j > 0 ? '#444444' : undefined }));
        x += c.width;
      });
      this.y += height;
      this.rule(this.y, '#dddddd');
    }
  }

  /**
   * Page footers ("Page 1 of 2"), then the PDF's bytes. pdfkit writes into its stream as it
   * goes; with no reader attached everything stays buffered, so the bytes are read back at once
   * (the API's handlers are synchronous: they run inside the database transaction).
   */
  finish(): Buffer {
    const range = this.doc.bufferedPageRange();
    for (let i = 0; i < (this.page.footer ? range.count : 0); i++) {
      this.doc.switchToPage(range.start + i);
      const y = A4.height - MARGIN - 12;
      // writing below the bottom margin would add a page: lift the margin while we write there
      this.doc.page.margins.bottom = 0;
      this.line(this.footerText, MARGIN, y, CONTENT_WIDTH - 80, { size: 7, color: '#666666' });
      this.line(`Page ${i + 1} of ${range.count}`, MARGIN + CONTENT_WIDTH - 80, y, 80, { size: 7, color: '#666666', align: 'right' });
    }
    this.doc.end();
    const parts: Buffer[] = [];
    for (let chunk = this.doc.read() as Buffer | null; chunk !== null; chunk = this.doc.read() as Buffer | null) parts.push(chunk);
    return Buffer.concat(parts);
  }
}
