// Suppliers' price lists as spreadsheets really export them: each case below is a file's text.
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from '../../main/common/csv';
import { guessMapping, readAmount, readPriceList, usesDecimalComma } from '../../main/common/price-list';

describe('delimiters', () => {
  it('are found on the first line, outside quotes', () => {
    expect(detectDelimiter('sku;name;price\nA;b;1')).toBe(';');
    expect(detectDelimiter('sku\tname\tprice\n')).toBe('\t');
    expect(detectDelimiter('"a;b;c",price\n')).toBe(',');
    expect(detectDelimiter('\uFEFFsku;price')).toBe(';');
    expect(detectDelimiter('sku')).toBe(',');
    expect(parseCsv('a;"b;c";d', ';')[0]!.cells).toEqual(['a', 'b;c', 'd']);
  });
});

describe('amounts', () => {
  it('read decimal points, decimal commas, thousands, currency signs and codes', () => {
    expect(readAmount('12.50', false)).toBe('12.50');
    expect(readAmount('1,234.50', false)).toBe('1234.50');
    expect(readAmount('$ 1,234', false)).toBe('1234');
    expect(readAmount('12.50 USD', false)).toBe('12.50');
    expect(readAmount('¥1,350', false)).toBe('1350');
    expect(readAmount('12,50', true)).toBe('12.50');
    expect(readAmount('1.234,5', true)).toBe('1234.5');
    expect(readAmount('€ 7,99', true)).toBe('7.99');
    expect(readAmount('1 234,50', true)).toBe('1234.50');
    expect(readAmount('12,50', false)).toBeNull(); // without decimal commas, "12,50" is not a number
    expect(readAmount('1.2.3', false)).toBeNull();
    expect(readAmount('-5', false)).toBeNull();
    expect(readAmount('4.90123E+12', false)).toBeNull();
    expect(readAmount('', false)).toBeNull();
  });

  it('know a column of decimal commas from one of points', () => {
    expect(usesDecimalComma(['12,50', '7,9', '1.234,00'])).toBe(true);
    expect(usesDecimalComma(['12.50', '1,234.00'])).toBe(false);
    expect(usesDecimalComma(['1,234', '2,500'])).toBe(false); // thousands
  });
});

describe('columns', () => {
  it('are guessed from English and Chinese headers', () => {
    expect(guessMapping(['Item No.', 'Description', 'Unit Price', 'MOQ', 'Case Pack', 'EAN'])).toEqual({
      supplierSku: 'Item No.',
      name: 'Description',
      unitPrice: 'Unit Price',
      moq: 'MOQ',
      orderMultiple: 'Case Pack',
      barcode: 'EAN',
    });
    expect(guessMapping(['货号', '品名', '单价', '起订量', '箱规', '条码'])).toEqual({ supplierSku: '货号', name: '品名', unitPrice: '单价', moq: '起订量', orderMultiple: '箱规', barcode: '条码' });
  });
});

describe('a price list', () => {
  it('from a European spreadsheet: BOM, semicolons, decimal commas, quoted names', () => {
    const text = '\uFEFFArtikel;Name;Price;MOQ\r\nDE-1;"Tasse, blau";12,50;6\r\nDE-2;Teller;1.234,00;1\r\n';
    const list = readPriceList(text, { mapping: { supplierSku: 'Artikel', name: 'Name', unitPrice: 'Price', moq: 'MOQ' } });
    expect(list).toMatchObject({ delimiter: ';', decimalComma: true, problems: [] });
    expect(list.rows.map((r) => [r.line, r.supplierSku, r.name, r.unitPrice, r.moq])).toEqual([
      [2, 'DE-1', 'Tasse, blau', '12.50', 6],
      [3, 'DE-2', 'Teller', '1234.00', 1],
    ]);
  });

  it('keeps the good rows and names each bad one by line and column', () => {
    const text = [
      'SKU,Name,Price,Pack,Barcode,Currency',
      'A-1,Lamp,10.00,12,4901234567894,usd',
      'A-2,Shade,9.5,12,4.90123E+12,USD', // a barcode Excel mangled: kept without it
      '1.23457E+11,Bulb,2.00,1,,USD', // a numeric SKU Excel mangled: cannot be matched, refused
      'A-1,Lamp again,11.00,12,,USD', // the same SKU twice: the first line is kept
      'A-3,Cable,,1,,USD', // no price
      'A-4,Plug,abc,1,,USD', // not a price
      'A-5,Box,3.00,0,,USD', // a pack of zero
      'A-6,Bag,4.00,1,,US Dollar', // not a currency code
      ',Nameless,1.00,1,,USD', // no SKU
      '',
      'A-7,"Tray, large",1,234.00,6,,USD', // a thousands comma in an unquoted price shifts every cell after it
    ].join('\n');
    const list = readPriceList(text);
    expect(list.rows.map((r) => [r.supplierSku, r.unitPrice, r.orderMultiple, r.barcode, r.currency])).toEqual([
      ['A-1', '10.00', 12, '4901234567894', 'USD'],
      ['A-2', '9.5', 12, null, 'USD'],
    ]);
    expect(list.problems.map((p) => `${p.line} ${p.column}: ${p.message}`)).toEqual([
      '3 Barcode: 4.90123E+12 was turned into a number by a spreadsheet and its digits are lost: export the column as text (kept without a barcode)',
      '4 SKU: 1.23457E+11 was turned into a number by a spreadsheet and its digits are lost: export the column as text',
      '5 SKU: A-1 is also on line 2: that line is kept',
      '6 Price: is empty',
      '7 Price: "abc" is not a price',
      '8 Pack: "0" is not a whole number of at least 1',
      '9 Currency: "US DOLLAR" is not a currency code',
      '10 SKU: is empty',
      '12 row: has 7 cells where the header has 6: a value containing "," must be quoted',
    ]);
  });

  it('says which column is missing rather than guessing wrong', () => {
    expect(readPriceList('code;description\nX;Y').problems).toEqual([{ line: 1, column: 'unitPrice', message: 'no column for the unit price: map one' }]);
    expect(readPriceList('sku,price\nX,1', { mapping: { supplierSku: 'sku', unitPrice: 'Cost' } }).problems).toEqual([{ line: 1, column: 'Cost', message: 'no column "Cost" in the header' }]);
  });

  it('reads a Chinese wholesaler’s list with tabs and yuan signs', () => {
    const list = readPriceList('货号\t品名\t单价\t箱规\nYW-01\t保温杯\t¥18.50\t24\nYW-02\t帆布袋\t￥6\t50\n');
    expect(list.rows.map((r) => [r.supplierSku, r.name, r.unitPrice, r.orderMultiple])).toEqual([
      ['YW-01', '保温杯', '18.50', 24],
      ['YW-02', '帆布袋', '6', 50],
    ]);
  });
});
