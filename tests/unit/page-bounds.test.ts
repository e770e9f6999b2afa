import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exceededBound, tooComplex, type PageBounds } from '../../src/core/page-bounds.ts';
import { extractArticle, NODE_BOUNDS } from '../../src/node/index.ts';
import { articlePage, page } from '../support/dom.ts';

const SMALL: PageBounds = { depth: 20, elements: 200 };

/** A chain of `depth` divs built by script, as a page's own code can (the parser stops at 513). */
function scriptNested(doc: Document, depth: number): void {
  let parent: Element = doc.body;
  for (let level = 0; level < depth; level++) parent = parent.appendChild(doc.createElement('div'));
  parent.textContent = 'deepest';
}

test('an ordinary page is within the bounds', (t) => {
  const parsed = page(articlePage('<p>More.</p>'));
  t.after(parsed.close);
  assert.equal(exceededBound(parsed.document, NODE_BOUNDS), null);
  assert.equal(exceededBound(parsed.document, SMALL), null);
});

test('depth: the deepest element counts, the root element being 1', (t) => {
  const parsed = page('<title>Deep</title>');
  t.after(parsed.close);
  scriptNested(parsed.document, 18);
  // html > body > 18 divs
  assert.equal(exceededBound(parsed.document, SMALL), null);
  parsed.document.querySelector('div')!.append(parsed.document.createElement('p'));
  scriptNested(parsed.document, 19);
  assert.deepEqual(exceededBound(parsed.document, SMALL), { what: 'depth', value: 21, limit: 20 });
});

test('elements: the count past the bound, the whole page counted', (t) => {
  const parsed = page(`<title>Many</title>${'<p>x</p>'.repeat(300)}`);
  t.after(parsed.close);
  assert.deepEqual(exceededBound(parsed.document, SMALL), { what: 'elements', value: 304, limit: 200 });
});

test('the result says what was exceeded', (t) => {
  const parsed = page('<title> Deep page </title>');
  t.after(parsed.close);
  const result = tooComplex(parsed.document, 'https://example.test/', { what: 'depth', value: 5000, limit: 513 });
  assert.deepEqual(result, {
    kind: 'not-article', url: 'https://example.test/', title: 'Deep page', reason: 'too-complex',
    message: 'This page is too complex to read: its elements nest 5000 deep (the limit is 513).',
    limit: { what: 'depth', value: 5000, limit: 513 },
  });
});

test('extractArticle: a page past the element bound is too complex at once; force reads it', async () => {
  const paragraphs = Array.from({ length: NODE_BOUNDS.elements / 2 + 10 }, () => '<p>word <b>w</b></p>').join('');
  const started = performance.now();
  const result = await extractArticle(articlePage(paragraphs));
  assert.equal(result.kind, 'not-article');
  assert.equal(result.kind === 'not-article' && result.reason, 'too-complex');
  assert.equal(result.kind === 'not-article' && result.limit?.what, 'elements');
  assert.ok(performance.now() - started < 15_000);
});

test('extractArticle: markup nested 100 deep is read; 512, 2,000 and 10,000 deep are too complex, each within the bound', async () => {
  for (const depth of [100, 512, 2_000, 10_000]) {
    const started = performance.now();
    const result = await extractArticle(articlePage('<div>nested words, '.repeat(depth)));
    const spent = performance.now() - started;
    if (depth < NODE_BOUNDS.depth) {
      assert.equal(result.kind, 'article', `depth ${depth}`);
    } else {
      assert.equal(result.kind === 'not-article' && result.limit?.what, 'depth', `depth ${depth}`);
      assert.match(result.kind === 'not-article' ? result.message : '', /nest \d+ deep \(the limit is 256\)/);
    }
    // Refused before Readability runs: far below the CLI's default --timeout-per-page of 30 s.
    assert.ok(spent < 30_000, `depth ${depth}: ${spent} ms`);
  }
});
