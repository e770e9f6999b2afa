// The content script's page reading (src/content/extract-page.ts) on a jsdom page standing in for the
// live one: jsdom lays nothing out, so styles and boxes are given (`data-hide` is display: none).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { page } from '../support/dom.ts';

const { document, window, close } = page(`<!doctype html><html><head><title>t</title></head><body><p>one</p><readmark-reader></readmark-reader><p>two</p><p data-hide>hidden</p><div class="comments"><p>${'a comment '.repeat(20)}</p></div><p>three ${'words '.repeat(200)}</p></body></html>`);
(window as unknown as { Element: typeof Element }).Element.prototype.getBoundingClientRect = () => ({ width: 100, height: 20, left: 0, top: 0, right: 100, bottom: 20, x: 0, y: 0, toJSON: () => ({}) }) as DOMRect;
(window as unknown as { getComputedStyle: (element: Element) => Partial<CSSStyleDeclaration> }).getComputedStyle = (element) => ({ display: element.hasAttribute('data-hide') ? 'none' : 'block', visibility: 'visible', position: 'static', overflow: 'visible' });
Object.assign(globalThis, { document, window });
const { uncleanedVisibleClone, visibleClone } = await import('../../src/content/extract-page.ts');
const paragraphs = (doc: Document) => Array.from(doc.body.children, (child) => child.textContent!.split(' ')[0]);

test('visibleClone: cleaned, without what the page hides, without the reader, even when a script moved the reader into body', () => {
  const before = document.body.innerHTML;
  const { clone, cleaned, layoutRemovals } = visibleClone();
  assert.deepEqual(paragraphs(clone), ['one', 'two', 'three']);
  assert.deepEqual(cleaned.removals.map((removal) => removal.rule), ['comments']);
  assert.deepEqual(layoutRemovals.map((removal) => `${removal.rule} ${removal.element}`), ['hidden-by-style p']);
  assert.equal(document.body.innerHTML, before, 'the live page is unchanged');
});

test('uncleanedVisibleClone: not cleaned, without what the page hides and without the reader', () => {
  assert.deepEqual(paragraphs(uncleanedVisibleClone()), ['one', 'two', 'a', 'three']);
});

test.after(close);
