// Secrets (suppliers' API keys) encrypted with the OS keychain through Electron's safeStorage,
// stored as "safe:<base64>". There is no plain-text fallback: when the OS offers no real
// encryption the merchant gets a clear message instead of a saved key. The safeStorage is
// injected (main.ts passes Electron's) so this is tested in Node.
import type { SafeStorage } from 'electron';
import { ApiError } from '../common/api/errors';
import { wrongScheme, schemeOf, type Secrets } from '../core/secrets';

export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

export function createSecrets(storage: SafeStorageLike, platform: NodeJS.Platform = process.platform): Secrets {
  function refuse(): void {
    if (!storage.isEncryptionAvailable()) {
      throw new ApiError('conflict', 'The operating system offers no secure storage (keychain) right now, so Crossdock will not save this API key.');
    }
    // On Linux without a keyring Chromium falls back to a fixed, publicly known key: that is
    // obfuscation, not encryption, so it counts as unavailable.
    if (platform === 'linux' && storage.getSelectedStorageBackend?.() === 'basic_text') {
      throw new ApiError('conflict', 'No keyring (GNOME Keyring or KWallet) is running, so Crossdock cannot store API keys securely. Start a keyring and try again.');
    }
  }

  return {
    scheme: 'safe',
    seal(plain) {
      refuse();
      return `safe:${storage.encryptString(plain).toString('base64')}`;
    },
    open(stored) {
      if (schemeOf(stored) !== 'safe') throw wrongScheme(stored);
      refuse();
      try {
        return storage.decryptString(Buffer.from(stored.slice(5), 'base64'));
      } catch {
        throw new ApiError('conflict', "A stored API key cannot be read with this computer's keychain: enter it again.");
      }
    },
  };
}
