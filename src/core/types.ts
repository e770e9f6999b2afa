import type { NotArticleKind, Verdict } from './verdict/verdict.js';

/** What the core returns for a page that has an article: plain data, safe to spread, log and send. */
export interface Article {
  kind: 'article';
  /** Absolute URL of the page the article came from, when known. */
  url: string | null;
  title: string;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  publishedTime: string | null;
  excerpt: string | null;
  /** Sanitized article HTML: safe to insert into the reader. */
  html: string;
  /** Plain text with a blank line between blocks. */
  text: string;
  /** Words in space-separated scripts plus characters in Chinese and Japanese text. */
  wordCount: number;
  readingMinutes: number;
  /** Why this was taken for an article: the signals the verdict weighed. */
  verdict: Verdict;
  /** Every element the cleaning stage removed, with its rule; only with `debug: true`. */
  removals?: Removal[];
}

export type NotAnArticleReason =
  /** What extraction found is not an article: a listing, links, too little text. */
  | NotArticleKind
  /** Readability found no main content. */
  | 'no-content'
  /** The page is past a bound of depth, size or time (see `limit`); `force` skips it. */
  | 'too-complex';

/** The bound a too-complex page went past. */
export interface ExceededLimit {
  what: 'depth' | 'elements' | 'nesting' | 'time';
  /** The page's nesting depth, element count, sum of its elements' depths, or milliseconds spent. */
  value: number;
  limit: number;
}

/** What the core returns for a page without an article: a result, never an exception. */
export interface NotAnArticle {
  kind: 'not-article';
  url: string | null;
  title: string;
  reason: NotAnArticleReason;
  message: string;
  /** The signals behind the verdict, when extraction found something to judge. */
  verdict?: Verdict;
  /** Only for `too-complex`. */
  limit?: ExceededLimit;
  removals?: Removal[];
}

export type ReadResult = Article | NotAnArticle;

export interface Removal {
  /** The rule family, e.g. `ad-slot` or `tracking-pixel`. */
  family: string;
  /** The rule's name inside its family. */
  rule: string;
  /** A short description of the element: tag, id, classes. */
  element: string;
  /** The element's text, whitespace collapsed; only with `debug: true`. */
  text?: string;
}

/** How copied or saved Markdown starts: a heading and source line, YAML front matter, or the body alone. */
export type MarkdownTemplate = 'heading' | 'front-matter' | 'none';
export const MARKDOWN_TEMPLATES: readonly MarkdownTemplate[] = ['heading', 'front-matter', 'none'];

export interface MarkdownOptions {
  /** Default `heading`: `# Title`, then the source link, byline and date. */
  template?: MarkdownTemplate;
  /** The date written as `saved` in front matter; defaults to now. */
  savedAt?: Date;
}

export interface ReadOptions {
  /** Extract even when the verdict says the page is not an article. */
  force?: boolean;
  /** Record every removal in `removals`. */
  debug?: boolean;
  /** Called with each pipeline stage's duration in milliseconds, for benchmarks. */
  onStage?: (stage: PipelineStage, milliseconds: number) => void;
}

export type PipelineStage = 'clean' | 'readability' | 'postclean' | 'sanitize' | 'text';
