import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractArticle } from '../../src/node/index.ts';
import { pageSignals, teaserTexts } from '../../src/core/verdict/page-signals.ts';
import { articleVerdict, type ArticleSignals } from '../../src/core/verdict/verdict.ts';
import type { PageSignals } from '../../src/core/verdict/page-signals.ts';
import { page } from '../support/dom.ts';

const FIXTURES = new URL('../fixtures/verdict/', import.meta.url).pathname;

const plainPage: PageSignals = { declaredType: null, declaredAs: [], hasHeadline: false, hasDateOrAuthor: false, probablyReaderable: false, teaserTexts: [] };
const prose: ArticleSignals = { words: 120, blocks: 4, linkDensity: 0.05, proseWords: 110, teaserShare: 0 };

test('each signal makes the verdict fire, and its absence does not', () => {
  assert.equal(articleVerdict(plainPage, prose).reason, null, 'plain prose is an article');
  assert.equal(articleVerdict(plainPage, { ...prose, teaserShare: 0.6 }).reason, 'listing');
  assert.equal(articleVerdict(plainPage, { ...prose, teaserShare: 0.4 }).reason, null, 'a few teasers in an article');
  assert.equal(articleVerdict(plainPage, { ...prose, linkDensity: 0.6 }).reason, 'links');
  assert.equal(articleVerdict(plainPage, { ...prose, words: 30, proseWords: 12 }).reason, 'too-little-text');
  assert.equal(articleVerdict(plainPage, { ...prose, words: 30, proseWords: 25 }).reason, null, 'one sentence-long paragraph is enough');
  assert.equal(articleVerdict(plainPage, { ...prose, words: 160, proseWords: 0 }).reason, null, 'enough words in short blocks');
});

test('a page that declares itself an article, or is dated, is shown however short', () => {
  const short = { ...prose, words: 20, proseWords: 0 };
  assert.equal(articleVerdict({ ...plainPage, declaredType: 'article' }, short).reason, null);
  assert.equal(articleVerdict({ ...plainPage, hasDateOrAuthor: true }, short).reason, null);
  assert.equal(articleVerdict({ ...plainPage, declaredType: 'article' }, { ...prose, teaserShare: 0.9 }).reason, null, 'a declared article with many teasers is a roundup');
  assert.equal(articleVerdict({ ...plainPage, declaredType: 'listing' }, short).reason, 'too-little-text');
});

test('the verdict reports its signals, without the teaser texts themselves', () => {
  const verdict = articleVerdict({ ...plainPage, teaserTexts: ['a', 'b'] }, prose);
  assert.deepEqual(verdict.article, prose);
  assert.equal(verdict.page.teasers, 2);
  assert.ok(!('teaserTexts' in verdict.page));
});

test('page signals: declared type from og:type and JSON-LD, the graph included', () => {
  const read = (head: string) => {
    const parsed = page(`<!doctype html><html><head><title>T</title>${head}</head><body><p>x</p></body></html>`);
    const signals = pageSignals(parsed.document);
    parsed.close();
    return signals;
  };
  assert.equal(read('<meta property="og:type" content="article">').declaredType, 'article');
  assert.equal(read('<meta property="og:type" content="website">').declaredType, 'other');
  assert.equal(read('<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite"},{"@type":"NewsArticle"}]}</script>').declaredType, 'article');
  assert.equal(read('<script type="application/ld+json">{"@type":"CollectionPage"}</script><meta property="og:type" content="article">').declaredType, 'listing');
  assert.equal(read('<script type="application/ld+json">{ broken</script>').declaredType, null);
  assert.equal(read('').declaredType, null);
});

test('page signals: a date, a headline the title names', () => {
  const parsed = page('<!doctype html><html><head><title>Rain on Monday - The Paper</title></head><body><h1>Rain on Monday</h1><time datetime="2024-01-01">Jan 1</time><form><input type="password"></form></body></html>');
  const signals = pageSignals(parsed.document);
  parsed.close();
  assert.equal(signals.hasHeadline, true);
  assert.equal(signals.hasDateOrAuthor, true);
});

test('teasers: repeated cards whose headline is a link, in any script; not links inside sentences', () => {
  const card = (headline: string, summary: string, index: number) => `<div class="card post-${100 + index}"><h3><a href="/s/${index}">${headline}</a></h3><p>${summary}</p></div>`;
  const cards = (headline: string, summary: string) => Array.from({ length: 5 }, (_, index) => card(`${headline} ${index}`, summary, index)).join('');
  const read = (body: string) => {
    const parsed = page(`<!doctype html><body><main>${body}</main></body>`);
    const texts = teaserTexts(parsed.document.body);
    parsed.close();
    return texts;
  };
  assert.equal(read(cards('Council approves new budget for the town', 'The council met on Monday and approved the budget after a long debate about the library.')).length, 5);
  assert.equal(read(cards('北陆初雪比往年早六天', '气象台表示，十四日早晨北陆地区山区观测到今季第一场雪。')).length, 5, 'Chinese headlines count by character');
  const sentences = Array.from({ length: 6 }, (_, index) => `<p>As the minister said in <a href="/interview/${index}">an interview with the paper last week</a>, the plan will go ahead next spring.</p>`).join('');
  assert.equal(read(sentences).length, 0, 'links inside sentences are no headlines');
  assert.equal(read(cards('Council approves new budget for the town', 'Short.').slice(0, 2 * 130)).length, 0, 'fewer than four repeats');
});

const fixture = (file: string) => readFileSync(`${FIXTURES}${file}`);

test('labelled pages in several languages: articles shown, listings refused', async () => {
  const expectations: Array<[string, string, string | null]> = [
    ['positives/zh-kuaixun.html', 'https://news.example-xinwen.cn/a/1.html', null],
    ['positives/ar-news-brief-rtl.html', 'https://www.almithal-news.example/a/1', null],
    ['positives/de-kurzmeldung.html', 'https://www.example-news.de/a/1.html', null],
    ['positives/en-list-roundup-numbered.html', 'https://example.com/roundup', null],
    ['negatives/zh-section-front-guonei.html', 'https://news.example-xinwen.cn/china/', 'listing'],
    ['negatives/ar-search-results.html', 'https://www.almithal-news.example/search', 'listing'],
    ['negatives/de-section-front-politik.html', 'https://www.example-news.de/politik/', 'listing'],
    ['negatives/en-login.html', 'https://example.com/login', 'too-little-text'],
    ['negatives/en-404.html', 'https://example.com/missing', 'too-little-text'],
  ];
  for (const [file, url, reason] of expectations) {
    const result = await extractArticle(fixture(file), { url });
    assert.equal(result.kind === 'not-article' ? result.reason : null, reason, file);
    assert.ok(result.verdict, `${file} carries the verdict's signals`);
  }
});

test('force shows what the verdict refused, with the verdict kept for the trace', async () => {
  const result = await extractArticle(fixture('negatives/de-section-front-politik.html'), { url: 'https://www.example-news.de/politik/', force: true });
  assert.equal(result.kind, 'article');
  assert.equal(result.kind === 'article' && result.verdict.reason, 'listing');
});
