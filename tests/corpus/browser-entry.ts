/**
 * The in-page half of `npm run eval -- --browser`: bundled by tests/corpus/browser-eval.ts
 * (esbuild, IIFE) and evaluated in an isolated world of each served page, as a content
 * script runs. Three extractors on the same live page:
 *   layout       the shipped content-script pipeline (readLivePage: layout signals, then the core)
 *   noLayout     the core on a clone, without the layout stage (what layout signals buy)
 *   readability  Readability 0.6 alone on a clone (a plain wrapper)
 * None of them changes the live document, so their order does not matter.
 */
import { Readability } from '@mozilla/readability';
import { HOST_TAG, readLivePage } from '../../src/content/extract-page.ts';
import { readArticle } from '../../src/core/read-article.ts';

export interface InPageRun {
  text: string;
  kind: string;
  ms: number;
  error?: string;
  /** Layout removals (`rule element`), for the layout variant only. */
  removals?: string[];
}

export interface InPageResult {
  layout: InPageRun;
  noLayout: InPageRun;
  readability: InPageRun;
  /** The encoding Chromium decoded the page with, and where the document ended up. */
  characterSet: string;
  url: string;
  /** The body's computed visibility: `hidden` on pages that only their own scripts reveal (AMP, anti-flicker snippets). */
  bodyVisibility: string;
}

async function timed(run: () => Omit<InPageRun, 'ms'> | Promise<Omit<InPageRun, 'ms'>>): Promise<InPageRun> {
  const started = performance.now();
  try {
    const result = await run();
    return { ...result, ms: performance.now() - started };
  } catch (caught) {
    const error = caught instanceof Error ? (caught.stack ?? caught.message) : String(caught);
    return { text: '', kind: 'error', error, ms: performance.now() - started };
  }
}

async function evaluatePage(): Promise<InPageResult> {
  const layout = await timed(async () => {
    const { result, layoutRemovals } = await readLivePage({ force: false });
    return {
      text: result.kind === 'article' ? result.text : '',
      kind: result.kind,
      removals: layoutRemovals.map((removal) => `${removal.rule} ${removal.element}`),
    };
  });
  const noLayout = await timed(() => {
    // readLivePage without the layout stage (findInvisible).
    const clone = document.cloneNode(true) as Document;
    for (const host of Array.from(clone.querySelectorAll(HOST_TAG))) host.remove();
    const result = readArticle({ document: clone, window, url: location.href }, { force: false });
    return { text: result.kind === 'article' ? result.text : '', kind: result.kind };
  });
  const readability = await timed(() => {
    const clone = document.cloneNode(true) as Document;
    const article = new Readability(clone).parse();
    return { text: article?.textContent ?? '', kind: article ? 'article' : 'not-article' };
  });
  return { layout, noLayout, readability, characterSet: document.characterSet, url: location.href, bodyVisibility: document.body ? getComputedStyle(document.body).visibility : '' };
}

(globalThis as unknown as { __readmarkEval: typeof evaluatePage }).__readmarkEval = evaluatePage;
