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
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', pureLayerImports],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', '__dirname'],
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
