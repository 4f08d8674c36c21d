// Secrets over a fake safeStorage (main/electron/secrets.ts): stored encrypted as base64, and
// refused — never written in plain text — when the OS offers no real encryption.
import { describe, expect, it } from 'vitest';
import { createSecrets, SecretsUnavailableError, type SafeStorageLike } from '../../main/electron/secrets';

/** A reversible stand-in for the OS keychain (XOR with a key byte, plus a marker). */
function fakeSafeStorage(opts: { available?: boolean; backend?: string; rotate?: boolean } = {}) {
  let key = 0x5a;
  const calls: string[] = [];
  const xor = (b: Buffer, k: number) => Buffer.from(b.map((x) => x ^ k));
  const storage: SafeStorageLike = {
    isAsyncEncryptionAvailable: async () => opts.available ?? true,
    getSelectedStorageBackend: () => (opts.backend ?? 'gnome_libsecret') as never,
    async encryptStringAsync(plain) {
      calls.push('encrypt');
      return Buffer.concat([Buffer.from([0xee, key]), xor(Buffer.from(plain, 'utf8'), key)]);
    },
    async decryptStringAsync(enc) {
      calls.push('decrypt');
      if (enc[0] !== 0xee) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      const used = enc[1]!;
      const result = xor(enc.subarray(2), used).toString('utf8');
      const shouldReEncrypt = !!opts.rotate && used === 0x5a;
      if (opts.rotate) key = 0x33;
      return { result, shouldReEncrypt };
    },
  };
  return { storage, calls };
}

describe('secrets', () => {
  it('round-trips a secret through base64 ciphertext that does not contain it', async () => {
    const s = createSecrets(fakeSafeStorage().storage, 'linux');
    const key = 'sk_live_供应商_0123456789';
    const stored = await s.encrypt(key);
    expect(stored).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(stored).not.toContain('sk_live');
    expect(Buffer.from(stored, 'base64').toString('utf8')).not.toContain('sk_live');
    expect(await s.decrypt(stored)).toEqual({ value: key });
    expect(await s.available()).toBe(true);
  });

  it('refuses to store anything when encryption is unavailable', async () => {
    const { storage, calls } = fakeSafeStorage({ available: false });
    const s = createSecrets(storage, 'win32');
    expect(await s.available()).toBe(false);
    await expect(s.encrypt('secret')).rejects.toThrow(SecretsUnavailableError);
    await expect(s.encrypt('secret')).rejects.toThrow(/secure storage/);
    expect(calls).toEqual([]);
  });

  it("treats Linux's basic_text backend (a fixed, public key) as unavailable", async () => {
    const { storage, calls } = fakeSafeStorage({ backend: 'basic_text' });
    const linux = createSecrets(storage, 'linux');
    expect(await linux.available()).toBe(false);
    await expect(linux.encrypt('secret')).rejects.toThrow(/keyring/);
    expect(calls).toEqual([]);
    // the backend is a Linux notion; elsewhere it is not consulted
    expect(await createSecrets(storage, 'darwin').available()).toBe(true);
  });

  it('returns a re-encrypted value when the OS key has rotated', async () => {
    const { storage } = fakeSafeStorage({ rotate: true });
    const s = createSecrets(storage, 'darwin');
    const stored = await s.encrypt('abc');
    const out = await s.decrypt(stored);
    expect(out.value).toBe('abc');
    expect(out.reencrypted).toBeDefined();
    expect(out.reencrypted).not.toBe(stored);
    expect(await s.decrypt(out.reencrypted!)).toEqual({ value: 'abc' });
  });

  it('rejects input that is not what it stored', async () => {
    const s = createSecrets(fakeSafeStorage().storage, 'win32');
    await expect(s.decrypt('')).rejects.toThrow(TypeError);
    await expect(s.decrypt('not base64!')).rejects.toThrow(TypeError);
    await expect(s.decrypt(Buffer.from('plain').toString('base64'))).rejects.toThrow(/decrypting/);
    await expect(s.encrypt(42 as never)).rejects.toThrow(TypeError);
  });
});
