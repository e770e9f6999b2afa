/**
 * Readmark's pipeline in the page, stage by stage, as the content script runs it
 * (src/content/extract-page.ts readLivePage, then the real ReaderOverlay): clone, clean, layout
 * signals, the core's other stages, render until painted, then what Copy as Markdown does.
 */
import { readArticleWithBody } from '../../../src/core/read-article.js';
import type { ReadResult } from '../../../src/core/types.js';
import { uncleanedVisibleClone, visibleClone } from '../../../src/content/extract-page.js';
import { ReaderOverlay } from '../../../src/content/overlay.js';
import { DEFAULT_OPTIONS } from '../../../src/shared/options.js';
import { afterNextPaint, install, type Timings } from './shared.js';

export interface ReadmarkRun {
  times: Timings;
  kind: ReadResult['kind'];
  words: number;
  markdownChars: number;
  clipboard: 'ok' | string;
  longTasks: number[];
}

async function readmark(options: { frontMatter?: boolean; clipboard?: boolean } = {}): Promise<ReadmarkRun> {
  const longTasks: number[] = [];
  const observer = typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes.includes('longtask')
    ? new PerformanceObserver((list) => { for (const entry of list.getEntries()) longTasks.push(entry.duration); })
    : null;
  observer?.observe({ type: 'longtask' });

  const times: Timings = {};
  const started = performance.now();
  let mark = started;
  const lap = (stage: string): void => {
    const now = performance.now();
    times[stage] = now - mark;
    mark = now;
  };

  // The content script's own page read (src/content/extract-page.ts), each step timed.
  const { clone, cleaned } = visibleClone((stage, ms) => { times[stage] = ms; });
  mark = performance.now();
  const { result, body } = readArticleWithBody({ document: clone, window, url: location.href, cleaned, uncleanedPage: uncleanedVisibleClone }, {
    force: false,
    onStage: (stage, ms) => { times[stage] = ms; },
  });
  lap('core');

  const overlay = new ReaderOverlay({ kind: 'result', result, body }, { ...DEFAULT_OPTIONS, ...(options.frontMatter ? { markdownTemplate: 'front-matter' as const } : {}) }, {
    showAnyway: async () => ({ kind: 'result', result, body }),
    saveOptions: () => undefined,
    pickPart: () => undefined,
    closed: () => undefined,
  });
  overlay.open();
  lap('renderDom');
  // Style and layout of the whole document, the overlay included (a forced synchronous layout).
  void document.documentElement.getBoundingClientRect();
  lap('renderLayout');
  const synchronous = mark - started;
  await afterNextPaint();
  lap('paint');
  times['prePaint'] = mark - started;
  times['synchronous'] = synchronous;
  // A long article's later blocks, put in after that first frame: the time until the reader holds it all.
  await overlay.complete;
  times['wholeArticle'] = performance.now() - started;

  // Copy as Markdown: the Markdown, made now (the `copyMarkdown` stage), and the clipboard write.
  const markdownStarted = performance.now();
  const markdown = overlay.markdown() ?? '';
  times['copyMarkdown'] = performance.now() - markdownStarted;
  let clipboard = 'skipped';
  if (options.clipboard && markdown) {
    const writeStarted = performance.now();
    try {
      await navigator.clipboard.writeText(markdown);
      clipboard = 'ok';
    } catch (error) {
      clipboard = String(error);
    }
    times['clipboard'] = performance.now() - writeStarted;
  }
  overlay.close();
  await new Promise((resolve) => setTimeout(resolve, 0));
  observer?.disconnect();
  return {
    times,
    kind: result.kind,
    words: result.kind === 'article' ? result.wordCount : 0,
    markdownChars: markdown.length,
    clipboard,
    longTasks,
  };
}

install('__benchReadmark', readmark);
