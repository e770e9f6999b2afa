// build.mjs edits Readability's and DOMPurify's sources for the in-page bundles (so AMO's linter
// finds no innerHTML assignments). These tests hold the edits to "same behaviour": the edited
// Readability, bundled exactly as the content script bundles it and run in a jsdom window,
// returns the same article as the stock module on every Readability test page, and the edited
// DOMPurify still sanitizes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from 'esbuild';
import { JSDOM } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { DEPENDENCY_EDITS, inPageBundleOptions } from '../../build.mjs';
import { readabilityCases } from '../support/corpus.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

type EvalWindow = Window & typeof globalThis & { eval(code: string): unknown };

interface EditedModules {
  Readability: typeof Readability;
  createDOMPurify: (window: Window) => { sanitize(dirty: string): string };
}

async function editedModulesIn(window: EvalWindow): Promise<EditedModules> {
  const result = await build({
    ...inPageBundleOptions('chrome'),
    stdin: {
      contents: "import { Readability } from '@mozilla/readability'; import createDOMPurify from 'dompurify'; globalThis.__edited = { Readability, createDOMPurify };",
      resolveDir: ROOT,
    },
    write: false,
  });
  const bundle = result.outputFiles![0]!.text;
  for (const edit of DEPENDENCY_EDITS) assert.ok(!bundle.includes(edit.find), `edited away: ${edit.find}`);
  assert.doesNotMatch(bundle, /\.innerHTML\s*=(?!=)/, 'no innerHTML assignment is left in the bundle');
  window.eval(bundle);
  return (window as unknown as { __edited: EditedModules }).__edited;
}

test('the edited Readability extracts the same article as the stock one on every Readability test page that reaches an edited line', { timeout: 300_000 }, async () => {
  const dom = new JSDOM('', { runScripts: 'outside-only', url: 'http://fakehost/test/page.html' });
  const window = dom.window as unknown as EvalWindow;
  const edited = await editedModulesIn(window);
  const parse = (ReadabilityClass: typeof Readability, source: string) => {
    const reader = new ReadabilityClass(new window.DOMParser().parseFromString(source, 'text/html'));
    const article = JSON.parse(JSON.stringify(reader.parse())) as unknown; // plain objects: the two results come from different realms
    // Only the stock reader's attempts are read: the in-page bundle renames `_attempts` (see inPageBundleOptions).
    return { article, retried: ((reader as unknown as { _attempts?: unknown[] })._attempts?.length ?? 0) > 0 };
  };
  let retried = 0;
  let withNoscript = 0;
  for (const page of readabilityCases()) {
    const stock = parse(Readability, page.source);
    const hasNoscript = page.source.includes('<noscript');
    // The edits touch only the retry after a short attempt and the <noscript> unwrapping.
    if (!stock.retried && !hasNoscript) continue;
    assert.deepEqual(parse(edited.Readability, page.source).article, stock.article, page.name);
    if (stock.retried) retried += 1;
    if (hasNoscript) withNoscript += 1;
  }
  assert.ok(retried >= 5 && withNoscript >= 20, `compared ${retried} pages that retried and ${withNoscript} with <noscript>`);
  dom.window.close();
});

test('the edited Readability still unwraps images from <noscript> and retries after a short first attempt', async () => {
  const dom = new JSDOM('', { runScripts: 'outside-only', url: 'http://fakehost/test/page.html' });
  const window = dom.window as unknown as EvalWindow;
  const edited = await editedModulesIn(window);
  const words = 'Ordinary words of a story, with commas, and sentences long enough to count for the reader. '.repeat(8);
  const source = `<html><body><div class="sidebar"><p>${words}</p><p>${words}</p></div>
    <article><p>${words}</p><div><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" class="lazy"><noscript><img src="https://img.example/real.jpg" alt="real"></noscript></div><p>${words}</p></article></body></html>`;
  const doc = new window.DOMParser().parseFromString(source, 'text/html');
  const result = new edited.Readability(doc, { charThreshold: 5000 }).parse();
  assert.ok(result?.content?.includes('https://img.example/real.jpg'), 'the noscript image replaced the placeholder');
  assert.ok((result?.textContent?.length ?? 0) > 1000, 'an article came back after the retries');
  dom.window.close();
});

test('the edited DOMPurify still sanitizes', async () => {
  const dom = new JSDOM('', { runScripts: 'outside-only' });
  const window = dom.window as unknown as EvalWindow;
  const { createDOMPurify } = await editedModulesIn(window);
  const purify = createDOMPurify(window);
  assert.equal(purify.sanitize('<p onclick="alert(1)">hi<script>alert(2)</script><img src=x onerror=alert(3)></p>'), '<p>hi<img src="x"></p>');
});
