/**
 * The story's headline: the heading the page's title names. Sites add their own name to the
 * title ("Headline | Site") and a kicker to the heading, so either may hold the other.
 */
import { collapseWhitespace } from './vocabulary.js';

/** Shorter headings are labels ("News", "Video") that a title holds by chance. */
const HEADLINE_MIN_CHARS = 10;

/** A title for matching headings against: white space collapsed, lower case. */
export function comparableTitle(title: string | null | undefined): string {
  return collapseWhitespace(title).toLowerCase();
}

/** True when `title` (from comparableTitle) names `heading`. */
export function titleNames(title: string, heading: Element): boolean {
  const text = collapseWhitespace(heading.textContent).toLowerCase();
  return !!title && text.length >= HEADLINE_MIN_CHARS && (title.includes(text) || text.includes(title));
}

/** The first h1 the page's title names, else the first such h2; null when it names none. */
export function namedHeadline(doc: Document): Element | null {
  const title = comparableTitle(doc.title);
  const named = (tag: string) => Array.from(doc.body?.querySelectorAll(tag) ?? []).find((heading) => titleNames(title, heading));
  return named('h1') ?? named('h2') ?? null;
}
