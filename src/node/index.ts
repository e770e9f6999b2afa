import { articleMarkdown } from '../core/markdown.js';
import { exceededBound, liftPastBounds, NODE_BOUNDS, tooComplex } from '../core/page-bounds.js';
import { readArticle } from '../core/read-article.js';
import type { Article, MarkdownOptions, ReadOptions, ReadResult } from '../core/types.js';
import { flattenDeclarativeShadowRoots } from '../core/shadow.js';
import { decodeHtml } from './decode.js';
import { canonicalUrl, parsePage, type ParsedPage } from './parse.js';

export type { Article, ExceededLimit, MarkdownOptions, MarkdownTemplate, NotAnArticle, ReadResult, Removal, ReadOptions } from '../core/types.js';
export type { Verdict } from '../core/verdict/verdict.js';
export { NODE_BOUNDS, type PageBounds } from '../core/page-bounds.js';

export interface ExtractOptions extends ReadOptions {
  /** The page's URL: the base for relative links, and `source` in front matter. */
  url?: string;
  /** The charset the server declared (HTTP `Content-Type`), for byte input. */
  charset?: string;
}

/**
 * Reads the article in a page. `html` may be text or the page's raw bytes in
 * its own encoding. A page with no article gives a `not-article` result, and so
 * does a page past NODE_BOUNDS (`too-complex`), unless `force` is set: then what is nested
 * past the bounds is lifted up first (`liftPastBounds`).
 */
export async function extractArticle(html: string | Uint8Array, options: ExtractOptions = {}): Promise<ReadResult> {
  const markup = typeof html === 'string' ? html : decodeHtml(html, options.charset);
  const pages: ParsedPage[] = [];
  const open = (): ParsedPage => {
    const page = parsePage(markup, options.url);
    pages.push(page);
    // A browser would have attached these roots while parsing; the reader reads what they show.
    flattenDeclarativeShadowRoots(page.document);
    if (options.force) liftPastBounds(page.document, NODE_BOUNDS);
    // A saved page read from a file: its canonical URL is the best base for its relative links.
    const url = options.url ?? canonicalUrl(page.document);
    if (!options.url && url && !page.document.querySelector('base[href]')) {
      const base = page.document.createElement('base');
      base.setAttribute('href', url);
      page.document.head.prepend(base);
    }
    return page;
  };
  const page = open();
  const url = options.url ?? canonicalUrl(page.document);
  try {
    const exceeded = options.force ? null : exceededBound(page.document, NODE_BOUNDS);
    if (exceeded) return tooComplex(page.document, url ?? null, exceeded);
    // Recovery asks for an uncleaned copy only when the article comes out short: parse again then.
    return readArticle({ document: page.document, window: page.window, url: url ?? null, uncleanedPage: () => open().document }, options);
  } finally {
    for (const opened of pages) opened.close();
    // jsdom frees a closed window's document only once the event loop turns; a
    // batch that never yields keeps every page it read (4 GB after ~900 pages).
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The article as Markdown, under `options.template` (default: a heading and a source line). */
export function toMarkdown(article: Article, options: MarkdownOptions = {}): string {
  const page = parsePage(`<!doctype html><body>${article.html}`, article.url ?? undefined);
  try {
    return articleMarkdown(article, page.document.body, options);
  } finally {
    page.close();
  }
}

export { decodeHtml } from './decode.js';
