// Pinyin initials for search, checked on names whose readings are known.
import { describe, expect, it } from 'vitest';
import { pinyinInitials } from '../../main/common/pinyin';

describe('pinyinInitials', () => {
  it('takes the first letter of each character’s reading, keeping letters and digits', () => {
    expect(pinyinInitials('面膜')).toBe('mm');
    expect(pinyinInitials('面膜补水')).toBe('mmbs');
    expect(pinyinInitials('维C精华')).toBe('wcjh');
    expect(pinyinInitials('资生堂 洗面奶 120g')).toBe('zstxmn120g');
    expect(pinyinInitials('台灯')).toBe('td');
  });

  it('gives one word per name that has Chinese, and nothing for names without', () => {
    expect(pinyinInitials('润唇膏', 'Lip balm')).toBe('rcg');
    expect(pinyinInitials('Sheet mask', null, undefined, '')).toBe('');
    expect(pinyinInitials('雪花秀', '雪花秀 滋阴')).toBe('xhx xhxzy');
  });
});
