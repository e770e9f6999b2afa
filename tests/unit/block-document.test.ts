import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { keepOnly } from '../../src/core/block-document.ts';
import { readArticle } from '../../src/core/read-article.ts';
import { stableSelector } from '../../src/core/stable-selector.ts';
import { extractArticle } from '../../src/node/index.ts';
import { page } from '../support/dom.ts';

const SIDEBAR_WINS = readFileSync(new URL('../fixtures/pick/sidebar-wins.html', import.meta.url), 'utf8');
const STORY = 'adds an early crossing at six o\'clock';
const ESSAY = 'a squat steamer called the Morning Star';
const URL_OF_PAGE = 'https://harbour.example/news/ferry.html';

test('the pick fixture: the automatic choice takes the archive essay in the rail, not the story', async () => {
  const result = await extractArticle(SIDEBAR_WINS, { url: URL_OF_PAGE });
  assert.equal(result.kind, 'article');
  if (result.kind !== 'article') return;
  assert.ok(result.text.includes(ESSAY));
  assert.ok(!result.text.includes(STORY));
});

test('the chosen block read through the pipeline: its text only, the page\'s title, site and language kept', () => {
  const { document, window } = page(SIDEBAR_WINS, URL_OF_PAGE);
  const story = document.querySelector('article')!;
  assert.equal(stableSelector(story), 'article.story');
  keepOnly(document, story);
  const result = readArticle({ document, window, url: URL_OF_PAGE }, { force: true });
  assert.equal(result.kind, 'article');
  if (result.kind !== 'article') return;
  assert.ok(result.text.includes(STORY));
  assert.ok(result.text.includes('fifty pence a day in January'), 'the last paragraph');
  assert.ok(!result.text.includes(ESSAY));
  assert.equal(result.title, 'Harbour council approves new ferry timetable');
  assert.equal(result.siteName, 'Harbour Gazette');
  assert.equal(result.lang, 'en');
});

test('a chosen grouping element whose name cleaning or Readability would drop (aside.sidebar) is still read', () => {
  const paragraphs = Array.from({ length: 3 }, (_, index) => `<p>Rail note ${index + 1}: the tide tables, the ferry times and the harbour master's notices, all in one place, every week.</p>`).join('');
  const { document, window } = page(`<html lang="en"><head><title>Notes</title></head><body><article><h1>Notes</h1><p>Short.</p></article><aside class="sidebar comments">${paragraphs}</aside></body></html>`);
  keepOnly(document, document.querySelector('aside')!);
  const result = readArticle({ document, window, url: URL_OF_PAGE }, { force: true });
  assert.equal(result.kind, 'article');
  if (result.kind === 'article') assert.ok(result.text.includes('Rail note 3'));
});

test('structured data in the body goes to the head; a non-grouping element is kept as it is', () => {
  const { document } = page('<html><head><title>t</title></head><body><script type="application/ld+json">{"@type":"NewsArticle","author":{"name":"Ada"}}</script><div><ul class="steps"><li>one</li></ul></div></body>');
  keepOnly(document, document.querySelector('ul')!);
  assert.equal(document.head.querySelectorAll('script[type="application/ld+json"]').length, 1);
  assert.equal(document.body.innerHTML, '<div><ul class="steps"><li>one</li></ul></div>');
});

test('a fragment (a selection) becomes the body', () => {
  const { document } = page('<html><head><title>t</title></head><body><p>before</p><p>picked</p></body></html>');
  const range = document.createRange();
  range.selectNodeContents(document.querySelectorAll('p')[1]!);
  keepOnly(document, range.cloneContents());
  assert.equal(document.body.innerHTML, '<div>picked</div>');
});
