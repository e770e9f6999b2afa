import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readArticle, readArticleInStages } from '../../src/core/read-article.ts';
import { extractArticle } from '../../src/node/index.ts';
import { articlePage, page } from '../support/dom.ts';

test('a page that is not an article gives a not-article result, not an exception', async () => {
  const result = await extractArticle('<!doctype html><title>Login</title><form><input name="user"><button>Sign in</button></form>');
  assert.equal(result.kind, 'not-article');
  assert.equal(result.kind === 'not-article' && result.reason, 'not-readerable');
  assert.equal(result.title, 'Login');
});

test('force extracts from a page that does not look like an article', async () => {
  const result = await extractArticle('<!doctype html><title>Short</title><body><p>Just one short paragraph of text here, nothing more.</p></body>', { force: true });
  assert.equal(result.kind, 'article');
});

test('an empty page gives no-content with force', async () => {
  const result = await extractArticle('', { force: true });
  assert.equal(result.kind, 'not-article');
});

test('malformed markup still reads', async () => {
  const result = await extractArticle(articlePage('<p>Unclosed <b>bold <i>italic</p><div><table><tr><td>cell</div><p>After the mess.'));
  assert.equal(result.kind, 'article');
  assert.match(result.kind === 'article' ? result.text : '', /After the mess/);
});

test('the result carries metadata, text, Markdown and counts', async () => {
  const html = articlePage(
    '<p>See <a href="/related">this</a> and <img src="img/cat.jpg" alt="cat">.</p><div id="div-gpt-ad-1">AD</div>',
    '<title>Test story</title><meta name="author" content="Ada Lovelace"><meta property="og:site_name" content="The Example"><meta property="article:published_time" content="2024-05-01T10:00:00Z">',
  );
  const result = await extractArticle(html, { url: 'https://news.example/2024/05/story.html', frontMatter: true, savedAt: new Date('2025-01-01T00:00:00Z'), debug: true });
  assert.equal(result.kind, 'article');
  if (result.kind !== 'article') return;
  assert.equal(result.title, 'Test story');
  assert.equal(result.byline, 'Ada Lovelace');
  assert.equal(result.siteName, 'The Example');
  assert.equal(result.lang, 'en');
  assert.equal(result.publishedTime, '2024-05-01T10:00:00Z');
  assert.match(result.html, /href="https:\/\/news\.example\/related"/);
  assert.match(result.markdown, /^---\ntitle: "Test story"\nsource: "https:\/\/news\.example\/2024\/05\/story\.html"\nauthor: "Ada Lovelace"/);
  assert.match(result.markdown, /!\[cat\]\(https:\/\/news\.example\/2024\/05\/img\/cat\.jpg\)/);
  assert.doesNotMatch(result.text + result.html, /AD\b/);
  assert.deepEqual(result.removals, [{ family: 'ad-slot', rule: 'google-publisher-tag', element: 'div#div-gpt-ad-1', text: 'AD' }]);
  assert.ok(result.wordCount > 280 && result.wordCount < 320, `word count ${result.wordCount}`);
  assert.equal(result.readingMinutes, Math.round(result.wordCount / 228));
});

test('right-to-left articles keep their direction', async () => {
  const paragraphs = Array.from({ length: 8 }, () => '<p>هذا نص عربي طويل بما فيه الكفاية ليبدو كمقال حقيقي، مع جمل كثيرة وكلمات متعددة في كل فقرة من الفقرات.</p>').join('');
  const result = await extractArticle(`<!doctype html><html lang="ar" dir="rtl"><head><title>مقال</title></head><body><article>${paragraphs}</article></body></html>`);
  assert.equal(result.kind, 'article');
  assert.equal(result.kind === 'article' && result.dir, 'rtl');
  assert.equal(result.kind === 'article' && result.lang, 'ar');
});

test('readArticle never touches anything but the document it is given', () => {
  const live = page(articlePage('<div id="div-gpt-ad-9">AD</div>'));
  const before = live.document.documentElement.outerHTML;
  const clone = live.document.cloneNode(true) as Document;
  const result = readArticle({ document: clone, window: live.window, url: 'https://news.example/' });
  assert.equal(result.kind, 'article');
  assert.equal(live.document.documentElement.outerHTML, before);
  live.close();
});

test('deferMarkdown makes the same Markdown, on first read', async () => {
  const html = articlePage('<h2>Part</h2><p>See <a href="/related">this</a>, <em>that</em> and <code>x</code>.</p><ul><li>one</li><li>two</li></ul>', '<title>Deferred</title>');
  const options = { url: 'https://news.example/a.html', frontMatter: true, savedAt: new Date('2025-01-01T00:00:00Z') };
  const eager = await extractArticle(html, options);
  const stages: string[] = [];
  const deferred = await extractArticle(html, { ...options, deferMarkdown: true, onStage: (stage) => stages.push(stage) });
  assert.equal(deferred.kind, 'article');
  assert.ok(!stages.includes('markdown'));
  assert.equal(deferred.kind === 'article' && deferred.markdown, eager.kind === 'article' && eager.markdown);
  assert.equal(stages.filter((stage) => stage === 'markdown').length, 1);
  assert.equal(deferred.kind === 'article' && deferred.markdown, eager.kind === 'article' && eager.markdown);
  assert.equal(stages.filter((stage) => stage === 'markdown').length, 1);
});

test('html and a deferred markdown read like fields: serialized once, assignable, listed by JSON', async () => {
  const result = await extractArticle(articlePage('<p>A sentence <b>in bold</b> for the record.</p>'), { url: 'https://news.example/a.html', deferMarkdown: true });
  assert.equal(result.kind, 'article');
  if (result.kind !== 'article') return;
  assert.match(result.html, /<b>in bold<\/b>/);
  assert.equal(result.html, result.html);
  const serialized = JSON.parse(JSON.stringify(result)) as { html: string; markdown: string };
  assert.equal(serialized.html, result.html);
  assert.match(serialized.markdown, /\*\*in bold\*\*/);
  result.html = '<p>replaced</p>';
  result.markdown = 'replaced';
  assert.equal(result.html, '<p>replaced</p>');
  assert.equal(result.markdown, 'replaced');
});

test('readArticleInStages pauses after each stage, in order, and gives the same article as readArticle', async () => {
  const html = articlePage('<p>Closing words of the story.</p>');
  const once = page(html);
  const expected = readArticle({ document: once.document, window: once.window });
  once.close();
  const staged = page(html);
  const pauses: string[] = [];
  const result = await readArticleInStages({ document: staged.document, window: staged.window }, {}, async (stage) => {
    pauses.push(stage);
  });
  staged.close();
  assert.deepEqual(pauses, ['clean', 'readability', 'postclean', 'sanitize']);
  assert.equal(result.kind, 'article');
  assert.deepEqual(result, expected);
});
