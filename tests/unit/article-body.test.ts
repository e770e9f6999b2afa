// The reader's article element (src/content/article-body.ts): a long article's start before the
// first frame, its rest after; put together, the same nodes as the whole article at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COUNTED_BLOCKS, FIRST_PAINT_BLOCKS, articleBody } from '../../src/content/article-body.ts';
import { LONG_ARTICLE_BLOCKS, LONG_ARTICLE_CLASS, SKIPPABLE_BLOCKS } from '../../src/content/overlay-styles.ts';
import { sanitizeArticleHtml } from '../../src/core/sanitize.ts';
import { page } from '../support/dom.ts';

const { document, window, close } = page('<!doctype html><body></body>');
test.after(close);

/** Readability's output shape: blocks in `<div class="page">`, sanitized as the pipeline does. */
function source(blocks: string, wrappers = 1): HTMLElement {
  const html = '<div>'.repeat(wrappers) + blocks + '</div>'.repeat(wrappers);
  return sanitizeArticleHtml(html, window);
}

function blocksOf(count: number, from = 0): string {
  return Array.from({ length: count }, (_, index) => {
    const n = from + index;
    if (n % 17 === 5) return `<table><tr><td>cell ${n}</td></tr></table>`;
    if (n % 13 === 3) return `<figure><img src="https://news.example/${n}.png" alt="figure ${n}"><figcaption>caption ${n}</figcaption></figure>`;
    if (n % 11 === 7) return `<ul><li>item ${n}a</li><li>item ${n}b</li></ul>`;
    return `<p>Paragraph ${n} with <a href="https://news.example/ref/${n}">a link</a> and <em>words</em>.</p>`;
  }).join('');
}

/** What the reader shows for the whole article: the source's nodes with its three adaptations. */
function expectedHtml(body: HTMLElement): string {
  const copy = body.cloneNode(true) as HTMLElement;
  for (const table of Array.from(copy.querySelectorAll('table'))) {
    const wrapper = copy.ownerDocument.createElement('div');
    wrapper.className = 'table-scroll';
    table.replaceWith(wrapper);
    wrapper.append(table);
  }
  for (const link of Array.from(copy.querySelectorAll('a[href]'))) {
    link.setAttribute('target', '_blank');
    link.setAttribute('rel', 'noopener noreferrer');
  }
  return copy.innerHTML;
}

function shown(sanitizedBody: HTMLElement, html = '') {
  return articleBody({ html, lang: 'en', dir: 'rtl' }, sanitizedBody, document);
}

test('a short article goes in whole before the first frame, with nothing held back', () => {
  const body = source(blocksOf(LONG_ARTICLE_BLOCKS - 10));
  const { body: article, rest } = shown(body);
  assert.equal(rest, null);
  assert.equal(article.innerHTML, expectedHtml(body));
  assert.ok(!article.classList.contains(LONG_ARTICLE_CLASS));
  assert.equal(article.lang, 'en');
  assert.equal(article.dir, 'rtl');
});

test('a long article shows its start first; with the rest appended it is the whole article, wrappers copied once', () => {
  for (const wrappers of [0, 1, 3]) {
    const body = source(blocksOf(400), wrappers);
    const { body: article, rest } = shown(body);
    assert.ok(article.classList.contains(LONG_ARTICLE_CLASS));
    assert.ok(rest, `held back (${wrappers} wrappers)`);
    const first = article.querySelectorAll(SKIPPABLE_BLOCKS).length;
    assert.ok(first >= FIRST_PAINT_BLOCKS && first < FIRST_PAINT_BLOCKS + 5, `${first} blocks before the first frame (${wrappers} wrappers)`);
    assert.match(article.textContent!, /^Paragraph 0 /);
    rest();
    assert.equal(article.innerHTML, expectedHtml(body), `whole after the rest, each wrapper once (${wrappers} wrappers)`);
    const images = Array.from(article.querySelectorAll('img'));
    assert.ok(images.length > 10);
    // jsdom keeps these as properties only, so expectedHtml cannot show them.
    assert.ok(images.every((image) => image.loading === 'lazy' && image.decoding === 'async'), 'every image, held back or not, loads lazily');
  }
});

test('long from LONG_ARTICLE_BLOCKS blocks, a table counted as the one block the reader makes of it', () => {
  const tables = '<table><tr><td>a</td><td>b</td></tr></table>'.repeat(5);
  const paragraphs = (count: number) => '<p>Words.</p>'.repeat(count);
  assert.ok(shown(source(paragraphs(LONG_ARTICLE_BLOCKS - 5) + tables)).body.classList.contains(LONG_ARTICLE_CLASS));
  assert.ok(!shown(source(paragraphs(LONG_ARTICLE_BLOCKS - 6) + tables)).body.classList.contains(LONG_ARTICLE_CLASS));
});

test('the flow is never looked for inside a table, a list or a link, and a no-break space beside a wrapper stays', () => {
  const cases = {
    table: `<table><tbody><tr><td>${blocksOf(300)}</td></tr></tbody></table>`,
    link: `<a href="https://wrap.example/"><div>${blocksOf(300)}</div></a>`,
    list: `<ol reversed><li>${blocksOf(100)}</li></ol>`,
    nbsp: `&nbsp;<div>${blocksOf(300)}</div>&nbsp;`,
  };
  for (const [name, html] of Object.entries(cases)) {
    const body = sanitizeArticleHtml(html, window);
    const { body: article, rest } = shown(body);
    rest?.();
    assert.equal(article.innerHTML, expectedHtml(body), name);
  }
});

test('a long article in a few big sections splits between sections, never inside one', () => {
  const sections = Array.from({ length: 4 }, (_, index) => `<section>${blocksOf(50, index * 50)}</section>`).join('');
  const body = source(sections);
  const counted = (section: Element) => section.querySelectorAll(COUNTED_BLOCKS).length;
  const [first, second] = Array.from(body.querySelectorAll('section'), counted);
  assert.ok(first! < FIRST_PAINT_BLOCKS && first! + second! >= FIRST_PAINT_BLOCKS, 'the case this test is about');
  const { body: article, rest } = shown(body);
  assert.equal(article.querySelectorAll('section').length, 2, 'the first section alone holds fewer than FIRST_PAINT_BLOCKS blocks; with the second they pass it');
  assert.ok(rest);
  rest();
  assert.equal(article.innerHTML, expectedHtml(body));
});

test('text beside the wrapper keeps it as the flow: the split is among its own children', () => {
  const body = sanitizeArticleHtml(`<div>Loose text <div>${blocksOf(300)}</div></div>`, window);
  const { body: article, rest } = shown(body);
  assert.equal(rest, null, 'one child of the flow holds every block, so nothing can be held back');
  assert.equal(article.innerHTML, expectedHtml(body));
});

test('an article from elsewhere (HTML only) is sanitized here and split the same way', () => {
  const html = `<div>${blocksOf(300)}<img src="x" onerror="alert(1)"><script>alert(2)</script></div>`;
  const { body: article, rest } = articleBody({ html, lang: null, dir: null }, null, document);
  assert.ok(rest);
  rest();
  assert.doesNotMatch(article.innerHTML, /onerror|<script|alert/);
  assert.equal(article.querySelectorAll('p').length, blocksOf(300).match(/<p>/g)!.length);
});
