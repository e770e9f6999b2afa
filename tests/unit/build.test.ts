import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyOverlayCss } from '../../build.mjs';
import { OVERLAY_CSS } from '../../src/content/overlay-styles.ts';

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
