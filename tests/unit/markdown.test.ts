import { test } from 'node:test';
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { frontMatter, htmlToMarkdown } from '../../src/core/markdown.ts';
import { sanitizeArticleHtml } from '../../src/core/sanitize.ts';
import { page } from '../support/dom.ts';

const { window, close } = page('<!doctype html><body></body>');
test.after(close);
const commonMark = new MarkdownIt('commonmark');
const gfm = new MarkdownIt({ html: false }).enable(['table', 'strikethrough']);

function markdown(html: string): string {
  return htmlToMarkdown(sanitizeArticleHtml(html, window));
}

/** Text that looks like Markdown must come back as the same text, with no formatting. */
const lookalikes = [
  '# not a heading',
  '1. not a list',
  '2) not a list either',
  '> not a quote',
  '* not a bullet',
  '- not a bullet',
  '+ not a bullet',
  'snake_case_name and *stars* and `ticks`',
  'a | b | c',
  '[not a link](https://x.example)',
  '<b>not bold</b> and &amp; stays',
  '~~not struck~~',
  '---',
  '#',
];

for (const text of lookalikes) {
  test(`text that looks like Markdown stays text: ${text}`, () => {
    const body = sanitizeArticleHtml('<p></p>', window);
    body.firstElementChild!.textContent = text;
    const output = htmlToMarkdown(body);
    const rendered = gfm.render(output).trim();
    const expected = `<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`;
    assert.equal(rendered, expected, `Markdown was: ${output}`);
  });
}

test('GFM table with header row', () => {
  const output = markdown('<table><thead><tr><th>Name</th><th>Value</th></tr></thead><tbody><tr><td>a|b</td><td>1</td></tr><tr><td>c</td><td>2</td></tr></tbody></table>');
  assert.match(output, /\| Name \| Value \|\n\| --- \| --- \|/);
  const html = gfm.render(output);
  assert.equal((html.match(/<tr>/g) ?? []).length, 3);
  assert.match(html, /<td>a\|b<\/td>/);
});

test('fenced code keeps its language and its backticks', () => {
  const output = markdown('<pre data-lang="ts"><code>const a = `x`;\nif (a) { ``` }</code></pre>');
  assert.match(output, /^````ts\nconst a = `x`;\nif \(a\) \{ ``` \}\n````$/);
  const html = commonMark.render(output);
  assert.match(html, /<code class="language-ts">/);
});

test('a <pre> without <code> is still a code block', () => {
  const output = markdown('<pre>line 1\n  line *2*</pre>');
  assert.equal(output, '```\nline 1\n  line *2*\n```');
});

test('figure keeps the image and its caption', () => {
  const output = markdown('<figure><img src="https://a.example/i.jpg" alt="A cat"><figcaption>The cat, asleep</figcaption></figure>');
  assert.equal(output, '![A cat](https://a.example/i.jpg)\n\n*The cat, asleep*');
});

test('nested lists and blockquotes', () => {
  const output = markdown('<ul><li>one<ul><li>one.a</li></ul></li><li>two</li></ul><blockquote><p>quoted</p><blockquote><p>deeper</p></blockquote></blockquote>');
  const html = commonMark.render(output);
  assert.equal((html.match(/<li>/g) ?? []).length, 3);
  assert.match(html, /<ul>\s*<li>one\s*<ul>\s*<li>one.a/);
  assert.match(html, /<blockquote>\s*<p>quoted<\/p>\s*<blockquote>\s*<p>deeper/);
});

test('links and images keep absolute URLs', () => {
  const output = markdown('<p><a href="https://a.example/a b">link</a> <img src="https://a.example/x.png" alt="x"></p>');
  assert.equal(output, '[link](<https://a.example/a b>) ![x](https://a.example/x.png)');
});

test('front matter is YAML with quoted values', () => {
  const matter = frontMatter(
    { title: 'A "quoted": title', url: 'https://a.example/', byline: null, siteName: 'Site', publishedTime: '2024-01-02', lang: 'en' },
    { savedAt: new Date('2025-01-01T00:00:00Z') },
  );
  assert.equal(matter, '---\ntitle: "A \\"quoted\\": title"\nsource: "https://a.example/"\nsite: "Site"\npublished: "2024-01-02"\nlang: "en"\nsaved: "2025-01-01T00:00:00.000Z"\n---\n\n');
});

test('a table with comments between its cells converts', () => {
  const body = sanitizeArticleHtml('<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>', window);
  const row = body.querySelector('tr')!;
  row.insertBefore(body.ownerDocument.createComment(' between '), row.lastElementChild);
  row.insertBefore(body.ownerDocument.createTextNode(' '), row.lastElementChild);
  const output = htmlToMarkdown(body);
  assert.equal(output, '| a   | b   |\n| --- | --- |\n| c   | d   |');
});

test('Markdown drops soft hyphens and ruby annotations, and composes characters (NFC)', () => {
  assert.equal(markdown('<p>Wein\u00adkenner <ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp></ruby>字 Cafe\u0301</p>'), 'Weinkenner 漢字 Caf\u00e9');
});
