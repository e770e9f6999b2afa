import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findInvisible, removeCopies, textCounter, visibleTextLength } from '../../src/content/layout-signals.ts';
import { CleanedPlaces } from '../../src/content/cleaned-places.ts';
import { page } from '../support/dom.ts';

const PAGE = `<body>
  <nav>Home  News</nav>
  <script>var payload = "not text a reader sees";</script><style>p { color: red }</style>
  <article><h1>River town</h1><p>The old bridge stood.</p><noscript><img src="x.gif"></noscript>
  <p>Every   morning the baker crossed it.</p><template><p>never shown</p></template></article>
</body>`;

test('visible text length: characters a reader could see, without whitespace, scripts, styles, noscript or templates', () => {
  const { document, close } = page(PAGE);
  assert.equal(visibleTextLength(document.body), 'HomeNewsRivertownTheoldbridgestood.Everymorningthebakercrossedit.'.length);
  close();
});

test('the page text counter is exact up to its bound, only says "more" past it, and resumes where it stopped', () => {
  const { document, close } = page(PAGE);
  const total = 'HomeNewsRivertownTheoldbridgestood.Everymorningthebakercrossedit.'.length;
  const upTo = textCounter(document.body);
  const first = upTo(5);
  assert.ok(first > 5 && first < total, `stopped early: ${first} of ${total}`);
  assert.equal(upTo(3), first, 'a smaller bound asks nothing new');
  const second = upTo(first + 10);
  assert.ok(second > first + 10 && second <= total, 'resumed past the new bound');
  assert.equal(upTo(total), total, 'exact when the text is no longer than the bound');
  assert.equal(upTo(Number.POSITIVE_INFINITY), total, 'the walk is over: the same exact total');
  assert.equal(textCounter(document.body)(total - 1), total, 'one past the bound is enough to say "more"');
  close();
});

/**
 * A page whose styles and boxes are given (jsdom lays nothing out): elements with `data-hide`
 * are `display: none`, the rest visible blocks of 100 × 20 px.
 */
function laidOutPage(body: string) {
  const opened = page(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`);
  const { window } = opened;
  const elementPrototype = (window as unknown as { Element: typeof Element }).Element.prototype;
  elementPrototype.getBoundingClientRect = () => ({ width: 100, height: 20, left: 0, top: 0, right: 100, bottom: 20, x: 0, y: 0, toJSON: () => ({}) }) as DOMRect;
  const view = {
    scrollX: 0,
    scrollY: 0,
    getComputedStyle: (element: Element) => ({ display: element.hasAttribute('data-hide') ? 'none' : 'block', visibility: 'visible', position: 'static', overflow: 'visible' }),
  } as unknown as Window;
  return { ...opened, view };
}

const LAYOUT_BODY = '<main><script>1</script><p data-hide>menu</p><br><p>kept one</p><p data-hide>ad</p><div><span>kept two</span><span data-hide>x</span></div><p data-hide>last</p></main><p>kept three ' + 'words '.repeat(40) + '</p>';

test('findInvisible reads the live page only; removeCopies takes the same elements out of a clone, by place, never touching the page', () => {
  const { document, view, close } = laidOutPage(LAYOUT_BODY);
  const before = document.body.innerHTML;
  const found = findInvisible(document, view);
  assert.deepEqual(found.removals.map((removal) => `${removal.rule} ${removal.element}`), ['hidden-by-style p', 'hidden-by-style p', 'hidden-by-style span', 'hidden-by-style p']);
  // Skipped no-box elements (script, br) still count in a place.
  assert.deepEqual(found.paths, [[0, 1], [0, 4], [0, 5, 1], [0, 6]]);
  const clone = document.cloneNode(true) as Document;
  removeCopies(clone, found);
  assert.equal(document.body.innerHTML, before, 'the live page is unchanged');
  assert.doesNotMatch(clone.body.innerHTML, /data-hide/);
  assert.equal(clone.querySelectorAll('p, span').length, 3, 'the three visible blocks stay');
  close();
});

test('removeCopies finds its way through a form whose field is named "children", and leaves a copy that is not what was judged', () => {
  const { document, view, close } = laidOutPage('<form><select name="children"><option>0</option><option>1</option></select><div data-hide>hidden</div></form><p>' + 'words '.repeat(40) + '</p>');
  const found = findInvisible(document, view);
  assert.deepEqual(found.paths, [[0, 1]]);
  const clone = document.cloneNode(true) as Document;
  const form = clone.querySelector('form')!;
  // What a browser does for a form control named "children" (jsdom does not).
  Object.defineProperty(form, 'children', { get: () => form.querySelector('select') });
  removeCopies(clone, found);
  assert.equal(clone.querySelectorAll('option').length, 2, 'no option lost');
  assert.equal(clone.querySelector('[data-hide]'), null, 'the hidden block is gone');

  const other = document.cloneNode(true) as Document;
  other.querySelector('form > div')!.replaceWith(other.createElement('section'));
  removeCopies(other, found);
  assert.ok(other.querySelector('form > section'), 'a different element at that place is kept');
  close();
});

test('after cleaning: the layout stage skips what cleaning took from the clone, and removes what it finds from the cleaned clone by place', () => {
  const { document, view, close } = laidOutPage('<nav data-hide><a>menu</a></nav><div class="c"><p>one</p><p data-hide>hidden one</p></div><div class="c"><p data-hide>gone with its block</p></div><p data-hide>hidden two</p><p class="c">ad</p><p>' + 'words '.repeat(40) + '</p>');
  const clone = document.cloneNode(true) as Document;
  const places = new CleanedPlaces(clone.body);
  // Cleaning takes the second div and the last .c paragraph, later ones first.
  for (const element of [clone.querySelectorAll('.c')[2]!, clone.querySelectorAll('.c')[1]!]) {
    places.record(element);
    element.remove();
  }
  const found = findInvisible(document, view, places);
  assert.deepEqual(found.removals.map((removal) => removal.element), ['nav', 'p', 'p'], 'the hidden paragraph in the block cleaning took is not judged');
  assert.deepEqual(found.paths, [[0], [1, 1], [3]], 'places as the page has them');
  removeCopies(clone, found, places);
  assert.equal(clone.body.innerHTML.replace(/words /g, ''), '<div class="c"><p>one</p></div><p></p>');
  close();
});

test('after cleaning, on random pages: the clone ends without exactly what cleaning and the layout stage took, whatever the order of removals', () => {
  let seed = 7;
  const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const tags = ['div', 'p', 'span', 'section', 'ul', 'li', 'br', 'script', 'em'];
  const tree = (depth: number): string =>
    Array.from({ length: Math.floor(next() * 4) }, () => {
      const tag = tags[Math.floor(next() * tags.length)]!;
      const marks = `${next() < 0.15 ? ' data-hide' : ''}${next() < 0.15 ? ' data-clean' : ''}`;
      if (tag === 'br') return `<br${marks}>`;
      return `<${tag}${marks}>x${depth < 4 ? tree(depth + 1) : ''}</${tag}>`;
    }).join('');
  for (let round = 0; round < 300; round++) {
    const { document, view, close } = laidOutPage(`${tree(0)}<p>${'words '.repeat(2000)}</p>`);
    const clone = document.cloneNode(true) as Document;
    const places = new CleanedPlaces(clone.body);
    const marked = Array.from(clone.body.querySelectorAll('[data-clean]'));
    for (let index = marked.length - 1; index > 0; index--) {
      const other = Math.floor(next() * (index + 1));
      [marked[index], marked[other]] = [marked[other]!, marked[index]!];
    }
    for (const element of marked) {
      if (!element.isConnected) continue;
      places.record(element);
      element.remove();
    }
    removeCopies(clone, findInvisible(document, view, places), places);

    const expected = document.cloneNode(true) as Document;
    for (const element of Array.from(expected.body.querySelectorAll('[data-clean], [data-hide]:not(script, br)'))) element.remove();
    assert.equal(clone.body.innerHTML, expected.body.innerHTML, document.body.innerHTML);
    close();
  }
});

test('a place recorded twice counts once', () => {
  const { document, close } = page('<body><p>a</p><p>b</p><p>c</p></body>');
  const places = new CleanedPlaces(document.body);
  const second = document.body.children[1]!;
  places.record(second);
  places.record(second);
  assert.deepEqual(places.root.removed, [1]);
  close();
});
