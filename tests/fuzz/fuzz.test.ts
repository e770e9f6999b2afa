// A fixed small sample of the fuzz run (`npm run fuzz` runs the full set), and the regression cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { extractArticle, toMarkdown } from '../../src/node/index.ts';
import { fuzz, HANG_AFTER_MS } from './harness.ts';
import { unsafeInHtml, unsafeInMarkdown } from './safety.ts';

test('fuzz sample: no crash, no hang, nothing executable in the output', { timeout: 120_000 }, async () => {
  const summary = await fuzz({ seed: 1, count: 5 });
  assert.equal(summary.pages, 5);
  assert.deepEqual(summary.findings, []);
});

test('the safety check finds what it looks for', () => {
  assert.deepEqual(unsafeInHtml('<p onclick="x">a</p><a href=" java\tscript:x">b</a><img src="data:image/svg+xml,x"><img src="data:image/png;base64,AA=="><iframe></iframe>'), [
    'p[onclick]', 'a[href=javascript:x]', 'img[src=data:image/svg+xml,x]', '<iframe>',
  ]);
  // Markdown is checked as a renderer shows it: raw tags and link targets become HTML.
  assert.deepEqual(unsafeInMarkdown('[a](javascript:x) ![i](data:image/png;base64,AA) [c](<vbscript:y>) <script>'), ['markdown a[href=javascript:x]', 'markdown a[href=vbscript:y]', 'markdown <script>']);
  // An escaped `<` is text (seeds 46, 136, 143, 248: markup quoted in prose); an escaped backslash is not an escaped `<`.
  assert.deepEqual(unsafeInMarkdown('\\<meta content=x> \\<img src=x onerror=alert(1)> and \\\\<meta content=y>'), ['markdown <meta>']);
  // Code is shown as text (seed 1038: Readability's page 001 quotes <script> in a fenced block); so is an image's alt (seed 163).
  assert.deepEqual(unsafeInMarkdown('```\n<script src=x></script>\n```\n\nUse `<meta>` here. ![The <math>plane](https://e.example/i.png)'), []);
});

const REGRESSIONS = new URL('./regressions/', import.meta.url);
for (const file of readdirSync(REGRESSIONS).filter((name) => name.endsWith('.html'))) {
  test(`fuzz regression ${file}`, async () => {
    const bytes = readFileSync(new URL(file, REGRESSIONS));
    for (const force of [false, true]) {
      const started = performance.now();
      const result = await extractArticle(bytes, { force });
      const spent = performance.now() - started;
      assert.ok(spent < HANG_AFTER_MS, `force=${force}: ${Math.round(spent)} ms`);
      if (result.kind === 'article') assert.deepEqual([...unsafeInHtml(result.html), ...unsafeInMarkdown(toMarkdown(result))], []);
    }
  });
}
