// HS 2022 nomenclature, loaded once from the CSV shipped with the app (see data/SOURCE.md).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { HsEntry } from '../../common/api/types';
import { parseCsv } from '../../common/csv';

export interface HsReference {
  /** a 6-digit HS code, or a national 8/10-digit line whose first 6 digits are one */
  exists(code: string): boolean;
  search(q: string, limit: number): HsEntry[];
}

export function hsDataFile(): string {
  return process.env.CROSSDOCK_HS_FILE ?? fileURLToPath(new URL('./data/hs2022.csv', import.meta.url));
}

export function loadHs(file = hsDataFile()): HsReference {
  const entries: HsEntry[] = [];
  for (const { cells } of parseCsv(fs.readFileSync(file, 'utf8')).slice(1)) {
    const [section, code, description, , level] = cells;
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
