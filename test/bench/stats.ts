// Timing, summary statistics and the printed table. Benchmarks print figures; nothing here
// asserts a time.

export interface Stats {
  n: number;
  median: number;
  p95: number;
  max: number;
  /** median CPU time of this process per call: unlike wall time, not inflated by waiting for a
   * core on a busy machine (nor by waiting for the disk) */
  cpuMedian?: number;
}

/** Wall-clock timings in ms, with the process's CPU time per call when it was measured. */
export type Samples = number[] & { cpu?: number[] };

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export function stats(samples: Samples): Stats {
  const s = [...samples].sort((a, b) => a - b);
  if (!s.length) return { n: 0, median: NaN, p95: NaN, max: NaN };
  const q = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
  return { n: s.length, median: median(s), p95: q(0.95), max: s[s.length - 1]!, ...(samples.cpu ? { cpuMedian: median(samples.cpu) } : {}) };
}

/** Runs `fn` warmup + n times, returning the n timings in milliseconds (and CPU time per call). */
export async function sample(n: number, fn: (i: number) => unknown, warmup = 2): Promise<Samples> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const out: Samples = [];
  out.cpu = [];
  for (let i = 0; i < n; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
    const used = process.cpuUsage(c);
    out.cpu.push((used.user + used.system) / 1000);
  }
  return out;
}

export interface Row {
  /** the target this row belongs to (1–4), or '' for extra figures */
  target: string;
  label: string;
  stats?: Stats;
  /** a figure that is not a timing distribution (a size, a count) */
  value?: string;
  /** the target in ms; the verdict compares the p95 with it */
  limit?: number;
  /** shown instead of a verdict, e.g. why there is no figure */
  note?: string;
}

const ms = (x: number) => (Number.isNaN(x) ? '–' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

export function verdict(r: Row): string {
  if (r.note) return r.note;
  if (r.limit === undefined || !r.stats) return '';
  return r.stats.p95 <= r.limit ? 'PASS' : 'MISS';
}

export function table(rows: Row[]): string {
  const head = ['#', 'measurement', 'median / p95 / max (ms)', 'n', 'cpu med', 'target', 'verdict'];
  const body = rows.map((r) => [
    r.target,
    r.label,
    r.stats ? `${ms(r.stats.median)} / ${ms(r.stats.p95)} / ${ms(r.stats.max)}` : (r.value ?? '–'),
    r.stats ? String(r.stats.n) : '',
    r.stats?.cpuMedian !== undefined ? ms(r.stats.cpuMedian) : '',
    r.limit !== undefined ? `< ${r.limit} ms` : '',
    verdict(r),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => [...b[i]!].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ');
  const sep = widths.map((w) => '-'.repeat(w)).join('-+-');
  const out = [line(head), sep];
  let group = rows[0]?.target;
  rows.forEach((r, i) => {
    if (r.target !== group) {
      out.push(sep);
      group = r.target;
    }
    out.push(line(body[i]!));
  });
  return out.join('\n');
}
