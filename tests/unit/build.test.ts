import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { build } from 'esbuild';
import { EXTENSION_ENTRIES, extensionBundleOptions, inPageBundleOptions } from '../../build.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
/**
 * A ceiling for accidents (a dependency bundled twice, a data file inlined), not a budget to
 * fit under: real growth well below it needs no trick.
 */
const CEILING_KB = 250;

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

test(`every extension bundle, as shipped to each browser, is under ${CEILING_KB} KB minified`, { timeout: 120_000 }, async () => {
  for (const browser of ['chrome', 'firefox'] as const) {
    const result = await build({ ...extensionBundleOptions(browser), absWorkingDir: ROOT, outdir: 'out', write: false });
    const sizes = Object.fromEntries(result.outputFiles.map((file) => [file.path.slice(file.path.lastIndexOf('/') + 1), file.contents.length / 1024]));
    assert.ok('content.js' in sizes, `${browser}: content.js is built`);
    for (const [name, kb] of Object.entries(sizes)) assert.ok(kb < CEILING_KB, `${browser}/${name}: ${kb.toFixed(1)} KB minified, ceiling ${CEILING_KB} KB`);
  }
});
