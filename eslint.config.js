// Lint: TypeScript rules plus the layer rules of DESIGN.md §2, as errors.
import tseslint from 'typescript-eslint';
import globals from 'globals';

const electronOnly = {
  paths: [{ name: 'electron', message: "Only main/electron/ and preload/ may import 'electron'." }],
  patterns: [{ group: ['electron/*'], message: "Only main/electron/ and preload/ may import 'electron'." }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', '.cache/**'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-object-type': 'off',
      'no-restricted-imports': ['error', electronOnly],
    },
  },
  {
    // The renderer sees main/ only through main/common (the contract and pure code).
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronOnly,
          patterns: [
            ...electronOnly.patterns,
            { regex: '(^|/)main/(?!common(/|$))', message: 'The renderer may import only main/common from main/.' },
            { group: ['node:*', 'better-sqlite3', 'ws'], message: 'No Node or database modules in the renderer.' },
          ],
        },
      ],
    },
  },
  {
    // Pure code: no Node, no Electron, no SQL, no React.
    files: ['main/common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronOnly,
          patterns: [
            ...electronOnly.patterns,
            { group: ['node:*', 'better-sqlite3', 'ws', 'react', 'react-dom'], message: 'main/common is pure TypeScript.' },
            { regex: '^\\.\\./\\.\\./(?!common)|^\\.\\./(db|core|server|electron|cli|sync)(/|$)', message: 'main/common imports nothing else from main/.' },
          ],
        },
      ],
    },
  },
  {
    // Core never imports React, a transport or Electron.
    files: ['main/core/**/*.ts', 'main/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronOnly,
          patterns: [
            ...electronOnly.patterns,
            { group: ['react', 'react-dom', 'ws'], message: 'Core and db import no UI or transport.' },
            { regex: '(^|/)(server|electron|cli)(/|$)', message: 'Core and db do not import transports or the shell.' },
          ],
        },
      ],
    },
  },
  {
    // Supplier sync talks HTTP through an injected fetch and knows nothing of the app's insides.
    files: ['main/sync/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronOnly,
          patterns: [
            ...electronOnly.patterns,
            { group: ['react', 'react-dom', 'better-sqlite3', 'ws'], message: 'main/sync uses no UI, database driver or transport.' },
            { regex: '(^|/)(core|db|server|electron|cli)(/|$)', message: 'main/sync imports only main/common and itself.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/electron/**/*.ts', 'preload/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
