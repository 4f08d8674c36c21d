// Start-up decisions of the Electron shell (main/electron/startup.ts).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DbOpenError } from '../../main/db/errors';
import { dataFileFor, describeOpenError, nativeBindingPath, parseLaunchArgs } from '../../main/electron/startup';

describe('parseLaunchArgs', () => {
  const cwd = path.resolve('/home/mei/work');
  it.each([
    [[], { demo: false, data: null }],
    [['/opt/crossdock'], { demo: false, data: null }],
    [['.', '--demo'], { demo: true, data: null }],
    [['.', '--data', 'shop.sqlite'], { demo: false, data: path.join(cwd, 'shop.sqlite') }],
    [['.', '--data=/tmp/x.sqlite', '--demo'], { demo: true, data: path.resolve('/tmp/x.sqlite') }],
    [['.', '--no-sandbox', '--data', '--demo'], { demo: true, data: null }], // a flag is not a file name
    [['.', '--data'], { demo: false, data: null }],
    [['.', '--database', 'x'], { demo: false, data: null }],
  ])('%j', (argv, expected) => {
    expect(parseLaunchArgs(argv, cwd)).toEqual(expected);
  });

  it('picks the data file in the user-data folder unless --data names one', () => {
    const ud = path.resolve('/home/mei/.config/Crossdock');
    expect(dataFileFor(ud, { demo: false, data: null })).toBe(path.join(ud, 'crossdock.sqlite'));
    expect(dataFileFor(ud, { demo: true, data: null })).toBe(path.join(ud, 'crossdock-demo.sqlite'));
    expect(dataFileFor(ud, { demo: true, data: '/x/y.sqlite' })).toBe('/x/y.sqlite');
  });
});

describe('nativeBindingPath', () => {
  it('prefers CROSSDOCK_SQLITE_BINDING, then the unpacked copy when packaged, else the default', () => {
    expect(nativeBindingPath({ CROSSDOCK_SQLITE_BINDING: '/c/b.node' }, true, '/r')).toBe('/c/b.node');
    expect(nativeBindingPath({}, true, path.resolve('/opt/Crossdock/resources'))).toBe(
      path.join(path.resolve('/opt/Crossdock/resources'), 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
    );
    expect(nativeBindingPath({}, false, '/r')).toBeUndefined();
  });
});

describe('describeOpenError', () => {
  it('explains each kind of refused file and names the file', () => {
    const newer = describeOpenError(new DbOpenError('This file was written by a newer Crossdock (schema 9).', 'newer'), '/d/c.sqlite');
    expect(newer.message).toMatch(/newer/);
    expect(newer.message).toMatch(/Update Crossdock/);
    expect(newer.message).toContain('/d/c.sqlite');
    expect(describeOpenError(new DbOpenError('x is not a Crossdock database', 'foreign'), 'f').message).toMatch(/not a Crossdock data file/);
    expect(describeOpenError(new DbOpenError('x is damaged', 'corrupt'), 'f').message).toMatch(/backup/);
    expect(describeOpenError(new DbOpenError('Cannot open', 'io'), 'f').message).toMatch(/writable/);
  });

  it('recognises a native module built for the wrong runtime', () => {
    const e = new DbOpenError(
      "Cannot open f: The module 'better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 139.",
      'io',
    );
    expect(describeOpenError(e, 'f').message).toMatch(/CROSSDOCK_SQLITE_BINDING/);
  });

  it('copes with anything thrown', () => {
    expect(describeOpenError('weird', 'f')).toEqual({ title: 'Crossdock cannot open its data', message: 'weird\n\nFile: f' });
  });
});
