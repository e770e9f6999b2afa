import { test } from 'node:test';
import assert from 'node:assert/strict';
import { narrow, pointAt, step, widen, type PickLayout, type PickState } from '../../src/core/pick-path.ts';
import { page } from '../support/dom.ts';

/**
 * A page with its layout described by attributes (jsdom lays nothing out): `data-inline` marks
 * inline elements, and elements with the same `data-box` share one box.
 */
function setup() {
  const { document } = page(`<body>
    <div id="page" data-box="page">
      <div id="main" data-box="story"><div id="wrapper" data-box="story"><article id="story" data-box="story">
        <h1 id="title" data-box="title">Title</h1>
        <p id="first" data-box="first">First <a id="link" data-inline href="/x">link <b id="bold" data-inline>bold</b></a></p>
        <script id="script" data-hidden></script>
        <p id="second" data-box="second">Second</p>
      </article></div></div>
      <aside id="rail" data-box="rail"><p id="essay" data-box="essay">Essay</p></aside>
    </div></body>`);
  const layout: PickLayout = {
    top: document.body,
    isBlock: (element) => !element.hasAttribute('data-inline') && !element.hasAttribute('data-hidden'),
    sameBox: (a, b) => a.getAttribute('data-box') !== null && a.getAttribute('data-box') === b.getAttribute('data-box'),
  };
  const byId = (id: string) => document.getElementById(id)!;
  const ids = (state: PickState) => ({ pointed: state.pointed.id || state.pointed.localName, chosen: state.chosen.id || state.chosen.localName });
  return { layout, byId, ids };
}

test('the block under the pointer is the nearest block around the element there, not an inline one', () => {
  const { layout, byId, ids } = setup();
  assert.deepEqual(ids(pointAt(null, byId('bold'), layout)), { pointed: 'first', chosen: 'first' });
});

test('widening skips wrappers with the same box; narrowing comes back the same way, to the innermost wrapper, then the pointed block', () => {
  const { layout, byId, ids } = setup();
  let state = pointAt(null, byId('link'), layout);
  state = widen(state, layout);
  assert.deepEqual(ids(state), { pointed: 'first', chosen: 'story' });
  state = widen(state, layout);
  assert.deepEqual(ids(state), { pointed: 'first', chosen: 'page' }, 'main and wrapper share the story\'s box');
  state = widen(state, layout);
  assert.deepEqual(ids(state), { pointed: 'first', chosen: 'body' });
  assert.deepEqual(ids(widen(state, layout)), ids(state), 'never wider than the body');
  state = narrow(state, layout);
  assert.deepEqual(ids(state), { pointed: 'first', chosen: 'page' });
  state = narrow(state, layout);
  assert.deepEqual(ids(state), { pointed: 'first', chosen: 'story' });
  state = narrow(state, layout);
  assert.deepEqual(ids(state), { pointed: 'first', chosen: 'first' });
  assert.deepEqual(ids(narrow(state, layout)), ids(state), 'never narrower than the pointed block');
});

test('moving inside the widened block keeps it; moving out of it starts again from the block there', () => {
  const { layout, byId, ids } = setup();
  let state = widen(pointAt(null, byId('first'), layout), layout);
  state = pointAt(state, byId('second'), layout);
  assert.deepEqual(ids(state), { pointed: 'second', chosen: 'story' });
  assert.deepEqual(ids(narrow(state, layout)), { pointed: 'second', chosen: 'second' }, 'narrowing now heads for the block under the pointer');
  state = pointAt(state, byId('essay'), layout);
  assert.deepEqual(ids(state), { pointed: 'essay', chosen: 'essay' });
});

test('a block chosen without widening (where picking started) does not hold the pointer inside it', () => {
  const { layout, byId, ids } = setup();
  const started = pointAt(null, byId('story'), layout);
  assert.deepEqual(ids(pointAt(started, byId('second'), layout)), { pointed: 'second', chosen: 'second' });
});

test('arrow keys left and right move to the neighbouring block, skipping what has no box', () => {
  const { layout, byId, ids } = setup();
  const state = pointAt(null, byId('first'), layout);
  assert.deepEqual(ids(step(state, 'next', layout)), { pointed: 'second', chosen: 'second' }, 'the script between them is skipped');
  assert.deepEqual(ids(step(state, 'previous', layout)), { pointed: 'title', chosen: 'title' });
  const title = step(state, 'previous', layout);
  assert.deepEqual(ids(step(title, 'previous', layout)), ids(title), 'no block before the first');
});
