/** What the core returns for a page that has an article. */
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
  /**
   * The same sanitized article as DOMPurify left it (the body of an inert document), for a
   * renderer in the same realm: importing these nodes skips a second parse and sanitize.
   * Not enumerable, so never serialized or sent in a message.
   */
  readonly sanitizedBody?: HTMLElement;
  /** Plain text with a blank line between blocks. */
  text: string;
  markdown: string;
  /** Words in space-separated scripts plus characters in Chinese and Japanese text. */
  wordCount: number;
  readingMinutes: number;
  /** Every element the cleaning stage removed, with its rule; only with `debug: true`. */
  removals?: Removal[];
}

export type NotAnArticleReason =
  /** `isProbablyReaderable` says the page is not an article (index pages, apps, forms). */
  | 'not-readerable'
  /** Readability found no main content. */
  | 'no-content'
  /** The page is past a bound of depth, size or time (see `limit`); `force` skips it. */
  | 'too-complex';

/** The bound a too-complex page went past. */
export interface ExceededLimit {
  what: 'depth' | 'elements' | 'time';
  /** The page's nesting depth, element count, or milliseconds spent. */
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

export interface MarkdownOptions {
  /** Prepend YAML front matter (title, source, author, site, published, saved). */
  frontMatter?: boolean;
  /** The date written as `saved` in front matter; defaults to now. */
  savedAt?: Date;
}

export interface ReadOptions extends MarkdownOptions {
  /** Extract even when the page does not look like an article. */
  force?: boolean;
  /** Record every removal in `removals`. */
  debug?: boolean;
  /**
   * Make `markdown` on its first read instead of inside the pipeline (the reader paints
   * sooner; Copy as Markdown pays for it). The result then holds the sanitized article DOM
   * until `markdown` is read.
   */
  deferMarkdown?: boolean;
  /** Called with each pipeline stage's duration in milliseconds, for benchmarks. */
  onStage?: (stage: PipelineStage, milliseconds: number) => void;
}

export type PipelineStage = 'clean' | 'readerable' | 'readability' | 'postclean' | 'sanitize' | 'text' | 'markdown';
