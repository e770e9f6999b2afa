/**
 * A page narrowed to one part of it (a block the user chose, or a selection), for the same
 * pipeline the whole page goes through: the page's head stays, so Readability still reads the
 * page's title, meta tags and language, and its structured data is moved into the head.
 */

/**
 * Elements that only group other content: when one of these is the chosen part, its children are
 * read without it, so that its name (`aside`, `nav`, `class="sidebar"`) cannot make the cleaning
 * or Readability drop what the user asked for. Custom elements count as such groups too.
 */
const GROUPING_ELEMENTS: ReadonlySet<string> = new Set(['body', 'main', 'article', 'section', 'div', 'aside', 'nav', 'header', 'footer', 'center', 'span', 'font']);

const STRUCTURED_DATA = 'script[type="application/ld+json" i]';

/**
 * Rewrites `doc` (a clone of the page) so that its body holds only `part`, an element of `doc`
 * or a fragment made from it, in one plain `<div>`.
 */
export function keepOnly(doc: Document, part: Element | DocumentFragment): void {
  const body = doc.body;
  if (!body) return;
  const head = doc.head ?? doc.documentElement.insertBefore(doc.createElement('head'), body);
  for (const script of Array.from(body.querySelectorAll(STRUCTURED_DATA))) {
    if (!part.contains(script)) head.append(script);
  }
  const holder = doc.createElement('div');
  const isElement = part.nodeType === 1;
  const name = isElement ? (part as Element).localName : '';
  if (!isElement || GROUPING_ELEMENTS.has(name) || name.includes('-')) holder.append(...Array.from(part.childNodes));
  else holder.append(part);
  body.replaceChildren(holder);
}
