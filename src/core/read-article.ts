import { cleanDocument, type CleanResult } from './clean/clean.js';
import { postClean } from './clean/post-clean.js';
import { blocksAfterHeadline, restoreLead } from './lead.js';
import { absolutizeUrls, framesToLinks, replaceCustomizedBuiltIns } from './prepare.js';
import { markFootnotes } from './footnotes.js';
import { removeSegmentBreaksBetweenWideCharacters } from './segment-breaks.js';
import { extractWithRecovery, type UncleanedPage } from './recover.js';
import { sanitizeArticleHtml } from './sanitize.js';
import { blockText, countWords, readingMinutes, wordTotal } from './text.js';
import type { Article, NotAnArticleReason, PipelineStage, ReadOptions, ReadResult, Removal } from './types.js';
import { pageSignals } from './verdict/page-signals.js';
import { articleSignals, articleVerdict, type Verdict } from './verdict/verdict.js';

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

/** What the pipeline gives: the result, and for an article the sanitized tree the reader and Markdown are made from. */
export interface PipelineOutput {
  result: ReadResult;
  /**
   * The sanitized article as DOMPurify left it (the body of an inert document), for a renderer
   * or a Markdown converter in the same realm: no second parse and sanitize. Null without an article.
   */
  body: HTMLElement | null;
}

/** The pipeline: clean → extract → judge → sanitize. */
export function readArticle(input: ReadInput, options: ReadOptions = {}): ReadResult {
  return readArticleWithBody(input, options).result;
}

/** The same, with the sanitized article tree beside the result. */
export function readArticleWithBody(input: ReadInput, options: ReadOptions = {}): PipelineOutput {
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
export async function readArticleInStages(input: ReadInput, options: ReadOptions, pause: (after: PipelineStage) => Promise<void>): Promise<PipelineOutput> {
  const steps = pipeline(input, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause(step.value);
  }
}

const NOT_ARTICLE_MESSAGES: Record<Exclude<NotAnArticleReason, 'too-complex'>, string> = {
  listing: 'This page lists other pages (a section front, search results or a catalogue); it has no article of its own.',
  links: 'This page is mostly links; it has no article.',
  'too-little-text': 'This page has too little text to be an article.',
  'no-content': 'No article content could be extracted from this page.',
};

/** The pipeline as a generator that yields the name of each stage it has just finished. */
function* pipeline(input: ReadInput, options: ReadOptions): Generator<PipelineStage, PipelineOutput, void> {
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
  const notAnArticle = (reason: keyof typeof NOT_ARTICLE_MESSAGES, verdict?: Verdict): PipelineOutput => ({
    result: { kind: 'not-article', url, title: pageTitle, reason, message: NOT_ARTICLE_MESSAGES[reason], ...(verdict ? { verdict } : {}), ...debugRemovals() },
    body: null,
  });

  const extraction = timed('readability', () => {
    const page = pageSignals(doc);
    const afterHeadline = blocksAfterHeadline(doc);
    const extracted = extractWithRecovery(doc, uncleanedPage);
    if (extracted) {
      restoreLead(extracted.content, afterHeadline);
      // Before sanitizing, so that the reader, the text and the Markdown all read the same.
      removeSegmentBreaksBetweenWideCharacters(extracted.content);
    }
    return extracted && { ...extracted, page };
  });
  yield 'readability';
  if (!extraction) return notAnArticle('no-content');
  removals.push(...timed('postclean', () => postClean(extraction.content, extraction.title, undefined, { recordText: options.debug })));
  yield 'postclean';

  const sanitized = timed('sanitize', () => {
    absolutizeUrls(extraction.content, baseUrl);
    framesToLinks(extraction.content, baseUrl);
    replaceCustomizedBuiltIns(extraction.content);
    markFootnotes(extraction.content, baseUrl);
    return sanitizeArticleHtml(extraction.content.innerHTML, window);
  });
  yield 'sanitize';
  const text = timed('text', () => blockText(sanitized));
  if (!text.trim() && !sanitized.querySelector('img, video, audio')) return notAnArticle('no-content');
  const verdict = articleVerdict(extraction.page, articleSignals(sanitized, text, extraction.page.teaserTexts));
  if (!verdict.isArticle && !options.force) return notAnArticle(verdict.reason ?? 'no-content', verdict);
  const count = countWords(text);
  const article: Article = {
    kind: 'article',
    url,
    title: extraction.title,
    byline: extraction.byline,
    siteName: extraction.siteName,
    lang: extraction.lang,
    dir: extraction.dir,
    publishedTime: extraction.publishedTime,
    excerpt: extraction.excerpt,
    html: sanitized.innerHTML,
    text,
    wordCount: wordTotal(count),
    readingMinutes: readingMinutes(count),
    verdict,
    ...debugRemovals(),
  };
  return { result: article, body: sanitized };
}
