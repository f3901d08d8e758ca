import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// shared/ is the pure layer: it runs in main, renderer, CLI and workers, so it may not reach for
// Node, the DOM, React or Electron. This rule is what keeps that true.
const pureLayerImports = {
  patterns: [
    { group: ['node:*'], message: 'shared/ is pure: no Node imports.' },
    {
      group: [
        'fs',
        'path',
        'os',
        'crypto',
        'child_process',
        'http',
        'https',
        'url',
        'util',
        'events',
        'stream',
      ],
      message: 'shared/ is pure: no Node imports.',
    },
    { group: ['electron', 'electron/*'], message: 'shared/ is pure: no Electron imports.' },
    {
      group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@xyflow/*', 'zustand', 'zustand/*'],
      message: 'shared/ is pure: no React imports.',
    },
    { group: ['better-sqlite3'], message: 'shared/ is pure: no database imports.' },
    {
      group: ['**/electron/**', '**/renderer/**'],
      message: 'shared/ imports nothing from electron/ or renderer/.',
    },
  ],
};

// host/, store/, web/ and cli/ run in plain Node too (CLI, web host, tests): they may not load Electron,
// not even through electron/main, which is Electron's side. Main hands them what they need.
const nodeOnlyHostImports = {
  paths: [{ name: 'electron', message: 'Only electron/main/index.ts may load Electron.' }],
  patterns: [
    { group: ['electron/*'], message: 'Only electron/main/index.ts may load Electron.' },
    {
      group: ['**/main', '**/main/**', '**/preload', '**/preload/**'],
      message: 'electron/main and electron/preload are the Electron side: move what is shared to host/.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // CommonJS on purpose: loaded with `node -r` before anything else (test/security).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', pureLayerImports],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['electron/{host,store,web,cli}/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', nodeOnlyHostImports] },
  },
  {
    // Tests load main's modules without the Electron binary: only index.ts loads Electron's values.
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/index.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              allowTypeImports: true,
              message: 'Only electron/main/index.ts loads Electron; take what you need as a parameter.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'electron', 'better-sqlite3', '**/electron/**'],
              message: 'The renderer has no Node: talk to the host through renderer/src/api.',
            },
          ],
        },
      ],
    },
  },
);
