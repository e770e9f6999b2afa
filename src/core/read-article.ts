import { cleanDocument, type CleanResult } from './clean/clean.js';
import { postClean } from './clean/post-clean.js';
import { looksLikeArticle } from './extract.js';
import { blocksAfterHeadline, restoreLead } from './lead.js';
import { frontMatter, htmlToMarkdown } from './markdown.js';
import { absolutizeUrls, framesToLinks, replaceCustomizedBuiltIns } from './prepare.js';
import { extractWithRecovery, type UncleanedPage } from './recover.js';
import { sanitizeArticleHtml } from './sanitize.js';
import { blockText, countWords, readingMinutes, wordTotal } from './text.js';
import type { Article, NotAnArticle, PipelineStage, ReadOptions, ReadResult, Removal } from './types.js';

export interface ReadInput {
  /** A clone of the page: the pipeline rewrites it. Never the live document. */
  document: Document;
  /** A window whose DOM implementation sanitizes (DOMPurify needs one). */
  window: Window;
  /** The page's URL; relative links resolve against the document's base URL. */
  url?: string | null;
  /**
   * A fresh copy of `document` as it was before the pipeline rewrote it, made again on
   * demand (the browser re-clones the live page, Node re-parses): recovery asks for one
   * only when the article comes out short. Without it, a copy is taken up front.
   */
  uncleanedPage?: UncleanedPage;
  /**
   * What cleaning removed, when `document` has been cleaned already (the browser cleans the
   * clone before its layout stage, which then skips what cleaning took). Without it the
   * pipeline cleans `document` first.
   */
  cleaned?: CleanResult;
}

function baseUrlOf(doc: Document, url: string | null | undefined): string | undefined {
  const base = doc.baseURI;
  if (base && base !== 'about:blank' && /^https?:/i.test(base)) return base;
  return url ?? undefined;
}

/** The pipeline: clean → extract → sanitize → Markdown. */
export function readArticle(input: ReadInput, options: ReadOptions = {}): ReadResult {
  const steps = pipeline(input, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same pipeline, with `pause()` awaited between stages, so that a caller in a page can
 * give the event loop a turn (input, paint) on a long page instead of blocking for all of it.
 */
export async function readArticleInStages(input: ReadInput, options: ReadOptions, pause: (after: PipelineStage) => Promise<void>): Promise<ReadResult> {
  const steps = pipeline(input, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause(step.value);
  }
}

/**
 * `article[key]` made the first time it is read, then kept. It stays where the object literal
 * put it among the keys, and assigning it replaces it, as with any other field.
 */
function madeOnFirstRead(article: Article, key: 'html' | 'markdown', make: () => string): void {
  let made: string | null = null;
  Object.defineProperty(article, key, {
    enumerable: true,
    configurable: true,
    get: () => (made ??= make()),
    set: (value: string) => Object.defineProperty(article, key, { value, writable: true, enumerable: true, configurable: true }),
  });
}

/** The pipeline as a generator that yields the name of each stage it has just finished. */
function* pipeline(input: ReadInput, options: ReadOptions): Generator<PipelineStage, ReadResult, void> {
  const { document: doc, window } = input;
  const url = input.url ?? (/^https?:/i.test(doc.URL) ? doc.URL : null);
  const baseUrl = baseUrlOf(doc, url);
  const timed = <T>(stage: PipelineStage, run: () => T): T => {
    if (!options.onStage) return run();
    const started = performance.now();
    const result = run();
    options.onStage(stage, performance.now() - started);
    return result;
  };
  // A document cleaned already is no uncleaned copy: without `uncleanedPage`, recovery is not tried.
  let uncleanedPage = input.uncleanedPage ?? null;
  if (!uncleanedPage && !input.cleaned) {
    const copy = doc.cloneNode(true) as Document;
    uncleanedPage = () => copy.cloneNode(true) as Document;
  }
  let removals: Removal[];
  if (input.cleaned) {
    removals = [...input.cleaned.removals];
  } else {
    removals = timed('clean', () => cleanDocument(doc, undefined, { recordText: options.debug })).removals;
    yield 'clean';
  }
  const debugRemovals = () => (options.debug ? { removals } : {});
  const pageTitle = doc.title.trim();

  const notAnArticle = (reason: NotAnArticle['reason'], message: string): NotAnArticle => ({ kind: 'not-article', url, title: pageTitle, reason, message, ...debugRemovals() });

  if (!options.force && !timed('readerable', () => looksLikeArticle(doc))) {
    return notAnArticle('not-readerable', 'No article found on this page.');
  }
  const extraction = timed('readability', () => {
    const afterHeadline = blocksAfterHeadline(doc);
    const extracted = extractWithRecovery(doc, uncleanedPage);
    if (extracted) restoreLead(extracted.content, afterHeadline);
    return extracted;
  });
  yield 'readability';
  if (!extraction) return notAnArticle('no-content', 'No article content could be extracted from this page.');
  removals.push(...timed('postclean', () => postClean(extraction.content, extraction.title, undefined, { recordText: options.debug })));
  yield 'postclean';

  const sanitized = timed('sanitize', () => {
    absolutizeUrls(extraction.content, baseUrl);
    framesToLinks(extraction.content, baseUrl);
    replaceCustomizedBuiltIns(extraction.content);
    return sanitizeArticleHtml(extraction.content.innerHTML, window);
  });
  yield 'sanitize';
  const text = timed('text', () => blockText(sanitized.body));
  if (!text.trim() && !sanitized.body.querySelector('img, video, audio')) {
    return notAnArticle('no-content', 'No article content could be extracted from this page.');
  }
  const count = countWords(text);
  const metadata = {
    url,
    title: extraction.title,
    byline: extraction.byline,
    siteName: extraction.siteName,
    lang: extraction.lang,
    publishedTime: extraction.publishedTime,
  };
  const makeMarkdown = (): string => {
    const body = timed('markdown', () => htmlToMarkdown(sanitized.body));
    return options.frontMatter ? frontMatter(metadata, options) + body + '\n' : body + '\n';
  };
  const article: Article = {
    kind: 'article',
    ...metadata,
    dir: extraction.dir,
    excerpt: extraction.excerpt,
    html: '', // serialized on first read, below
    text,
    markdown: options.deferMarkdown ? '' : makeMarkdown(),
    wordCount: wordTotal(count),
    readingMinutes: readingMinutes(count),
    ...debugRemovals(),
  };
  // The reader shows the sanitized tree, not this string.
  madeOnFirstRead(article, 'html', () => sanitized.html);
  // Copy as Markdown makes it, not the path to the painted reader.
  if (options.deferMarkdown) madeOnFirstRead(article, 'markdown', makeMarkdown);
  // Not enumerable: a DOM node is never serialized, only handed to a renderer in this realm.
  Object.defineProperty(article, 'sanitizedBody', { enumerable: false, value: sanitized.body });
  return article;
}
