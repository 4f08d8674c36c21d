// Secrets (suppliers' API keys) are stored only encrypted, as "<scheme>:<base64>":
//   safe  the OS keychain through Electron's safeStorage (main/electron/secrets.ts)
//   file  AES-256-GCM under a random key kept in a file next to the data, readable only by the
//         user (the standalone host and the CLI, which have no keychain)
// A secret sealed one way cannot be opened the other; the message says what to do. Nothing here
// ever puts a secret into an error message or a log.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../common/api/errors';

export type SecretScheme = 'safe' | 'file';

export interface Secrets {
  scheme: SecretScheme;
  /** encrypts; throws ApiError when this machine cannot keep a secret */
  seal(plain: string): string;
  /** decrypts what seal returned; throws ApiError (without the secret) when it cannot */
  open(stored: string): string;
}

export function schemeOf(stored: string): SecretScheme | null {
  const scheme = stored.slice(0, stored.indexOf(':'));
  return scheme === 'safe' || scheme === 'file' ? scheme : null;
}

const KEY_FILE = 'crossdock.key';
const IV = 12;
const TAG = 16;

/** Secrets under a key file in `dir`, made (mode 0600) on first use. */
export function fileKeySecrets(dir: string): Secrets {
  const keyPath = path.join(dir, KEY_FILE);
  let key: Buffer | null = null;

  function readKey(create: boolean): Buffer {
    if (key) return key;
    try {
      const k = fs.readFileSync(keyPath);
      if (k.length !== 32) throw new ApiError('conflict', `The key file ${keyPath} is damaged: enter the suppliers' API keys again.`);
      if (process.platform !== 'win32' && (fs.statSync(keyPath).mode & 0o077) !== 0) fs.chmodSync(keyPath, 0o600);
      return (key = k);
    } catch (e) {
      if (e instanceof ApiError) throw e;
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || !create) {
        throw new ApiError('conflict', `The key file ${keyPath} is missing or unreadable: enter the suppliers' API keys again.`);
      }
    }
    const k = crypto.randomBytes(32);
    // 'wx': never overwrite a key another process has just made
    try {
      fs.writeFileSync(keyPath, k, { mode: 0o600, flag: 'wx' });
      return (key = k);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return readKey(false);
      throw new ApiError('internal', `Crossdock could not create its key file ${keyPath}: ${(e as Error).message}`);
    }
  }

  return {
    scheme: 'file',
    seal(plain) {
      const iv = crypto.randomBytes(IV);
      const c = crypto.createCipheriv('aes-256-gcm', readKey(true), iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return `file:${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')}`;
    },
    open(stored) {
      if (schemeOf(stored) !== 'file') throw wrongScheme(stored);
      const raw = Buffer.from(stored.slice(5), 'base64');
      if (raw.length < IV + TAG) throw new ApiError('conflict', 'A stored API key is damaged: enter it again.');
      try {
        const d = crypto.createDecipheriv('aes-256-gcm', readKey(false), raw.subarray(0, IV));
        d.setAuthTag(raw.subarray(IV, IV + TAG));
        return Buffer.concat([d.update(raw.subarray(IV + TAG)), d.final()]).toString('utf8');
      } catch (e) {
        if (e instanceof ApiError) throw e;
        throw new ApiError('conflict', 'A stored API key cannot be read with this computer\'s key file: enter it again.');
      }
    },
  };
}

export function wrongScheme(stored: string): ApiError {
  return schemeOf(stored) === 'safe'
    ? new ApiError('conflict', "This API key was saved in the desktop app's keychain: sync this supplier from the desktop app, or enter the key again here.")
    : new ApiError('conflict', 'This API key was saved by the browser host or the command line: enter it again in the desktop app.');
}
