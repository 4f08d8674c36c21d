// Pinyin initials of Chinese text, for search: 面膜补水 → "mmbs", so a merchant can type "mm" to find
// it. Each character is looked up once (pinyin-pro's dictionary) and remembered; a character with
// more than one reading takes its most common one, since a name is searched by its start, not read
// aloud. Letters and digits are kept as they are (维C精华 → "wcjh"); anything else is dropped.
import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;
const initialOf = new Map<string, string>();

function initial(ch: string): string {
  let i = initialOf.get(ch);
  if (i === undefined) {
    i = pinyin(ch, { pattern: 'first', toneType: 'none' }).toLowerCase().replace(/[^a-z]/g, '');
    initialOf.set(ch, i);
  }
  return i;
}

/** The initials of the Chinese text in these names, space-separated per name; '' when there is none. */
export function pinyinInitials(...names: (string | null | undefined)[]): string {
  const out: string[] = [];
  for (const name of names) {
    if (!name || !HAN.test(name)) continue;
    let s = '';
    for (const ch of name) s += HAN.test(ch) ? initial(ch) : /[a-z0-9]/i.test(ch) ? ch.toLowerCase() : '';
    if (s) out.push(s);
  }
  return out.join(' ');
}
