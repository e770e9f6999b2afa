import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle, toMarkdown } from '../../src/node/index.ts';
import { SEED } from '../support/corpus.ts';

const expect = JSON.parse(readFileSync(join(SEED, 'expect.json'), 'utf8')) as {
  url: string; title: string; lang: string; must_contain: string[]; must_not_contain: string[]; should_not_contain: string[];
};

test('seed page: the reader shows the article and none of the ads or site promotions', async () => {
  const result = await extractArticle(readFileSync(join(SEED, 'page.html')), { url: expect.url });
  assert.equal(result.kind, 'article');
  if (result.kind !== 'article') return;
  const markdown = toMarkdown(result);
  assert.equal(result.title, expect.title);
  assert.ok(markdown.startsWith(`# ${expect.title}\n\n[`), 'Markdown starts with the title and the source line');
  assert.ok(markdown.includes(`(<${expect.url}>)`), 'and links the source');
  assert.equal(result.lang, expect.lang);
  for (const phrase of expect.must_contain) {
    assert.ok(result.text.includes(phrase), `text contains ${phrase}`);
    assert.ok(markdown.includes(phrase), `Markdown contains ${phrase}`);
  }
  for (const phrase of expect.must_not_contain) {
    assert.ok(!result.html.includes(phrase), `HTML lacks ${phrase}`);
    assert.ok(!markdown.includes(phrase), `Markdown lacks ${phrase}`);
  }
  for (const phrase of expect.should_not_contain) {
    assert.ok(!result.html.includes(phrase) && !markdown.includes(phrase), `site promotion removed: ${phrase}`);
  }
  assert.ok(result.readingMinutes >= 2 && result.readingMinutes <= 5, `reading time ${result.readingMinutes} min for ~800 Chinese characters`);
});
