import { test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { MANGLED_PROPERTIES, inPageBundleOptions, minifyOverlayCss } from '../../build.mjs';
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

test('every property the in-page bundles rename is used by name only, never as a string', async () => {
  const { outputFiles } = await build({ ...inPageBundleOptions('chrome'), mangleProps: undefined, entryPoints: [`${ROOT}src/content/index.ts`], write: false });
  const source = outputFiles[0]!.text;
  const byName = new Set([...source.matchAll(/[.]([_$\w]+)\b/g)].map((match) => match[1]!).filter((name) => MANGLED_PROPERTIES.test(name)));
  assert.ok(byName.has('_grabArticle'), "Readability's internals are among them");
  // A log line names one: Readability's `this.log("_setNodeTag", …)` prints it, never reads it.
  const asStrings = [...source.matchAll(/["'`]([_$\w]+)["'`]/g)].map((match) => match[1]!).filter((name) => byName.has(name) && name !== '_setNodeTag');
  assert.deepEqual(asStrings, [], 'a renamed property also read or written through a string would break');
});
