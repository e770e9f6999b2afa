import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../src/core/extract.ts';
import { extractWithRecovery, isProse, proseCoverage, textBlocks } from '../../src/core/recover.ts';
import { blockText } from '../../src/core/text.ts';
import { extractArticle } from '../../src/node/index.ts';
import { page } from '../support/dom.ts';

const sentence = (topic: string, index: number) => `${topic} paragraph ${index} goes on about the matter at hand, with commas, clauses, and plenty of ordinary words in it.`;
const paragraphs = (topic: string, count: number) => Array.from({ length: count }, (_, index) => `<p>${sentence(topic, index + 1)}</p>`).join('');

function read(html: string, uncleanedHtml: string | null = html) {
  const cleaned = page(html);
  const copies: Array<ReturnType<typeof page>> = [];
  const uncleanedPage = uncleanedHtml === null ? null : () => {
    const copy = page(uncleanedHtml);
    copies.push(copy);
    return copy.document;
  };
  const extraction = extractWithRecovery(cleaned.document, uncleanedPage);
  const text = extraction ? blockText(extraction.content) : '';
  cleaned.close();
  for (const copy of copies) copy.close();
  return { extraction, text };
}

test('text blocks: each block keeps its own text, links counted, scripts and styles unread', () => {
  const { document, close } = page('<body><div>Lead <b>bold</b><p>Inner <a href="/x">link</a> text</p>tail<script>var x = 1;</script></div></body>');
  const blocks = textBlocks(document.body).map((block) => [block.element.localName, block.text, block.linkLength]);
  close();
  assert.deepEqual(blocks, [['p', 'Inner link text', 4], ['div', 'Lead bold tail', 0]]);
});

test('prose is long running text that is not mostly links', () => {
  const { document, close } = page(`<body><p>Short label</p><p>${sentence('Story', 1)}</p><p><a href="/a">${sentence('Teaser', 1)}</a></p></body>`);
  const prose = textBlocks(document.body).filter(isProse).map((block) => block.text);
  close();
  assert.deepEqual(prose, [sentence('Story', 1)]);
});

test('prose coverage is the share of prose characters found in a text', () => {
  const { document, close } = page(`<body><p>${sentence('A', 1)}</p><p>${sentence('B', 1)}</p></body>`);
  const prose = textBlocks(document.body).filter(isProse);
  close();
  assert.equal(proseCoverage(prose, sentence('A', 1)), 0.5);
  assert.equal(proseCoverage(prose, `${sentence('A', 1)}\n\n${sentence('B', 1)}`), 1);
  assert.equal(proseCoverage([], 'anything'), 1);
});

test('a plausible article is Readability’s own, untouched by the retries', () => {
  const html = `<body><article>${paragraphs('Story', 8)}</article><aside><p>${sentence('Sidebar', 1)}</p></aside></body>`;
  const plain = page(html);
  const expected = blockText(extract(plain.document)!.content);
  plain.close();
  assert.equal(read(html).text, expected);
});

test('when cleaning took the article, the page as it was before cleaning is read instead', () => {
  // The "cleaned" page stands for a cleaning rule that removed the article's wrapper.
  const before = `<body><nav><a href="/">Home</a></nav><div class="wrapper"><article>${paragraphs('Story', 8)}</article></div></body>`;
  const after = `<body><nav><a href="/">Home</a></nav><p>${sentence('Cookie notice', 1)}</p></body>`;
  assert.match(read(after, before).text, /Story paragraph 8/);
  assert.doesNotMatch(read(after, null).text, /Story paragraph/, 'without a copy from before cleaning there is nothing to retry on');
});

test('a short article that leaves most of the page’s prose out is retried with Readability’s filters relaxed', () => {
  // "remarks" is an unlikely-candidate class to Readability: its first pass drops that
  // container and settles for the 600-character lede.
  const lede = `<div class="lede"><p>${Array.from({ length: 6 }, (_, index) => sentence('Lede', index + 1)).join(' ')}</p></div>`;
  const html = `<body>${lede}<div class="remarks">${paragraphs('Story', 20)}</div></body>`;
  const plain = page(html);
  const first = blockText(extract(plain.document)!.content);
  plain.close();
  assert.doesNotMatch(first, /Story paragraph/, 'the fixture must fool the first pass');
  const { text } = read(html);
  assert.match(text, /Story paragraph 1 /);
  assert.match(text, /Story paragraph 20 /);
});

test('the retry is dropped when it does not cover clearly more of the page’s prose', () => {
  // A short page: the first article is short but is all the prose there is.
  const html = `<body><div class="story"><p>${sentence('Only', 1)} ${sentence('Only', 2)}</p></div><footer><a href="/a">About</a></footer></body>`;
  assert.match(read(html).text, /Only paragraph 2/);
});

test('the pipeline recovers an article that Readability’s first pass misses', async () => {
  const lede = `<div class="lede"><p>${Array.from({ length: 6 }, (_, index) => sentence('Lede', index + 1)).join(' ')}</p></div>`;
  const result = await extractArticle(`<!doctype html><title>Story</title><body>${lede}<div class="remarks">${paragraphs('Story', 20)}</div></body>`, { force: true });
  assert.equal(result.kind, 'article');
  assert.match(result.kind === 'article' ? result.text : '', /Story paragraph 20 /);
});

test('a short article gives way to a much longer declared articleBody (JSON-LD), as plain text', () => {
  const story = Array.from({ length: 6 }, (_, index) => sentence('Declared', index + 1)).join('\n');
  const jsonLd = JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': 'NewsArticle', articleBody: `${story}\n<img src=x onerror=alert(1)>` }] });
  const html = `<html><head><title>T</title><script type="application/ld+json">${jsonLd}</script></head><body><article><p>${sentence('Teaser', 1)}</p></article></body></html>`;
  const { text, extraction } = read(html);
  assert.match(text, /Declared paragraph 1 goes on/);
  assert.match(text, /Declared paragraph 6 goes on/);
  assert.equal(extraction?.content.querySelector('img'), null, 'markup in the declared body stays text');
});

test('a declared articleBody no longer than the article changes nothing', () => {
  const jsonLd = JSON.stringify({ '@type': 'NewsArticle', articleBody: 'A teaser.' });
  const html = `<html><head><title>T</title><script type="application/ld+json">${jsonLd}</script></head><body><article>${paragraphs('Story', 3)}</article></body></html>`;
  const { text } = read(html);
  assert.match(text, /Story paragraph 3/);
  assert.doesNotMatch(text, /A teaser/);
});

test('a page whose content is its no-script version: read from the noscript when nothing else was found', async () => {
  const html = `<!doctype html><html><head><title>Bears</title></head><body><div id="app"></div><noscript><div id="fallback"><h1>Bears</h1>${paragraphs('Bears', 8)}</div></noscript></body></html>`;
  const result = await extractArticle(html, { url: 'https://park.example/news' });
  assert.equal(result.kind, 'article');
  if (result.kind === 'article') assert.ok(result.text.includes(sentence('Bears', 8)));
});

test('a noscript notice stays out of an article found elsewhere', async () => {
  const html = `<!doctype html><html><head><title>Story</title></head><body><article><h1>Story</h1>${paragraphs('Story', 8)}</article><noscript><p>${sentence('Enable JavaScript', 1)}</p></noscript></body></html>`;
  const result = await extractArticle(html, { url: 'https://news.example/story' });
  assert.equal(result.kind, 'article');
  if (result.kind === 'article') assert.ok(!result.text.includes('Enable JavaScript'));
});
