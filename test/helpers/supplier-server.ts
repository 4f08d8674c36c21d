// The reference supplier as a separate process on 127.0.0.1 (main/cli/supplier-server.ts), for
// tests that talk to it over real HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface SupplierProcess {
  proc: ChildProcess;
  url: string;
  /** kill -9 */
  stop(): Promise<void>;
  /** POST to the admin API (faults, acknowledgements, shipments, catalogue changes) */
  admin<T = unknown>(path: string, body: unknown): Promise<T>;
}

export function startSupplier(dir: string, apiKey: string, extra: string[] = [], items = 30): Promise<SupplierProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'main/cli/supplier-server.ts', '--data', dir, '--port', '0', '--items', String(items), '--api-key', apiKey, ...extra], { cwd: ROOT });
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        const url = m[1]!;
        resolve({
          proc,
          url,
          stop: () => new Promise<void>((done) => (proc.exitCode !== null ? done() : (proc.once('exit', () => done()), proc.kill('SIGKILL')))),
          admin: async <T>(p: string, body: unknown) => {
            const res = await fetch(url + p, { method: 'POST', headers: { 'x-api-key': apiKey, 'content-type': 'application/json' }, body: JSON.stringify(body) });
            return (await res.json()) as T;
          },
        });
      }
    });
    proc.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    proc.on('exit', (code) => reject(new Error(`supplier server exited ${code}: ${out}`)));
  });
}
