// The count sheet: what to count at the location, in the order of the count, with the barcode to
// scan and a box to write the number in. A blind count's sheet leaves the book quantity out.
import type { Parsed } from '../../common/api';
import type { CountSheet } from '../../common/api/counts-types';
import type { Ctx } from '../context';
import { CONTENT_WIDTH, MARGIN, Paper, type Column } from '../papers/pdf';
import { countDetail } from './service';

export function countSheet(ctx: Ctx, input: Parsed<'counts.sheet'>): CountSheet {
  const d = countDetail(ctx, input.id, false);
  const c = d.count;
  const title = `STOCK COUNT ${c.number}`;
  const paper = new Paper(title, `${title} · ${c.locationCode}`);
  paper.line(title, MARGIN, paper.y, 300, { size: 16, bold: true });
  paper.lines(
    [`Location ${c.locationCode} · ${c.locationName}`, `Opened ${c.openedAt.slice(0, 16).replace('T', ' ')} UTC by ${c.openedBy}`],
    MARGIN + CONTENT_WIDTH - 260,
    paper.y,
    260,
    { size: 9, align: 'right' },
  );
  paper.y += 30;
  const kind = c.scope === 'full' ? 'Full count' : 'Cycle count';
  paper.line([kind, c.blind ? 'blind: count what is there, the book is not shown' : null, c.note].filter(Boolean).join(' · '), MARGIN, paper.y, CONTENT_WIDTH, { size: 9 });
  paper.y += 18;

  const lines = input.uncountedOnly ? d.lines.filter((l) => l.counted === null) : d.lines;
  const showBook = !d.withheld;
  const columns: Column[] = [
    { title: '#', width: 24 },
    { title: 'SKU', width: 80 },
    { title: 'Product', width: showBook ? 195 : 245 },
    { title: 'Barcode', width: 86 },
    ...(showBook ? [{ title: 'Book', width: 50, align: 'right' as const }] : []),
    { title: 'Counted', width: CONTENT_WIDTH - 435, align: 'right' },
  ];
  paper.table(
    columns,
    lines.map((l, i) => [
      [String(i + 1)],
      [l.sku],
      l.localName ? [l.name, l.localName] : [l.name],
      [l.barcode ?? ''],
      ...(showBook ? [[String(l.book ?? '')]] : []),
      [l.counted === null ? '' : String(l.counted)],
    ]),
    { size: 8.5 },
  );
  paper.y += 16;
  paper.line('Counted by ______________________    Date ____________    Checked by ______________________', MARGIN, paper.y, CONTENT_WIDTH, { size: 9 });
  return { fileName: `count-${c.number}.pdf`, mimeType: 'application/pdf', base64: paper.finish().toString('base64') };
}
