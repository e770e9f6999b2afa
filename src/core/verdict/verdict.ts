/**
 * Is what extraction found an article? The user has already asked for one, so everything
 * is shown, however short, unless it is clearly something else: a listing of teasers, a
 * block of links, or a page with too little text (a log-in form, an error page, a video).
 */
import { countWords, linkTextLength, wordTotal } from '../text.js';
import { collapseWhitespace } from '../vocabulary.js';
import type { PageSignals } from './page-signals.js';

export type NotArticleKind = 'listing' | 'links' | 'too-little-text';

export interface ArticleSignals {
  /** Words of the extracted text (Chinese and Japanese by character). */
  words: number;
  /** Blocks of text in the extracted article. */
  blocks: number;
  /** Share of the extracted text that sits in links. */
  linkDensity: number;
  /** Words in the article's sentences: blocks long enough to be prose rather than labels. */
  proseWords: number;
  /** Share of the extracted text that is the text of teaser blocks of the page. */
  teaserShare: number;
}

export interface Verdict {
  isArticle: boolean;
  /** Why the page is not an article; null when it is. */
  reason: NotArticleKind | null;
  page: Omit<PageSignals, 'teaserTexts'> & { teasers: number };
  article: ArticleSignals;
}

const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, td, dd, figcaption';
/** A block this long is a sentence or more (Chinese and Japanese count by character). */
const PROSE_BLOCK_MIN_WORDS = 15;

/** Teasers hold this share of the extracted text: Readability took the listing, or one card of it. */
const LISTING_TEASER_SHARE = 0.5;
/** Below this much prose and this many words in all, an article says too little to be one… */
const MIN_PROSE_WORDS = 25;
const MIN_WORDS = 150;
/** Mostly links: a directory, a sitemap, a menu. */
const LINKS_DENSITY = 0.5;

function wordsIn(text: string): number {
  return wordTotal(countWords(text));
}

/** The article's own signals, from Readability's content element and its plain text. */
export function articleSignals(content: Element, text: string, teaserTexts: readonly string[]): ArticleSignals {
  const blocks = Array.from(content.querySelectorAll(BLOCKS)).filter((block) => !block.querySelector(BLOCKS));
  const blockTexts = blocks.map((block) => collapseWhitespace(block.textContent)).filter(Boolean);
  const collapsed = collapseWhitespace(text);
  const teaserChars = teaserTexts.reduce((sum, teaser) => sum + (collapsed.includes(teaser) ? teaser.length : 0), 0);
  return {
    words: wordsIn(text),
    blocks: blockTexts.length,
    linkDensity: collapsed.length ? Math.min(1, linkTextLength(content) / collapsed.length) : 0,
    proseWords: blockTexts.map(wordsIn).filter((words) => words >= PROSE_BLOCK_MIN_WORDS).reduce((sum, words) => sum + words, 0),
    teaserShare: collapsed.length ? Math.min(1, teaserChars / collapsed.length) : 0,
  };
}

function kindOf(page: PageSignals, article: ArticleSignals): NotArticleKind | null {
  const declaredArticle = page.declaredType === 'article';
  if (article.teaserShare >= LISTING_TEASER_SHARE && !declaredArticle) return 'listing';
  if (article.linkDensity >= LINKS_DENSITY && !declaredArticle) return 'links';
  if (article.proseWords < MIN_PROSE_WORDS && article.words < MIN_WORDS && !declaredArticle && !page.hasDateOrAuthor) return 'too-little-text';
  return null;
}

export function articleVerdict(page: PageSignals, article: ArticleSignals): Verdict {
  const reason = kindOf(page, article);
  const { teaserTexts, ...pageSignals } = page;
  return { isArticle: reason === null, reason, page: { ...pageSignals, teasers: teaserTexts.length }, article };
}
