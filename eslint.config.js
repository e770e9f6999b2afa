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
      // jsdom reads an HTMLCollection item by item in time that grows with the collection: a page of 4,000 links took seconds.
      'no-restricted-syntax': ['error', ...['getElementsByTagName', 'getElementsByClassName'].map((name) => ({ selector: `CallExpression[callee.property.name='from'] > CallExpression.arguments[callee.property.name='${name}']`, message: 'Iterate querySelectorAll: an HTMLCollection is quadratic to walk in jsdom.' })), { selector: "CallExpression[callee.property.name='from'] > MemberExpression.arguments[property.name='children']", message: "Iterate querySelectorAll(':scope > *'): an HTMLCollection is quadratic to walk in jsdom." }],
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
