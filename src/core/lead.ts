/**
 * The lead (standfirst, deck, teaser paragraph) that news sites put between the headline
 * and the story, often in the article's header. Readability keeps one subtree, its top
 * candidate, and that is usually the story's body without the header; it has no option
 * for taking a sibling before it, so the lead is found here and put back.
 *
 * Before Readability rewrites the page, the blocks that follow the headline are noted.
 * After it, the first of them that the article holds marks where the article starts:
 * prose blocks before that one, and only those, are the lead. A page whose article does
 * not start within a few blocks of its headline gets nothing added.
 */
import { namedHeadline } from './headline.js';
import { linkTextLength } from './text.js';
import { BLOCK_SELECTOR, HIDDEN_INLINE_STYLE, collapseWhitespace as collapse } from './vocabulary.js';

export interface LeadBlock {
  /** The block's text, whitespace collapsed. */
  text: string;
  /** A copy of the block's content, taken before Readability rewrote the page. */
  content: DocumentFragment;
  prose: boolean;
}

/** Blocks looked at after the headline. */
const MAX_BLOCKS = 6;
/** Elements walked past the headline before giving up. */
const MAX_ELEMENTS = 400;
/** A lead is a sentence or more, not a byline, a date or a kicker. */
const LEAD_MIN_CHARS = 60;
const LEAD_MAX_LINK_SHARE = 0.3;
/** Characters of a block's start that identify it in the article's text. */
const MATCH_CHARS = 50;

const TEXT_BLOCK = new Set(['p', 'div', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'section', 'header', 'span', 'dd']);
/** Parts of a page's header that are not the lead, however long. */
const NOT_LEAD = 'figure, figcaption, nav, aside, footer, time, address, form, button, [role="navigation"], [role="complementary"]';
const NOT_LEAD_NAME = /(?:^|[^a-z])(?:by-?line|author|date|meta|credit|breadcrumb|share|social|tags?|related|newsletter|cookie|comment)/i;

/** The page's headline: the h1 (else the h2) that the title names, or its only h1. */
function headline(doc: Document): Element | null {
  const h1s = Array.from(doc.body?.querySelectorAll('h1') ?? []).filter((heading) => collapse(heading.textContent));
  return namedHeadline(doc) ?? (h1s.length === 1 ? h1s[0]! : null);
}

/** The element after `element` in document order, skipping its descendants. */
function nextOutside(element: Element): Element | null {
  for (let current: Element | null = element; current; current = current.parentElement) {
    if (current.nextElementSibling) return current.nextElementSibling;
  }
  return null;
}

/** The element after `element` in document order, descending into it. */
function nextInside(element: Element): Element | null {
  return element.firstElementChild ?? nextOutside(element);
}

/** What sites call the lead: `p.lead`, `.intro`, `h2.article-deck`, `.chapo`, `.bajada`. */
const LEAD_NAME = /lead|intro|teaser|standfirst|summary|subtitle|deck|excerpt|chapo|bajada|sapo|abstract|description/i;

/** Hidden by the page: Readability leaves such text out, and so does the lead. */
function isHidden(element: Element): boolean {
  for (let current: Element | null = element; current; current = current.parentElement) {
    if (current.hasAttribute('hidden') || current.getAttribute('aria-hidden') === 'true' || HIDDEN_INLINE_STYLE.test(current.getAttribute('style') ?? '')) return true;
  }
  return false;
}

function isExcluded(element: Element): boolean {
  if (element.closest(NOT_LEAD) || isHidden(element)) return true;
  // The block's own name and its parent's: a wrapper further up names a whole region.
  const names = [element, element.parentElement].map((current) => `${current?.getAttribute('class') ?? ''} ${current?.getAttribute('id') ?? ''}`).join(' ');
  return !LEAD_NAME.test(names) && NOT_LEAD_NAME.test(names);
}

/** A byline written as a sentence: "By Alex Heath, a deputy editor…", "Par Martin Untersinger". */
const BYLINE_START = /^(?:[Bb]y|BY|[Vv]on|VON|[Pp]ar|PAR|[Pp]or|POR|[Dd]i|[Dd]oor)\s+\p{Lu}\p{L}+(?:[\s,]|$)/u;
/** A dateline: a date or time ("04.05.2015 à 13h36", "11:00 PM") among separators or a byline. */
const DATE_OR_TIME = /\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{1,2}[:h]\d{2}\b/;
const DATELINE_COMPANY = /[|•]|\b(?:[Bb]y|[Pp]ar|[Vv]on|[Pp]or|[Dd]i)\s+\p{Lu}/u;
const DATELINE_MAX_CHARS = 200;

/** Prose that is still no lead: a byline, a dateline, the headline again. */
function isByOrDateLine(text: string, title: string): boolean {
  const short = text.length < DATELINE_MAX_CHARS;
  // A lead may open with the date ("19.10.2019, 15:30 Uhr – Am 8. Spieltag …"): that alone is no dateline.
  const dateline = DATE_OR_TIME.test(text) && DATELINE_COMPANY.test(text);
  return (short && (BYLINE_START.test(text) || dateline)) || (!!title && text.toLowerCase().includes(title));
}

/** The first blocks of text after the headline, noted before Readability rewrites `doc`. */
export function blocksAfterHeadline(doc: Document): LeadBlock[] {
  const heading = headline(doc);
  if (!heading) return [];
  const title = collapse(heading.textContent).toLowerCase();
  const blocks: LeadBlock[] = [];
  let walked = 0;
  for (let element = nextOutside(heading); element && blocks.length < MAX_BLOCKS && walked < MAX_ELEMENTS; walked += 1) {
    if (!TEXT_BLOCK.has(element.localName) || element.querySelector(BLOCK_SELECTOR)) {
      element = nextInside(element);
      continue;
    }
    const text = collapse(element.textContent);
    if (text) {
      const prose = text.length >= LEAD_MIN_CHARS && linkTextLength(element) / text.length < LEAD_MAX_LINK_SHARE && !isByOrDateLine(text, title) && !isExcluded(element);
      const content = element.ownerDocument.createDocumentFragment();
      if (prose) for (const child of Array.from(element.childNodes)) content.append(child.cloneNode(true));
      blocks.push({ text, content, prose });
    }
    element = nextOutside(element);
  }
  return blocks;
}

/**
 * Puts the lead back at the top of Readability's `article`: the prose blocks among
 * `blocks` that come before the first block the article holds. Returns how many.
 */
export function restoreLead(article: Element, blocks: readonly LeadBlock[]): number {
  if (!blocks.some((block) => block.prose)) return 0;
  const articleText = collapse(article.textContent);
  const start = blocks.findIndex((block) => articleText.includes(block.text.slice(0, MATCH_CHARS)));
  if (start <= 0) return 0;
  const lead = blocks.slice(0, start).filter((block) => block.prose);
  const container = article.firstElementChild?.id.startsWith('readability-page') ? article.firstElementChild : article;
  const doc = article.ownerDocument;
  const paragraphs = lead.map((block) => {
    const paragraph = doc.createElement('p');
    paragraph.append(doc.importNode(block.content, true));
    return paragraph;
  });
  container.prepend(...paragraphs);
  return paragraphs.length;
}
