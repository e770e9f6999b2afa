/**
 * What a page says about itself before Readability rewrites it: its declared type, its
 * headline and date, its forms, and the repeated teaser blocks of a listing. Read once on
 * the cleaned clone; the verdict weighs them against what extraction found.
 */
import { isProbablyReaderable } from '@mozilla/readability';
import { blockText, countWords, wordTotal } from '../text.js';
import { collapseWhitespace } from '../vocabulary.js';
import { jsonLdBlocks } from '../structured-data.js';
import { comparableTitle, namedHeadline } from '../headline.js';

/** What the page declares itself to be, in `og:type` and JSON-LD `@type`. */
export type DeclaredType = 'article' | 'listing' | 'other' | null;

export interface PageSignals {
  declaredType: DeclaredType;
  /** The `@type`/`og:type` values the declaration was read from, for the debug trace. */
  declaredAs: string[];
  /** An h1 (or h2) that the page's title names. */
  hasHeadline: boolean;
  /** A machine-readable publication date or an author in the page's markup. */
  hasDateOrAuthor: boolean;
  /** Readability's own "offer a reader here" heuristic: one signal among the others. */
  probablyReaderable: boolean;
  /**
   * The longest block of text of each teaser: a link to another page among similar siblings
   * (a card, a search hit). Its summary, usually: it survives when Readability drops the links.
   */
  teaserTexts: string[];
}

/** schema.org types of a single piece of writing. */
const ARTICLE_TYPES = /^(?:\w*Article|BlogPosting|LiveBlogPosting|SocialMediaPosting|DiscussionForumPosting|Report|Review|Recipe|HowTo|Guide|Chapter|CreativeWork)$/;
/**
 * schema.org types of a page that lists or sells things rather than telling one story. Not the
 * media objects (VideoObject, ImageObject): articles declare the video or photo they embed.
 */
const LISTING_TYPES = /^(?:CollectionPage|SearchResultsPage|ItemList|Product|ProductGroup|OfferCatalog|Store|JobPosting|RealEstateListing|ProfilePage|ContactPage|CheckoutPage)$/;
const OPEN_GRAPH_ARTICLE = /^(?:article|blog|news|post)/i;
const OPEN_GRAPH_LISTING = /^(?:product|video|music|profile|books?\.|restaurant|business)/i;

function jsonLdTypes(doc: Document): string[] {
  const types: string[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const record = value as Record<string, unknown>;
    const type = record['@type'];
    for (const name of Array.isArray(type) ? type : [type]) if (typeof name === 'string') types.push(name.replace(/^.*[/#:]/, ''));
    // The page's own entity and its graph; not what it mentions (a publisher, an author, a breadcrumb).
    visit(record['@graph'], depth + 1);
    visit(record['mainEntity'], depth + 1);
  };
  for (const block of jsonLdBlocks(doc)) visit(block, 0);
  return types;
}

function declared(doc: Document): { declaredType: DeclaredType; declaredAs: string[] } {
  const openGraph = doc.querySelector('meta[property="og:type" i], meta[name="og:type" i]')?.getAttribute('content')?.trim() ?? '';
  const types = jsonLdTypes(doc);
  const declaredAs = openGraph ? [`og:${openGraph}`, ...types] : types;
  // Structured data says more than og:type, which many sites leave at "website" on every page.
  if (types.some((type) => ARTICLE_TYPES.test(type))) return { declaredType: 'article', declaredAs };
  if (types.some((type) => LISTING_TYPES.test(type))) return { declaredType: 'listing', declaredAs };
  if (OPEN_GRAPH_ARTICLE.test(openGraph)) return { declaredType: 'article', declaredAs };
  if (OPEN_GRAPH_LISTING.test(openGraph)) return { declaredType: 'listing', declaredAs };
  return { declaredType: declaredAs.length ? 'other' : null, declaredAs };
}

function hasHeadline(doc: Document): boolean {
  // Without a title to name it, any h1 is the headline.
  if (!comparableTitle(doc.title)) return doc.querySelector('h1') !== null;
  return namedHeadline(doc) !== null;
}

const DATE_OR_AUTHOR =
  'meta[property="article:published_time" i], meta[name="date" i], meta[name="pubdate" i], meta[itemprop="datePublished" i], [itemprop~="datePublished"], ' +
  'meta[name="author" i], meta[property="article:author" i], [rel~="author"], [itemprop~="author"], time[datetime], time[pubdate]';


/** A teaser's own text is a headline and a summary: more than a menu item, less than a story (in words, Chinese and Japanese by character). */
const TEASER_MIN_WORDS = 6;
const TEASER_MAX_WORDS = 300;
/** The link that makes a block a teaser carries its headline (Chinese and Japanese count by character). */
const TEASER_LINK_MIN_WORDS = 4;
/** Fewer similar siblings than this are a related-links box, not a listing. */
const MIN_REPEATS = 4;
const TEXT_NODE = 3;

/**
 * What makes siblings "the same kind of block": the tag and the first class name (later ones
 * often number the item: WordPress's `post-412`).
 */
function shapeOf(element: Element): string {
  const kind = (element.getAttribute('class') ?? '').trim().split(/\s+/).find((name) => !NUMBERED_CLASS.test(name));
  return `${element.localName}.${kind ?? ''}`;
}

/** A class that numbers its item (`post-231`, `tag-14`) rather than naming its kind. */
const NUMBERED_CLASS = /\d{2,}/;

const LINK_BLOCKS = 'h1, h2, h3, h4, h5, h6, p, div, li, dt, dd, header, figcaption, td';

/**
 * A link to another page that stands as the block's headline (it fills its own block, or the
 * whole teaser is the link), not a link inside a sentence.
 */
function hasHeadlineLink(teaser: Element): boolean {
  const links = teaser.localName === 'a' ? [teaser] : Array.from(teaser.querySelectorAll('a[href]'));
  return links.some((link) => {
    const href = link.getAttribute('href') ?? '';
    if (href.startsWith('#') || /^(?:javascript|mailto|tel):/i.test(href)) return false;
    const text = collapseWhitespace(link.textContent);
    if (wordTotal(countWords(text)) < TEASER_LINK_MIN_WORDS) return false;
    // A card whose link wraps its headline or the whole card.
    if (link === teaser || link.querySelector(LINK_BLOCKS)) return true;
    return !insideSentence(link, teaser);
  });
}

/** Text right before or after the link, in its block: the link is part of a sentence. */
function insideSentence(link: Element, teaser: Element): boolean {
  let current: Element = link;
  // Up through inline wrappers that hold nothing but the link (`<strong><a>…</a></strong>`).
  while (current.parentElement && current.parentElement !== teaser && !current.parentElement.matches(LINK_BLOCKS) && collapseWhitespace(current.parentElement.textContent) === collapseWhitespace(current.textContent)) {
    current = current.parentElement;
  }
  const hasText = (node: Node | null) => node !== null && node.nodeType === TEXT_NODE && /\S/.test(node.nodeValue ?? '');
  return hasText(current.previousSibling) || hasText(current.nextSibling);
}

function longestBlock(element: Element): string | null {
  const blocks = blockText(element).split(/\n\s*\n/).map(collapseWhitespace);
  return blocks.reduce<string | null>((longest, block) => (block.length > (longest?.length ?? 0) ? block : longest), null);
}

/** Blocks that repeat among their siblings, each a link to another page with a headline's worth of text. */
export function teaserTexts(root: Element): string[] {
  const teasers: string[] = [];
  const seen = new Set<Element>();
  for (const parent of Array.from(root.querySelectorAll('*'))) {
    if (parent.children.length < MIN_REPEATS) continue;
    const byShape = new Map<string, Element[]>();
    for (const child of Array.from(parent.querySelectorAll(':scope > *'))) {
      const shape = shapeOf(child);
      const group = byShape.get(shape);
      if (group) group.push(child);
      else byShape.set(shape, [child]);
    }
    for (const group of byShape.values()) {
      if (group.length < MIN_REPEATS) continue;
      const candidates = group
        .filter((element) => !seen.has(element))
        .map((element) => ({ element, text: collapseWhitespace(blockText(element)) }))
        .filter(({ element, text }) => {
          const words = wordTotal(countWords(text));
          return words >= TEASER_MIN_WORDS && words <= TEASER_MAX_WORDS && hasHeadlineLink(element);
        });
      if (candidates.length < MIN_REPEATS) continue;
      for (const { element, text } of candidates) {
        seen.add(element);
        teasers.push(longestBlock(element) ?? text);
      }
    }
  }
  return teasers;
}

/** Reads the page's signals; call it before Readability rewrites `doc`. */
export function pageSignals(doc: Document): PageSignals {
  return {
    ...declared(doc),
    hasHeadline: hasHeadline(doc),
    hasDateOrAuthor: doc.querySelector(DATE_OR_AUTHOR) !== null,
    probablyReaderable: isProbablyReaderable(doc),
    teaserTexts: doc.body ? teaserTexts(doc.body) : [],
  };
}
