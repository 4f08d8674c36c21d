// UUID v7 (RFC 9562): 48-bit millisecond timestamp, then random bits, so ids sort by creation
// time and records made on several devices can merge without clashing.
import { randomFillSync } from 'node:crypto';

let lastMs = 0;
let seq = 0;
// random bytes drawn 4 KiB at a time: one system call per 256 ids (a bulk import makes thousands)
const pool = new Uint8Array(4096);
let used = pool.length;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function uuidv7(nowMs = Date.now()): string {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const b = pool.slice(used, used + 16);
  used += 16;
  // keep ids from one process monotonic within the same millisecond (12-bit counter in rand_a)
  if (nowMs <= lastMs) {
    nowMs = lastMs;
    seq = (seq + 1) & 0xfff;
    if (seq === 0) nowMs = ++lastMs;
  } else {
    lastMs = nowMs;
    seq = b[7]! & 0x3ff;
  }
  let ms = nowMs;
  for (let i = 5; i >= 0; i--) {
    b[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  b[6] = 0x70 | ((seq >> 8) & 0x0f);
  b[7] = seq & 0xff;
  b[8] = 0x80 | (b[8]! & 0x3f);
  let h = '';
  for (let i = 0; i < 16; i++) h += (i === 4 || i === 6 || i === 8 || i === 10 ? '-' : '') + HEX[b[i]!];
  return h;
}
