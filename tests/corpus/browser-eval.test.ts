import { test } from 'node:test';
import assert from 'node:assert/strict';
import { metrics, sample, trafilaturaPages, type EvalPage } from '../support/corpus.ts';
import { crashes, scoreInChromium, totalOf } from './browser-eval.ts';

/**
 * `npm run eval -- --browser` in small: the harness itself on a page written for it, then a
 * fixed sample of 15 trafilatura-eval pages (every 63rd in file order) through the shipped
 * content-script pipeline in headless Chromium.
 */

const paragraph = (n: number) =>
  `<p>Paragraph ${n} of the harness article tells a long and careful story about rivers, bridges and the towns between them, with enough words and commas, like this, and this, to look like prose to Readability.</p>`;

/** windows-1252 bytes (é = 0xE9), served without a charset: Chromium must read the meta. */
const HARNESS_HTML = `<!doctype html><html><head><meta charset="windows-1252"><title>Harness caf\u00e9 article</title>
<meta http-equiv="refresh" content="0; url=https://example.com/elsewhere">
<link rel="stylesheet" href="https://example.com/site.css">
<style>.promo { display: none }</style>
<script>document.addEventListener('DOMContentLoaded', () => { const p = document.createElement('p'); p.textContent = 'Injected by a page script that must never run.'; document.querySelector('article').append(p); });</script>
</head><body><article><h1>Harness caf\u00e9 article</h1>
${[1, 2, 3].map(paragraph).join('\n')}
<p>The caf\u00e9 on the corner opened its doors at dawn, and everyone agreed it was the best in the valley.</p>
<div class="promo"><p>Limited offer: the hidden promotion that only a stylesheet hides from the reader.</p></div>
${[4, 5, 6].map(paragraph).join('\n')}
<img src="https://example.com/pixel.gif" alt="">
</article></body></html>`;

const HARNESS_PAGE: EvalPage = {
  url: 'https://example.com/harness',
  file: 'harness.html',
  with: ['The caf\u00e9 on the corner opened its doors at dawn', 'Paragraph 6 of the harness article'],
  without: ['Injected by a page script', 'Limited offer: the hidden promotion'],
};

/** The same page with no declaration at all, in UTF-8: its server's header is lost, the harness stands in for it. */
const UNLABELED_PAGE: EvalPage = { ...HARNESS_PAGE, file: 'harness-unlabeled.html' };
const UNLABELED_HTML = HARNESS_HTML.replace('<meta charset="windows-1252">', '');

test('browser eval harness: charset from the page, page scripts blocked, meta refresh ignored, the layout stage runs', { timeout: 60_000 }, async () => {
  const bytesOf = (page: EvalPage) => (page === UNLABELED_PAGE ? Buffer.from(UNLABELED_HTML, 'utf8') : Buffer.from(HARNESS_HTML, 'latin1'));
  const [score, unlabeled] = await scoreInChromium([HARNESS_PAGE, UNLABELED_PAGE], { bytesOf });
  assert.ok(score && unlabeled);
  assert.equal(unlabeled.characterSet, 'UTF-8');
  assert.equal(unlabeled.layout.truePositives, 2, 'unlabeled UTF-8 decodes as UTF-8');
  assert.equal(score.harnessError, undefined);
  assert.deepEqual(score.errors, {});
  assert.equal(score.characterSet, 'windows-1252');
  // Both content segments found, so the page stayed and decoded right; the script's text absent in every variant.
  for (const variant of ['layout', 'noLayout', 'readability'] as const) {
    assert.equal(score[variant].truePositives, 2, `${variant} finds the content`);
  }
  assert.ok(score.layoutDiff.withoutDropped.some((segment) => segment.startsWith('Limited offer')), 'the layout stage drops what the stylesheet hides');
  assert.equal(score.layout.falsePositives, 0, 'nothing hidden and no script output in the layout variant');
  assert.equal(score.noLayout.falsePositives, 1, 'the core alone keeps the stylesheet-hidden promotion');
});

const SAMPLE_SIZE = 15;

test(`trafilatura-eval sample of ${SAMPLE_SIZE} in Chromium: no crashes, Readmark (layout) F1 ≥ Readability alone`, { timeout: 90_000 }, async (t) => {
  const scores = await scoreInChromium(sample(trafilaturaPages(), SAMPLE_SIZE));
  const layout = metrics(totalOf(scores, 'layout'));
  const noLayout = metrics(totalOf(scores, 'noLayout'));
  const readability = metrics(totalOf(scores, 'readability'));
  const line = (name: string, m: typeof layout) => `${name} P ${m.precision.toFixed(3)} R ${m.recall.toFixed(3)} F1 ${m.f1.toFixed(3)}`;
  t.diagnostic(`${line('Readmark (layout)', layout)}; ${line('Readmark (no layout)', noLayout)}; ${line('Readability alone', readability)}`);
  assert.deepEqual(crashes(scores).map((score) => `${score.file}: ${score.harnessError ?? score.errors.layout ?? score.errors.noLayout}`), [], 'no page crashes');
  assert.ok(layout.f1 >= readability.f1, `Readmark (layout) F1 ${layout.f1.toFixed(3)} ≥ Readability alone ${readability.f1.toFixed(3)}`);
});
