import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readArticle, readArticleInStages } from '../../src/core/read-article.ts';
import { extractArticle, toMarkdown } from '../../src/node/index.ts';
import { articlePage, page } from '../support/dom.ts';

test('a page that is not an article gives a not-article result, not an exception', async () => {
  const result = await extractArticle('<!doctype html><title>Login</title><form><p>Sign in to your account to read on.</p><input name="user"><input type="password" name="password"><button>Sign in</button></form>');
  assert.equal(result.kind, 'not-article');
  assert.equal(result.kind === 'not-article' && result.reason, 'too-little-text');
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
  const result = await extractArticle(html, { url: 'https://news.example/2024/05/story.html', debug: true });
  assert.equal(result.kind, 'article');
  if (result.kind !== 'article') return;
  assert.equal(result.title, 'Test story');
  assert.equal(result.byline, 'Ada Lovelace');
  assert.equal(result.siteName, 'The Example');
  assert.equal(result.lang, 'en');
  assert.equal(result.publishedTime, '2024-05-01T10:00:00Z');
  assert.match(result.html, /href="https:\/\/news\.example\/related"/);
  const frontMatter = toMarkdown(result, { template: 'front-matter', savedAt: new Date('2025-01-01T00:00:00Z') });
  assert.match(frontMatter, /^---\ntitle: "Test story"\nsource: "https:\/\/news\.example\/2024\/05\/story\.html"\nauthor: "Ada Lovelace"/);
  assert.match(frontMatter, /!\[cat\]\(https:\/\/news\.example\/2024\/05\/img\/cat\.jpg\)/);
  assert.match(toMarkdown(result), /^# Test story\n\n\[The Example\]\(<https:\/\/news\.example\/2024\/05\/story\.html>\) · Ada Lovelace · 2024-05-01\n\n/);
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

test('an article is plain data: spreading and serialising it give the same fields, and run nothing', async () => {
  const result = await extractArticle(articlePage('<p>A sentence <b>in bold</b> for the record.</p>'), { url: 'https://news.example/a.html' });
  assert.equal(result.kind, 'article');
  if (result.kind !== 'article') return;
  for (const key of Object.keys(result) as Array<keyof typeof result>) {
    assert.ok(Object.getOwnPropertyDescriptor(result, key)?.get === undefined, `${key} is a value, not a getter`);
  }
  assert.deepEqual(JSON.parse(JSON.stringify(result)), { ...result });
  assert.match(result.html, /<b>in bold<\/b>/);
  assert.match(toMarkdown(result, { template: 'none' }), /\*\*in bold\*\*/);
});

test('readArticleInStages pauses after each stage, in order, and gives the same article as readArticle', async () => {
  const html = articlePage('<p>Closing words of the story.</p>');
  const once = page(html);
  const expected = readArticle({ document: once.document, window: once.window });
  once.close();
  const staged = page(html);
  const pauses: string[] = [];
  const { result } = await readArticleInStages({ document: staged.document, window: staged.window }, {}, async (stage) => {
    pauses.push(stage);
  });
  staged.close();
  assert.deepEqual(pauses, ['clean', 'readability', 'postclean', 'sanitize']);
  assert.equal(result.kind, 'article');
  assert.deepEqual(result, expected);
});
