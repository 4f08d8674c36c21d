// The field-by-field parser an import uses (main/core/imports/fields.ts) against the contract's own
// object parse: the same output for a good row, the same issues (field and message) for a bad one —
// on crafted rows and on 3,000 random ones drawn from good and bad values of every field, for the
// product inputs of an import (create and update), each value seen many times as in a real file.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { api } from '../../main/common/api';
import { seededRandom } from '../../main/common/random';
import { fieldParser } from '../../main/core/imports/fields';

const VALUES: Record<string, unknown[]> = {
  sku: ['A-1', 'TEA-01', 'has space', '', 'x'.repeat(65), 12],
  name: ['Lamp', '龙井茶 250g', '', '  padded  ', 'n'.repeat(201)],
  localName: ['台灯', '', null, undefined],
  barcode: ['4901234567894', '4901234567890', '12345', 'abc', null, undefined],
  brand: ['Acme', 'Nestlé Japan', null, undefined, ''],
  category: ['Snacks', 'Bags', undefined],
  hsCode: ['330499', '3304', '0901.21', null, undefined],
  originCountry: ['JP', 'jp', 'XX', 'Japan', null, undefined],
  weightG: [100, 0, -1, 2.5, '12', null, undefined],
  packSize: [1, 6, 0, undefined],
  price: ['12.50', '12', '1,234.50', 'twelve', '-1', null, undefined],
  lowStockThreshold: [3, -1, undefined],
  notes: ['fragile', undefined],
  options: [{ Size: 'L', Colour: 'Black' }, {}, null, undefined],
};

function issues(err: unknown): string[] {
  expect(err).toBeInstanceOf(z.ZodError);
  return (err as z.ZodError).issues.map((i) => `${i.path.join('.')}: ${i.message}`).sort();
}

function same(schema: z.ZodObject, parse: (x: Record<string, unknown>) => unknown, row: Record<string, unknown>) {
  const expected = schema.safeParse(row);
  if (expected.success) expect(parse(row)).toEqual(expected.data);
  else expect(issues((() => { try { parse(row); } catch (e) { return e; } })())).toEqual(issues(expected.error));
}

describe('an import row checked field by field', () => {
  const create = api['products.create'].input;
  const update = api['products.update'].input;

  it('gives what the contract gives on crafted rows, good and bad', () => {
    const parse = fieldParser(create);
    same(create, parse, { sku: 'A-1', name: 'Lamp', price: '12.50', weightG: 100 });
    same(create, parse, { sku: 'A-1', name: 'Lamp' });
    same(create, parse, { sku: 'has space', name: '', price: 'twelve', barcode: '12345' });
    // the same bad value again (kept from the first time) is reported again, on its own field
    same(create, parse, { sku: 'B-2', name: 'Mug', price: 'twelve' });
    expect(issues((() => { try { parse({ sku: 'B-2', name: 'Mug', price: 'twelve' }); } catch (e) { return e; } })())).toEqual(['price: must be a number like 12.50']);
  });

  it('gives what the contract gives on 3,000 random rows (property)', () => {
    const rnd = seededRandom(23);
    const parsers = [
      [create, fieldParser(create)],
      [update, fieldParser(update)],
    ] as const;
    for (let n = 0; n < 3000; n++) {
      const row: Record<string, unknown> = n % 2 ? { id: '01890000-0000-7000-8000-000000000000' } : {};
      for (const [field, values] of Object.entries(VALUES)) if (rnd() < 0.6) row[field] = values[Math.floor(rnd() * values.length)];
      const [schema, parse] = parsers[n % 2]!;
      same(schema, parse, row);
    }
  });
});
