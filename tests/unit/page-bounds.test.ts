import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exceededBound, liftPastBounds, tooComplex, type PageBounds } from '../../src/core/page-bounds.ts';
import { extractArticle, NODE_BOUNDS } from '../../src/node/index.ts';
import { articlePage, page } from '../support/dom.ts';

const SMALL: PageBounds = { depth: 20, elements: 200, nesting: 2_000 };

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

test('nesting: within depth and size, too much of the page sits deep', (t) => {
  // 15 unclosed divs, then 120 paragraphs at depth 18: 120 × 18 alone is past 2,000.
  const parsed = page(`<title>Unclosed</title>${'<div>'.repeat(15)}${'<p>x</p>'.repeat(120)}`);
  t.after(parsed.close);
  const exceeded = exceededBound(parsed.document, SMALL);
  assert.equal(exceeded?.what, 'nesting');
  assert.ok(exceeded!.value > 2_000 && exceeded!.value < 2_500, String(exceeded?.value));
});

/** Each element's tag and depth, and each text, in document order. */
function outline(doc: Document): { text: string; deepest: number; paragraphs: string[] } {
  let deepest = 0;
  const visit = (element: Element, depth: number) => {
    deepest = Math.max(deepest, depth);
    for (const child of Array.from(element.querySelectorAll(':scope > *'))) visit(child, depth + 1);
  };
  visit(doc.documentElement, 1);
  return { text: doc.body.textContent!, deepest, paragraphs: Array.from(doc.querySelectorAll('p')).map((p) => p.innerHTML) };
}

test('liftPastBounds: blocks past the depth bound come up to it, text and paragraphs as they were', (t) => {
  const parsed = page(`<title>Deep</title><article>${'<div>level <p>A <a href="/x">link</a> in a paragraph.</p>'.repeat(60)}<p>Last <b><i>words</i></b>.</p></article>`);
  t.after(parsed.close);
  const before = outline(parsed.document);
  assert.equal(exceededBound(parsed.document, SMALL)?.what, 'depth');
  liftPastBounds(parsed.document, SMALL);
  const after = outline(parsed.document);
  assert.equal(after.text, before.text);
  assert.deepEqual(after.paragraphs, before.paragraphs);
  // A paragraph at the bound keeps its inline elements below it.
  assert.ok(after.deepest <= SMALL.depth + 3, String(after.deepest));
  assert.ok(before.deepest > 60);
});

test('liftPastBounds: blocks at the bottom of a deep inline chain are lifted with it, and a long run is split', (t) => {
  // `<p>` opens inside unclosed spans: the spans hold no block as children, only deep inside.
  const parsed = page(`<title>Spans</title>${'<span>'.repeat(60)}${'<p>A paragraph of words.</p>'.repeat(250)}`);
  t.after(parsed.close);
  const before = outline(parsed.document);
  liftPastBounds(parsed.document, SMALL);
  const after = outline(parsed.document);
  assert.equal(after.text, before.text);
  assert.deepEqual(after.paragraphs, before.paragraphs);
  assert.ok(after.deepest <= SMALL.depth + 2, String(after.deepest));
  // 250 paragraphs at one level would be one element's 250 children: runs of 100 share a div.
  const widest = Math.max(...Array.from(parsed.document.querySelectorAll('*'), (element) => element.querySelectorAll(':scope > p').length));
  assert.ok(widest <= 101, String(widest));
});

test('liftPastBounds: a page within its bounds is left as it is', (t) => {
  const markup = `<title>Fine</title>${'<div><p>x</p></div>'.repeat(20)}`;
  const parsed = page(markup);
  t.after(parsed.close);
  const before = parsed.document.documentElement.outerHTML;
  liftPastBounds(parsed.document, SMALL);
  assert.equal(parsed.document.documentElement.outerHTML, before);
});

test('liftPastBounds: past the nesting bound, blocks are lifted to a depth that keeps it, never above 48', (t) => {
  const bounds: PageBounds = { depth: 513, elements: 50_000, nesting: 20_000 };
  // 100 nested divs, then 300 paragraphs at depth 103: 31,000 in all.
  const parsed = page(`<title>Unclosed</title>${'<div>'.repeat(100)}${'<p>words</p>'.repeat(300)}`);
  t.after(parsed.close);
  liftPastBounds(parsed.document, bounds);
  const after = exceededBound(parsed.document, bounds);
  assert.equal(after, null);
  assert.equal(parsed.document.querySelectorAll('p').length, 300);
  assert.ok(outline(parsed.document).deepest >= 48);
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

test('extractArticle: force reads a page nested 2,000 deep within seconds, its text in order', async () => {
  // The fuzz run's seed 56 in small: a chain of paragraphs in unclosed divs, then the article.
  const story = Array.from({ length: 400 }, (_, index) => `<p>Paragraph ${index} of the story, with a <a href="/n${index}">link</a> in it.</p>`).join('');
  const markup = articlePage(`${'<div><p>x'.repeat(2_000)}${story}`);
  assert.equal((await extractArticle(markup)).kind, 'not-article');
  const started = performance.now();
  const result = await extractArticle(markup, { force: true });
  const spent = performance.now() - started;
  assert.equal(result.kind, 'article');
  const text = result.kind === 'article' ? result.text : '';
  assert.ok(text.indexOf('Paragraph 0 of') < text.indexOf('Paragraph 399 of') && text.includes('Paragraph 0 of'), text.slice(0, 300));
  assert.ok(spent < 30_000, `${spent} ms`);
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
