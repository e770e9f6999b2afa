import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'scratch/', 'test-results/', 'tests/e2e/artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, __BROWSER__: 'readonly' } },
    plugins: { 'no-unsanitized': noUnsanitized },
    rules: {
      // Page content is hostile: nothing may reach innerHTML/insertAdjacentHTML unsanitized.
      'no-unsanitized/method': 'error',
      'no-unsanitized/property': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The core is pure: no extension APIs, no shells.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['webextension-polyfill', '**/background/**', '**/content/**', '**/options/**', '**/offscreen/**', '**/node/**', 'node:*', 'jsdom'], message: 'src/core is pure: a Document in, data out.' }] }],
      'no-restricted-globals': ['error', { name: 'chrome', message: 'no extension APIs in the core' }, { name: 'browser', message: 'no extension APIs in the core' }, { name: 'document', message: 'the core takes its Document as an argument' }, { name: 'window', message: 'the core takes its Window as an argument' }],
    },
  },
  {
    // End-to-end tests evaluate functions inside the extension's own contexts.
    files: ['tests/e2e/**/*.mjs'],
    languageOptions: { globals: { chrome: 'readonly', browser: 'readonly' } },
  },
  {
    // Tests render Markdown back to HTML in jsdom to count its structure.
    files: ['tests/support/round-trip.ts'],
    rules: { 'no-unsanitized/property': 'off' },
  },
);
