// Secrets (future supplier API keys) encrypted with the OS keychain through Electron's
// safeStorage, stored as base64. There is no plain-text fallback: when the OS offers no real
// encryption the caller gets a clear error and must ask the user instead of saving the key.
// The safeStorage is injected (main.ts passes Electron's) so this is tested in Node.
import type { SafeStorage } from 'electron';

export type SafeStorageLike = Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

export class SecretsUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretsUnavailableError';
  }
}

export interface Secrets {
  /** Whether secrets can be stored on this machine right now. */
  available(): Promise<boolean>;
  /** Encrypts to base64, or throws SecretsUnavailableError — never returns plain text. */
  encrypt(plain: string): Promise<string>;
  /** Decrypts what encrypt returned; `reencrypted` is set when the OS rotated its key (store it instead). */
  decrypt(stored: string): Promise<{ value: string; reencrypted?: string }>;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function createSecrets(storage: SafeStorageLike, platform: NodeJS.Platform = process.platform): Secrets {
  async function why(): Promise<string | null> {
    if (!(await storage.isAsyncEncryptionAvailable())) {
      return 'The operating system offers no secure storage (keychain) right now, so Crossdock will not save this secret.';
    }
    // On Linux without a keyring Chromium falls back to a fixed, publicly known key: that is
    // obfuscation, not encryption, so it counts as unavailable.
    if (platform === 'linux' && storage.getSelectedStorageBackend?.() === 'basic_text') {
      return 'No keyring (GNOME Keyring or KWallet) is running, so Crossdock cannot store secrets securely. Start a keyring and try again.';
    }
    return null;
  }

  return {
    async available() {
      return (await why()) === null;
    },
    async encrypt(plain) {
      if (typeof plain !== 'string') throw new TypeError('A secret must be a string');
      const reason = await why();
      if (reason) throw new SecretsUnavailableError(reason);
      return (await storage.encryptStringAsync(plain)).toString('base64');
    },
    async decrypt(stored) {
      if (typeof stored !== 'string' || stored === '' || !BASE64.test(stored)) throw new TypeError('A stored secret must be non-empty base64');
      const reason = await why();
      if (reason) throw new SecretsUnavailableError(reason);
      const { result, shouldReEncrypt } = await storage.decryptStringAsync(Buffer.from(stored, 'base64'));
      if (!shouldReEncrypt) return { value: result };
      return { value: result, reencrypted: (await storage.encryptStringAsync(result)).toString('base64') };
    },
  };
}
