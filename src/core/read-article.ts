import { cleanDocument } from './clean/clean.js';
import { postClean } from './clean/post-clean.js';
import { extract, looksLikeArticle } from './extract.js';
import { frontMatter, htmlToMarkdown } from './markdown.js';
import { absolutizeUrls, framesToLinks, replaceCustomizedBuiltIns } from './prepare.js';
import { sanitizeArticleHtml } from './sanitize.js';
import { blockText, countWords, readingMinutes, wordTotal } from './text.js';
import type { Article, NotAnArticle, PipelineStage, ReadOptions, ReadResult } from './types.js';

export interface ReadInput {
  /** A clone of the page: the pipeline rewrites it. Never the live document. */
  document: Document;
  /** A window whose DOM implementation sanitizes (DOMPurify needs one). */
  window: Window;
  /** The page's URL; relative links resolve against the document's base URL. */
  url?: string | null;
}

function baseUrlOf(doc: Document, url: string | null | undefined): string | undefined {
  const base = doc.baseURI;
  if (base && base !== 'about:blank' && /^https?:/i.test(base)) return base;
  return url ?? undefined;
}

/** The pipeline: clean → extract → sanitize → Markdown. */
export function readArticle(input: ReadInput, options: ReadOptions = {}): ReadResult {
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
  const { removals } = timed('clean', () => cleanDocument(doc));
  const debugRemovals = () => (options.debug ? { removals } : {});
  const pageTitle = doc.title.trim();

  const notAnArticle = (reason: NotAnArticle['reason'], message: string): NotAnArticle => ({ kind: 'not-article', url, title: pageTitle, reason, message, ...debugRemovals() });

  if (!options.force && !timed('readerable', () => looksLikeArticle(doc))) {
    return notAnArticle('not-readerable', 'No article found on this page.');
  }
  const extraction = timed('readability', () => extract(doc));
  if (!extraction) return notAnArticle('no-content', 'No article content could be extracted from this page.');
  removals.push(...timed('postclean', () => postClean(extraction.content, extraction.title)));

  const sanitized = timed('sanitize', () => {
    absolutizeUrls(extraction.content, baseUrl);
    framesToLinks(extraction.content, baseUrl);
    replaceCustomizedBuiltIns(extraction.content);
    return sanitizeArticleHtml(extraction.content.innerHTML, window);
  });
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
    html: sanitized.html,
    text,
    markdown: options.deferMarkdown ? '' : makeMarkdown(),
    wordCount: wordTotal(count),
    readingMinutes: readingMinutes(count),
    ...debugRemovals(),
  };
  if (options.deferMarkdown) {
    // Made on first read (Copy as Markdown), not before the reader is painted.
    let markdown: string | null = null;
    Object.defineProperty(article, 'markdown', { enumerable: true, configurable: true, get: () => (markdown ??= makeMarkdown()) });
  }
  return article;
}
