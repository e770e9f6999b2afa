import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { build } from 'esbuild';
import { EXTENSION_ENTRIES, inPageBundleOptions } from '../../build.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;

/** Every bundle built with inPageBundleOptions: the extension's scripts, the browser eval's and the bench's. */
const IN_PAGE_ENTRIES = [
  ...Object.values(EXTENSION_ENTRIES),
  'tests/corpus/browser-entry.ts',
  ...readdirSync(`${ROOT}tests/bench/in-page`).filter((file) => file.endsWith('.ts')).map((file) => `tests/bench/in-page/${file}`),
];

test('every in-page entry bundles, with the browser constant replaced', { timeout: 120_000 }, async () => {
  for (const entry of IN_PAGE_ENTRIES) {
    const result = await build({ ...inPageBundleOptions('chrome'), entryPoints: [`${ROOT}${entry}`], write: false });
    const text = result.outputFiles![0]!.text;
    assert.ok(text.length > 0, entry);
    assert.doesNotMatch(text, /\b__BROWSER__\b/, `${entry}: __BROWSER__ is defined at build time`);
  }
});
