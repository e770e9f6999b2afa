import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isGeneratedName, stableSelector } from '../../src/core/stable-selector.ts';
import { page } from '../support/dom.ts';

/** The selector for the element `#target` marks (the marker attribute is not a name the builder reads). */
function selectorFor(body: string): { selector: string | null; exact: boolean } {
  const { document } = page(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`);
  const target = document.querySelector('[data-target]')!;
  const selector = stableSelector(target);
  const found = selector ? Array.from(document.querySelectorAll(selector)) : [];
  return { selector, exact: found.length === 1 && found[0] === target };
}

test('generated names: CSS-in-JS hashes, hashed ids, counters and random-looking mixes', () => {
  for (const name of ['css-1x2y3z', 'css-k008qs', 'sc-AxjAm', 'sc-bdVaJa', 'jsx-123', 'svelte-1abc2de', 'astro-J7PV25F6', 'kXyzQp', 'eVbGbq',
    'Article_body__3xYz9', 'styles_title__aB3dE', 'Article_body__kXyzQ', '_1a2b3c', 'post-4521', 'ember1234', 'yui_3_5_1_1392',
    'e3b0c442-98fc-1c14-9afb-f4c8996fb924', ':r1:', 'a1b2c3d4', 'story.body']) {
    assert.equal(isGeneratedName(name), true, name);
  }
  for (const name of ['story', 'article-body', 'entry-content', 'mw-content-text', 'navBar', 'HeaderNav', 'post_content', 'col-12', 'h2', 'iPhone', 'main', '__next', 'l-container']) {
    assert.equal(isGeneratedName(name), false, name);
  }
});

test('a stable id alone is enough', () => {
  assert.deepEqual(selectorFor('<div><div id="story" class="css-1x2y3z" data-target>x</div></div>'), { selector: 'div#story', exact: true });
});

test('a hashed id and generated classes are passed over for the stable class beside them', () => {
  const result = selectorFor('<main><div id="e3b0c442-98fc" class="css-1x2y3z sc-AxjAm jsx-123 story-body" data-target>x</div><div class="teaser">y</div></main>');
  assert.deepEqual(result, { selector: 'div.story-body', exact: true });
});

test('an element with only generated names is found through a stable ancestor, without positions', () => {
  const result = selectorFor('<div id="content"><section class="css-1x2y3z" data-target>x</section></div><div class="sidebar"><aside class="sc-AxjAm">y</aside></div>');
  assert.equal(result.selector, 'section');
  assert.equal(result.exact, true);
  const nested = selectorFor('<div id="content"><div class="sc-AxjAm" data-target>x</div></div><div class="rail"><div class="sc-bdVaJa">y</div></div>');
  assert.deepEqual(nested, { selector: 'div#content > div', exact: true });
});

test('state classes (is-active, open) are not used', () => {
  const result = selectorFor('<ul><li class="item is-active open" data-target>a</li></ul><ol><li class="other">b</li></ol>');
  assert.equal(result.exact, true);
  assert.doesNotMatch(result.selector!, /is-active|open/);
});

test(':nth-of-type only where siblings look alike, and only at that level', () => {
  const result = selectorFor('<div class="page"><div class="column">a</div><div class="column" data-target>b</div><div class="column">c</div></div>');
  assert.deepEqual(result, { selector: 'div.column:nth-of-type(2)', exact: true });
  const withUniqueName = selectorFor('<div class="page"><div class="column">a</div><div class="column main" data-target>b</div></div>');
  assert.deepEqual(withUniqueName, { selector: 'div.main', exact: true });
});

test('identical structures in two places: the anchor that tells them apart is kept, positions stay out', () => {
  const card = '<div class="card"><p class="text">t</p></div>';
  const result = selectorFor(`<div class="left">${card}</div><div class="right"><div class="card"><p class="text" data-target>t</p></div></div>`);
  assert.equal(result.exact, true);
  assert.doesNotMatch(result.selector!, /nth-of-type/);
  assert.match(result.selector!, /div\.right/);
});

test('a name that is no CSS identifier as written (a leading digit) is not used', () => {
  const result = selectorFor('<div class="2col" data-target>x</div><div>y</div>');
  assert.deepEqual(result, { selector: 'div:nth-of-type(1)', exact: true });
});

test('an element detached from its document has no selector', () => {
  const { document } = page('<p>x</p>');
  assert.equal(stableSelector(document.createElement('div')), null);
});

test('exactness holds on pages full of look-alike blocks', () => {
  const rows = Array.from({ length: 12 }, (_, index) => `<div class="row"><div class="cell css-${index}ab9z">${index}</div><div class="cell">x</div></div>`).join('');
  const { document } = page(`<body><div class="grid">${rows}</div><div class="grid">${rows}</div></body>`);
  for (const target of Array.from(document.querySelectorAll('.cell'))) {
    const selector = stableSelector(target)!;
    const found = Array.from(document.querySelectorAll(selector));
    assert.deepEqual(found, [target], selector);
    assert.doesNotMatch(selector, /css-/);
  }
});
