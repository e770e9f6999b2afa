/**
 * The next story that an infinite-scrolling site appends under the first: a container with a
 * headline of its own after the story at the page's URL. The story at the URL is the one whose
 * headline the page's title names, or whose `data-url` is the page's. Without one of those,
 * nothing is taken for an appended story: a site logo in an h1 would make the story look appended.
 */
import { comparableTitle, titleNames } from '../headline.js';
import { collapseWhitespace } from '../vocabulary.js';
import type { CleaningRule, RuleContext } from './rules.js';

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

/** Paragraphs that make an appended container a story, not a headline with a link. */
const MIN_PARAGRAPHS = 2;

const STORY_METADATA = 'time, [rel~="author"], [itemprop~="author"], [itemprop~="datePublished"], .byline, [data-url]';

const mainHeadlines = new WeakMap<Document, Element | null>();

function sameUrl(value: string | null, context: RuleContext): boolean {
  if (!value || !context.baseUrl) return false;
  try {
    const strip = (url: URL) => `${url.origin}${url.pathname.replace(/\/$/, '')}`;
    return strip(new URL(value, context.baseUrl)) === strip(new URL(context.baseUrl));
  } catch {
    return false;
  }
}

/** The headline of the story at the URL, when the page has several headlines; null otherwise. */
function mainHeadline(doc: Document, context: RuleContext): Element | null {
  if (mainHeadlines.has(doc)) return mainHeadlines.get(doc)!;
  const headlines = Array.from(doc.querySelectorAll('h1'));
  let main: Element | null = null;
  if (headlines.length >= 2) {
    // The story's own title: the document's may follow the story scrolled into view.
    const title = comparableTitle(doc.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? doc.title);
    main =
      headlines.find((headline) => sameUrl(headline.closest('[data-url]')?.getAttribute('data-url') ?? null, context)) ??
      headlines.find((headline) => titleNames(title, headline)) ??
      null;
  }
  mainHeadlines.set(doc, main);
  return main;
}

/** The story at the URL in a container of its own with paragraphs, or null (a headline alone in a page header). */
function storyContainerOf(headline: Element): Element | null {
  let container = headline;
  while (container.parentElement && container.parentElement.getElementsByTagName('h1').length === 1) container = container.parentElement;
  return container.getElementsByTagName('p').length >= MIN_PARAGRAPHS ? container : null;
}

/** The largest container of one appended story: it holds one headline, its parent holds more. */
function isAppendedStory(element: Element, context: RuleContext): boolean {
  const main = mainHeadline(element.ownerDocument, context);
  if (!main || element.contains(main) || !storyContainerOf(main)) return false;
  const headlines = element.getElementsByTagName('h1');
  if (headlines.length !== 1 || (element.parentElement?.getElementsByTagName('h1').length ?? 0) < 2) return false;
  // The story's own headline again (a hidden copy for structured data) is no other story.
  if (collapseWhitespace(headlines[0]!.textContent) === collapseWhitespace(main.textContent)) return false;
  // After the story at the URL, in document order.
  if (!(main.compareDocumentPosition(element) & FOLLOWING)) return false;
  const paragraphs = element.querySelectorAll('p');
  // A story's headline comes before most of its paragraphs (a label or a kicker may come first);
  // a widget's heading under a story's paragraphs is no story.
  const after = Array.from(paragraphs).filter((paragraph) => headlines[0]!.compareDocumentPosition(paragraph) & FOLLOWING).length;
  const headlineFirst = after >= MIN_PARAGRAPHS && after >= paragraphs.length / 2;
  return paragraphs.length >= MIN_PARAGRAPHS && headlineFirst && carriesStoryMetadata(element);
}

/** A story of its own says so: an article element, its own URL, a date or a byline. A section of the same story does not. */
function carriesStoryMetadata(element: Element): boolean {
  return element.localName === 'article' || element.hasAttribute('data-url') || element.querySelector(STORY_METADATA) !== null;
}

export const NEXT_STORY_RULES: readonly CleaningRule[] = [
  { family: 'next-story', name: 'appended-story', candidates: 'article, section, div', matches: isAppendedStory, maxShareOfPageText: 1 },
];
