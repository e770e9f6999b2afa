import { test } from 'node:test';
import assert from 'node:assert/strict';
import { build, type BuildOptions } from 'esbuild';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_ENTRIES, inPageBundleOptions, minifyOverlayCss } from '../../build.mjs';
import { OVERLAY_CSS } from '../../src/content/overlay-styles.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

test("the overlay's stylesheet is minified with its holes kept, each exactly where it was", async () => {
  assert.equal(await minifyOverlayCss('.${A}1 { color: red }\n.${B} { color: blue }'), '.${A}1{color:red}.${B}{color:#00f}');
  assert.equal(await minifyOverlayCss('.x { width: ${W}0px }'), '.x{width:${W}0px}');
  assert.equal(await minifyOverlayCss('.content.${LONG} :is(${BLOCKS}) { content-visibility: auto }'), '.content.${LONG} :is(${BLOCKS}){content-visibility:auto}');
  await assert.rejects(minifyOverlayCss('.x { color: ${ {a: "red"}.a } }'), /more than a constant/);
  await assert.rejects(minifyOverlayCss('.x::before { content: "\\\\" }'), /does not fit back/);
});

test("the shipped stylesheet minifies: same rules, fewer bytes", async () => {
  const minified = await minifyOverlayCss(OVERLAY_CSS);
  assert.ok(minified.length < OVERLAY_CSS.length * 0.9, `${minified.length} of ${OVERLAY_CSS.length}`);
  assert.equal(minified.split('{').length, OVERLAY_CSS.split('{').length, 'as many blocks');
});

/** Every bundle built with inPageBundleOptions: the extension's scripts, the browser eval's and the bench's. */
const IN_PAGE_ENTRIES = [
  ...Object.values(EXTENSION_ENTRIES),
  'tests/corpus/browser-entry.ts',
  ...readdirSync(`${ROOT}tests/bench/in-page`).filter((file) => file.endsWith('.ts')).map((file) => `tests/bench/in-page/${file}`),
];

/**
 * Where a bundle reaches a renamed property through a string (esbuild renames only the
 * property names written as names): the same build with quoted names renamed too must come
 * out the same (no `obj["_x"]`, `{ "_x": … }` or `"_x" in obj`), and no string in the bundle
 * may spell a renamed name or start one that code completes (`"_get" + name`, `` `_${x}` ``).
 */
async function stringUsesOfRenamedProperties(entryPoint: string): Promise<{ renamed: Set<string>; problems: string[] }> {
  const textOf = async (extra: BuildOptions): Promise<{ text: string; renamed: Set<string> }> => {
    const result = await build({ ...inPageBundleOptions('chrome'), entryPoints: [entryPoint], write: false, ...extra });
    return { text: result.outputFiles![0]!.text, renamed: new Set(Object.keys(result.mangleCache ?? {})) };
  };
  const { text: renamedText, renamed } = await textOf({ mangleCache: {} });
  const problems: string[] = [];
  if ((await textOf({ mangleQuoted: true })).text !== renamedText) problems.push('a quoted name of a renamed property (obj["_x"], { "_x": … }, "_x" in obj)');
  const source = (await textOf({ mangleProps: undefined })).text;
  for (const match of source.matchAll(/(\.log\(\s*)?(["'`])(_[A-Za-z]\w*)\2/g)) {
    // Readability's `this.log("_setNodeTag", …)` prints the name, never reads it.
    if (renamed.has(match[3]!) && !match[1]) problems.push(`the string ${match[0]}`);
  }
  for (const match of source.matchAll(/(["'])(_[A-Za-z]*)\1\s*\+|`(_[A-Za-z]*)\$\{/g)) {
    const fragment = match[2] ?? match[3]!;
    if ([...renamed].some((name) => name.startsWith(fragment))) problems.push(`a name built at run time: ${match[0]}`);
  }
  return { renamed, problems };
}

test('every property the in-page bundles rename is used by name only, never through a string', { timeout: 120_000 }, async () => {
  for (const entry of IN_PAGE_ENTRIES) {
    const { renamed, problems } = await stringUsesOfRenamedProperties(`${ROOT}${entry}`);
    if (entry === 'src/content/index.ts') assert.ok(renamed.has('_grabArticle') && renamed.has('_keep'), "Readability's and Turndown's internals are renamed");
    assert.deepEqual(problems, [], entry);
  }
});

test('the check finds each way a renamed property can be reached through a string', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'readmark-mangle-'));
  const cases = {
    'bracket.js': 'const o = { _a: 1 }; globalThis.x = o["_a"];',
    'quoted-key.js': 'const o = { "_b": 1 }; globalThis.x = o._b;',
    'in.js': 'const o = { _c: 1 }; globalThis.x = "_c" in o;',
    'has-own.js': 'const o = { _d: 1 }; globalThis.x = Object.hasOwn(o, "_d");',
    'joined.js': 'const o = { _eName: 1 }; const k = "Name"; globalThis.x = o["_e" + k] ?? o._eName;',
    'template.js': 'const o = { _fName: 1 }; const k = "Name"; globalThis.x = o[`_f${k}`] ?? o._fName;',
  };
  try {
    for (const [file, code] of Object.entries(cases)) {
      writeFileSync(join(dir, file), code);
      const { problems } = await stringUsesOfRenamedProperties(join(dir, file));
      assert.notDeepEqual(problems, [], file);
    }
    writeFileSync(join(dir, 'clean.js'), 'const o = { _g: 1 }; globalThis.x = o._g; console.log("_g is printed, not read".length);');
    assert.deepEqual((await stringUsesOfRenamedProperties(join(dir, 'clean.js'))).problems, [], 'names used by name only');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
