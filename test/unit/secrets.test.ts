// Secrets: the desktop app's keychain (main/electron/secrets.ts, over a fake safeStorage) and the
// standalone host's key file (main/core/secrets.ts, on a real temp folder). Both store only
// ciphertext, refuse rather than store plain text, and never put the secret in a message.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSecrets, type SafeStorageLike } from '../../main/electron/secrets';
import { fileKeySecrets } from '../../main/core/secrets';
import { tempDir } from '../helpers/temp-app';

/** A reversible stand-in for the OS keychain (XOR with a key byte, plus a marker). */
function fakeSafeStorage(opts: { available?: boolean; backend?: string } = {}) {
  const calls: string[] = [];
  const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  const storage: SafeStorageLike = {
    isEncryptionAvailable: () => opts.available ?? true,
    getSelectedStorageBackend: () => (opts.backend ?? 'gnome_libsecret') as never,
    encryptString(plain) {
      calls.push('encrypt');
      return Buffer.concat([Buffer.from([0xee]), xor(Buffer.from(plain, 'utf8'))]);
    },
    decryptString(enc) {
      calls.push('decrypt');
      if (enc[0] !== 0xee) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return xor(enc.subarray(1)).toString('utf8');
    },
  };
  return { storage, calls };
}

const KEY = 'sk_live_供应商_0123456789';

describe('keychain secrets (desktop)', () => {
  it('round-trips a secret through ciphertext that does not contain it', () => {
    const s = createSecrets(fakeSafeStorage().storage, 'linux');
    const stored = s.seal(KEY);
    expect(stored).toMatch(/^safe:[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(stored.slice(5), 'base64').toString('utf8')).not.toContain('sk_live');
    expect(s.open(stored)).toBe(KEY);
  });

  it('refuses to store anything when encryption is unavailable', () => {
    const { storage, calls } = fakeSafeStorage({ available: false });
    expect(() => createSecrets(storage, 'win32').seal('secret')).toThrow(/secure storage/);
    expect(calls).toEqual([]);
  });

  it("treats Linux's basic_text backend (a fixed, public key) as unavailable", () => {
    const { storage, calls } = fakeSafeStorage({ backend: 'basic_text' });
    expect(() => createSecrets(storage, 'linux').seal('secret')).toThrow(/keyring/);
    expect(calls).toEqual([]);
    // the backend is a Linux notion; elsewhere it is not consulted
    expect(createSecrets(storage, 'darwin').seal('x')).toMatch(/^safe:/);
  });

  it('says what to do with a key it cannot read, without the key', () => {
    const s = createSecrets(fakeSafeStorage().storage, 'win32');
    expect(() => s.open(`safe:${Buffer.from('plain').toString('base64')}`)).toThrow(/enter it again/);
    expect(() => s.open('file:AAAA')).toThrow(/browser host or the command line/);
  });
});

describe('key-file secrets (standalone host, CLI)', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const dir = () => {
    const d = tempDir();
    dirs.push(d);
    return d;
  };

  it('makes a key file readable only by the user and round-trips through it', () => {
    const d = dir();
    const s = fileKeySecrets(d);
    const stored = s.seal(KEY);
    expect(stored).toMatch(/^file:/);
    expect(stored).not.toContain('sk_live');
    if (process.platform !== 'win32') expect(fs.statSync(path.join(d, 'crossdock.key')).mode & 0o777).toBe(0o600);
    // another process (a fresh instance) reads the same key file
    expect(fileKeySecrets(d).open(stored)).toBe(KEY);
    // the same secret twice gives different ciphertext (a fresh IV)
    expect(s.seal(KEY)).not.toBe(stored);
  });

  it('refuses tampered ciphertext, another key file, and a missing key, naming no secret', () => {
    const d = dir();
    const stored = fileKeySecrets(d).seal(KEY);
    const raw = Buffer.from(stored.slice(5), 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => fileKeySecrets(d).open(`file:${raw.toString('base64')}`)).toThrow(/enter it again/);
    expect(() => fileKeySecrets(dir()).open(stored)).toThrow(/missing or unreadable/);
    expect(() => fileKeySecrets(d).open('safe:AAAA')).toThrow(/keychain/);
    let message = '';
    try {
      fileKeySecrets(dir()).open(stored);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/key file/);
    expect(message).not.toContain(KEY);
  });
});
