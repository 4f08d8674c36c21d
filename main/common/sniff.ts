// What a file is, from its first bytes — never from its name. Knows the images the app can show
// and the documents merchants attach; anything else is "application/octet-stream".

export interface Sniffed {
  mime: string;
  /** a photo format (whether this machine's image library can read it is another question) */
  image: boolean;
}

const ascii = (b: Uint8Array, at: number, s: string) => [...s].every((c, i) => b[at + i] === c.charCodeAt(0));

export function sniff(b: Uint8Array): Sniffed {
  const is = (mime: string, image = false): Sniffed => ({ mime, image });
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return is('image/jpeg', true);
  if (b.length >= 8 && b[0] === 0x89 && ascii(b, 1, 'PNG\r\n\x1a\n')) return is('image/png', true);
  if (b.length >= 12 && ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return is('image/webp', true);
  if (b.length >= 6 && (ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a'))) return is('image/gif', true);
  if (b.length >= 12 && ascii(b, 4, 'ftyp')) {
    const brand = String.fromCharCode(...b.subarray(8, 12));
    if (['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return is('image/heic', true);
    if (brand === 'avif' || brand === 'avis') return is('image/avif', true);
    return is('video/mp4');
  }
  if (b.length >= 5 && ascii(b, 0, '%PDF-')) return is('application/pdf');
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return is('application/zip');
  if (b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return is('application/x-ole-storage');
  if (b.length >= 4 && (ascii(b, 0, 'II*\0') || ascii(b, 0, 'MM\0*'))) return is('image/tiff');
  if (b.length >= 2 && ascii(b, 0, 'MZ')) return is('application/x-msdownload');
  if (looksLikeText(b)) return is('text/plain');
  return is('application/octet-stream');
}

/** UTF-8 (or ASCII) text with no control characters but tab, CR and LF, judged on its first 4 KB. */
function looksLikeText(b: Uint8Array): boolean {
  if (b.length === 0) return false;
  const head = b.subarray(0, 4096);
  for (const c of head) if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return false;
  try {
    // a multi-byte character cut at the 4 KB edge is not an error
    new TextDecoder('utf-8', { fatal: true }).decode(head.length === b.length ? head : head.subarray(0, lastWholeChar(head)));
    return true;
  } catch {
    return false;
  }
}

function lastWholeChar(b: Uint8Array): number {
  let end = b.length;
  // step back over continuation bytes and the lead byte they belong to
  for (let i = b.length - 1; i >= Math.max(0, b.length - 4); i--) {
    if ((b[i]! & 0xc0) !== 0x80) {
      end = i;
      break;
    }
  }
  return end;
}
