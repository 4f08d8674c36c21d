// HS 2022 nomenclature, loaded once from the CSV shipped with the app (see data/SOURCE.md).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { HsEntry } from '../../common/api/types';

export interface HsReference {
  /** a 6-digit HS code, or a national 8/10-digit line whose first 6 digits are one */
  exists(code: string): boolean;
  search(q: string, limit: number): HsEntry[];
}

export function hsDataFile(): string {
  return process.env.CROSSDOCK_HS_FILE ?? fileURLToPath(new URL('./data/hs2022.csv', import.meta.url));
}

/** Minimal CSV reader for this file's shape: commas, double-quoted fields with "" escapes. */
function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

export function loadHs(file = hsDataFile()): HsReference {
  const entries: HsEntry[] = [];
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/).slice(1);
  for (const line of lines) {
    if (!line) continue;
    const [section, code, description, , level] = parseCsvLine(line);
    // section TOTAL holds Comtrade's reporting pseudo-codes (99, 9999, 999999), not HS headings
    if (code && description && section !== 'TOTAL') entries.push({ code, description, level: Number(level) });
  }
  const six = new Set(entries.filter((e) => e.level === 6).map((e) => e.code));
  return {
    exists: (code) => six.has(code.slice(0, 6)),
    search(q, limit) {
      const s = q.replace(/[.\s]/g, '').toLowerCase();
      if (!s) return entries.filter((e) => e.level === 2).slice(0, limit);
      const digits = /^\d+$/.test(s);
      const words = q.toLowerCase().split(/\s+/).filter(Boolean);
      const hits: HsEntry[] = [];
      for (const e of entries) {
        const ok = digits ? e.code.startsWith(s) : words.every((w) => e.description.toLowerCase().includes(w));
        if (ok && hits.push(e) >= limit) break;
      }
      return hits;
    },
  };
}
