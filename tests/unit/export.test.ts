import { test } from 'node:test';
import assert from 'node:assert/strict';
import katex from 'katex';
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import texmath from 'markdown-it-texmath';
import { markdownFileName } from '../../src/core/file-name.ts';
import type { Article } from '../../src/core/types.ts';
import { extractArticle, toMarkdown } from '../../src/node/index.ts';
import { articlePage } from '../support/dom.ts';

const URL = 'https://news.example/2024/05/story.html';

async function article(body: string): Promise<Article> {
  const result = await extractArticle(articlePage(body), { url: URL, force: true });
  assert.equal(result.kind, 'article');
  return result as Article;
}

async function bodyMarkdown(body: string): Promise<string> {
  return toMarkdown(await article(body), { template: 'none' });
}

const KATEX_INLINE = '<p>Energy <span class="katex"><span class="katex-mathml"><math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></mrow><annotation encoding="application/x-tex">E = mc^2</annotation></semantics></math></span><span class="katex-html" aria-hidden="true"><span class="base">E=mc2</span></span></span> is famous.</p>';
const KATEX_DISPLAY = '<p class="katex-display"><span class="katex"><span class="katex-mathml"><math display="block"><semantics><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><annotation encoding="application/x-tex">a + b</annotation></semantics></math></span><span class="katex-html" aria-hidden="true">a+b</span></span></p>';
const MATHJAX2 = '<p>Inline <span class="MathJax_Preview">x2</span><span class="MathJax" id="MathJax-Element-1-Frame" role="presentation"><span class="math">x2</span></span><script type="math/tex" id="MathJax-Element-1">x^2</script> here.</p>'
  + '<div class="MathJax_Display"><span class="MathJax" id="MathJax-Element-2-Frame"><span class="MJX_Assistive_MathML"><math display="block"><mfrac><mn>1</mn><mn>2</mn></mfrac></math></span></span></div><script type="math/tex; mode=display" id="MathJax-Element-2">\\frac{1}{2}</script>';
const MATHJAX3 = '<p>Root <mjx-container class="MathJax" jax="CHTML"><mjx-math aria-hidden="true"><mjx-mi>x</mjx-mi></mjx-math><mjx-assistive-mml><math><msqrt><mi>x</mi></msqrt></math></mjx-assistive-mml></mjx-container> and</p>'
  + '<mjx-container class="MathJax" jax="CHTML" display="true"><mjx-math aria-hidden="true">…</mjx-math><mjx-assistive-mml display="block"><math display="block"><msubsup><mi>a</mi><mi>i</mi><mn>2</mn></msubsup></math></mjx-assistive-mml></mjx-container>';
const MATHML_ANNOTATED = '<p>Annotated <math><semantics><mrow><mi>α</mi></mrow><annotation encoding="application/x-tex">\\alpha</annotation></semantics></math> text.</p>';
const MATHML_PLAIN = '<p>Plain <math><mroot><mi>y</mi><mn>3</mn></mroot><mo>≤</mo><mover><mi>v</mi><mo>→</mo></mover><mo>+</mo><munder><mo>∑</mo><mi>k</mi></munder><mtext>if odd</mtext></math> text.</p>'
  + '<p><math display="block"><mi>f</mi><mo>=</mo><mi>sin</mi><mi>θ</mi></math></p>';

test('KaTeX becomes $…$ and $$…$$ from its TeX annotation; the span rendering goes', async () => {
  const markdown = await bodyMarkdown(KATEX_INLINE + KATEX_DISPLAY);
  assert.match(markdown, /Energy \$E = mc\^2\$ is famous\./);
  assert.match(markdown, /^\$\$a \+ b\$\$$/m);
  assert.doesNotMatch(markdown, /E=mc2/);
});

test('KaTeX and MathJax reach the reader as MathML carrying their TeX', async () => {
  const { html } = await article(KATEX_INLINE + MATHJAX2);
  assert.match(html, /<math alttext="E = mc\^2"><mrow><mi>E<\/mi>/);
  assert.match(html, /<math display="block" alttext="\\frac\{1\}\{2\}"><mfrac>/);
  assert.doesNotMatch(html, /katex-html|MathJax_Preview|<annotation|<script/);
});

test('MathJax 2: the script source, inline and display', async () => {
  const markdown = await bodyMarkdown(MATHJAX2);
  assert.match(markdown, /Inline \$x\^2\$ here\./);
  assert.match(markdown, /^\$\$\\frac\{1\}\{2\}\$\$$/m);
  assert.doesNotMatch(markdown, /x2/);
});

test('MathJax 3: the assistive MathML read as TeX', async () => {
  const markdown = await bodyMarkdown(MATHJAX3);
  assert.match(markdown, /Root \$\\sqrt\{x\}\$ and/);
  assert.match(markdown, /^\$\$a_i\^2\$\$$/m);
});

test('MathML: the TeX annotation when present, else a reading of its elements', async () => {
  const markdown = await bodyMarkdown(MATHML_ANNOTATED + MATHML_PLAIN);
  assert.match(markdown, /Annotated \$\\alpha\$ text\./);
  assert.match(markdown, /Plain \$\\sqrt\[3\]\{y\}\\le\\vec\{v\}\+\\sum_k\\text\{if odd\}\$ text\./);
  assert.match(markdown, /^\$\$f=\\sin\\theta\$\$$/m);
});

test('a dollar sign in prose is escaped, not a formula', async () => {
  assert.match(await bodyMarkdown('<p>It cost $5 and then $10.</p>'), /It cost \\\$5 and then \\\$10\./);
});

const FOOTNOTES = '<p>A claim<sup id="ref-1"><a href="#note-1">1</a></sup> and another<sup><a href="#note-2">2</a></sup>, and the first again<sup><a href="#note-1">1</a></sup>.</p>'
  + '<p>An ARIA one<a href="#aside-3" role="doc-noteref">3</a> and a lost one<sup><a href="#missing">4</a></sup>.</p>'
  + '<h2>Notes</h2><ol><li id="note-1">First note, with <a href="https://source.example/">a source</a>. <a href="#ref-1">↩</a></li><li id="note-2"><p>Second note.</p><p>Its second paragraph.</p></li></ol>'
  + '<p id="aside-3">Third note, in a paragraph.</p>';

test('footnotes become [^n] with their text at the end; the notes list is not repeated', async () => {
  const markdown = await bodyMarkdown(FOOTNOTES);
  assert.match(markdown, /A claim\[\^1\] and another\[\^2\], and the first again\[\^1\]\./);
  assert.match(markdown, /An ARIA one\[\^3\] and a lost one\[4\]\(https:\/\/news\.example\/2024\/05\/story\.html#missing\)\./);
  assert.match(markdown, /\n\[\^1\]: First note, with \[a source\]\(https:\/\/source\.example\/\)\.\n/);
  assert.match(markdown, /\n\[\^2\]: Second note\.\n\n {4}Its second paragraph\.\n/);
  assert.match(markdown, /\n\[\^3\]: Third note, in a paragraph\.\n?$/);
  assert.equal(markdown.match(/First note/g)?.length, 1);
  assert.doesNotMatch(markdown, /↩|^1\. /m);
});

test('round trip: markdown-it with footnote and math plugins keeps every formula and footnote', async () => {
  const markdown = await bodyMarkdown(KATEX_INLINE + KATEX_DISPLAY + MATHJAX2 + MATHJAX3 + MATHML_ANNOTATED + MATHML_PLAIN + FOOTNOTES + '<p>Prose with $3 and $4 stays prose.</p>');
  const renderer = new MarkdownIt().use(texmath, { engine: katex, delimiters: 'dollars', katexOptions: { throwOnError: true } }).use(footnote);
  const html = renderer.render(markdown);
  const inline = html.match(/<eq>/g)?.length ?? 0;
  const display = html.match(/<eqn>/g)?.length ?? 0;
  assert.equal(inline, 5, markdown);
  assert.equal(display, 4, markdown);
  assert.doesNotMatch(html, /katex-error/);
  assert.equal(html.match(/class="footnote-ref"/g)?.length, 4);
  assert.doesNotMatch(html, /\[\^\d\]/);
  assert.equal(html.match(/class="footnote-item"/g)?.length, 3);
  assert.match(html, /Prose with \$3 and \$4 stays prose\./);
  for (const tex of ['E = mc^2', 'a + b', 'x^2', '\\frac{1}{2}', '\\sqrt{x}', 'a_i^2', '\\alpha']) {
    assert.ok(html.includes(`<annotation encoding="application/x-tex">${tex.replace(/&/g, '&amp;')}</annotation>`), tex);
  }
});

test('templates: heading with source line by default, front matter, or the body alone', async () => {
  const story = await article('<p>Body text.</p>');
  const withTitle = { ...story, title: 'A title', byline: 'Ada', publishedTime: '2024-05-01T10:00:00Z' };
  const heading = toMarkdown(withTitle);
  assert.match(heading, /^# A title\n\n\[news\.example\]\(<https:\/\/news\.example\/2024\/05\/story\.html>\) · Ada · 2024-05-01\n\n/);
  const front = toMarkdown(withTitle, { template: 'front-matter', savedAt: new Date('2024-06-01T00:00:00Z') });
  assert.match(front, /^---\ntitle: "A title"\nsource: "https:\/\/news\.example\/2024\/05\/story\.html"\nauthor: "Ada"\n[\s\S]*saved: "2024-06-01T00:00:00.000Z"\n---\n\n/);
  const none = toMarkdown(withTitle, { template: 'none' });
  assert.doesNotMatch(none, /^#|^---|news\.example/);
  assert.match(none, /Body text\./);
});

test('file names: reserved characters, reserved names, ends', () => {
  for (const character of ['/', '\\', ':', '*', '?', '"', '<', '>', '|', '\u0000', '\u001f']) {
    assert.equal(markdownFileName(`a${character}b`), 'a b.md', JSON.stringify(character));
  }
  for (const reserved of ['CON', 'prn', 'Aux', 'nul', 'COM1', 'com9', 'LPT1', 'lpt9', 'NUL.txt', 'con.tar.gz']) {
    const name = markdownFileName(reserved);
    assert.equal(name, `_${reserved}.md`, reserved);
  }
  assert.equal(markdownFileName('Console'), 'Console.md');
  assert.equal(markdownFileName('  Title ends with dots...  '), 'Title ends with dots.md');
  assert.equal(markdownFileName('...'), 'article.md');
  assert.equal(markdownFileName('', 'page'), 'page.md');
  assert.equal(markdownFileName('///', 'fallback'), 'fallback.md');
});

test('file names: length in UTF-8 bytes, CJK kept, no half characters', () => {
  const long = markdownFileName('word '.repeat(60));
  assert.ok(Buffer.byteLength(long.slice(0, -3)) <= 200 && !/\s\.md$/.test(long), long);
  assert.equal(markdownFileName('中文标题：测试'), '中文标题：测试.md');
  const cjk = markdownFileName('字'.repeat(300));
  assert.equal(cjk, `${'字'.repeat(66)}.md`);
  const emoji = markdownFileName(`${'a'.repeat(198)}😀😀`);
  assert.equal(emoji, `${'a'.repeat(198)}.md`);
  assert.doesNotMatch(emoji, /[\uD800-\uDFFF]/);
  const emojiFits = markdownFileName(`${'a'.repeat(196)}😀😀`);
  assert.equal(emojiFits, `${'a'.repeat(196)}😀.md`);
  assert.equal(markdownFileName('bad \uD800 half'), 'bad half.md');
});
