/** Every row of a paged list, fetched 500 at a time. */
export async function allRows<T>(fetch: (page: { offset: number; limit: number }) => Promise<{ rows: T[]; total: number }>): Promise<T[]> {
  const rows: T[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await fetch({ offset, limit: 500 });
    rows.push(...page.rows);
    if (rows.length >= page.total || !page.rows.length) return rows;
  }
}
