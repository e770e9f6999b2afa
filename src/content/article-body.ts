import { sanitizeToFragment } from '../core/sanitize.js';
import type { Article } from '../core/types.js';
import { LONG_ARTICLE_BLOCKS, LONG_ARTICLE_CLASS, SKIPPABLE_BLOCKS } from './overlay-styles.js';

/**
 * How many of a long article's blocks go into the reader before its first frame; the rest
 * follow once that frame is out. Before the first frame the browser imports, styles and
 * sizes (content-visibility) every block it is given, though a screen shows a dozen or two.
 * 60 fills a tall portrait screen at the smallest font size.
 */
export const FIRST_PAINT_BLOCKS = 60;

export interface ArticleBody {
  /** The article element, with all of a short article and the start of a long one. */
  body: HTMLElement;
  /** Appends the blocks held back from the first frame; null when none are (a short article). */
  rest: (() => void) | null;
}

/** SKIPPABLE_BLOCKS as the source holds them: each table goes into a `.table-scroll` in the reader. */
export const COUNTED_BLOCKS = `${SKIPPABLE_BLOCKS}, table`;

type ArticleSource = Pick<Article, 'html' | 'lang' | 'dir'>;

/**
 * The sanitized article as this document's nodes: DOMPurify's own output tree imported as it is
 * (what DOMPurify's RETURN_DOM_FRAGMENT does too), never serialized and parsed again. An
 * article from elsewhere (no tree) is parsed and sanitized here.
 */
export function articleBody(article: ArticleSource, sanitizedBody: HTMLElement | null, doc: Document = document): ArticleBody {
  const body = doc.createElement('article');
  body.className = 'content';
  if (article.lang) body.lang = article.lang;
  if (article.dir) body.dir = article.dir;
  const source: ParentNode = sanitizedBody ?? sanitizeToFragment(article.html, doc.defaultView!);
  const blocks = source.querySelectorAll(COUNTED_BLOCKS);
  const long = blocks.length >= LONG_ARTICLE_BLOCKS;
  if (long) body.classList.add(LONG_ARTICLE_CLASS);

  const flow = long ? flowOf(source) : source;
  const flowCopy = copyWrappers(source, flow, body, doc);
  const children = Array.from(flow.childNodes);
  // Up to the flow's child that holds the FIRST_PAINT_BLOCKS-th block (blocks are in document order).
  const split = long && blocks.length >= FIRST_PAINT_BLOCKS ? children.indexOf(childOf(flow, blocks[FIRST_PAINT_BLOCKS - 1]!)) + 1 : children.length;
  const importRange = (from: number, to: number): DocumentFragment => {
    const fragment = doc.createDocumentFragment();
    for (let index = from; index < to; index++) fragment.append(doc.importNode(children[index]!, true));
    adaptBlocks(fragment, doc);
    return fragment;
  };
  flowCopy.append(importRange(0, split));
  return { body, rest: split < children.length ? () => flowCopy.append(importRange(split, children.length)) : null };
}

/**
 * Wrappers the flow may be found inside. Not a table, a list or a link: their copies would miss
 * the adaptations (a scrollable table, a link that opens a new tab), and a table's columns or a
 * reversed list's numbers would change on screen when the rest came in.
 */
const PLAIN_WRAPPERS = new Set(['div', 'section', 'article', 'main']);

/**
 * The node whose children are the article's flow of blocks: Readability wraps the article in
 * one `<div class="page">`, and sites often wrap it in more.
 */
function flowOf(source: ParentNode): ParentNode {
  let flow = source;
  while (flow.childElementCount === 1 && PLAIN_WRAPPERS.has(flow.firstElementChild!.localName) && !hasOwnText(flow)) flow = flow.firstElementChild!;
  return flow;
}

/** Text beside the wrapper, a no-break space included: only HTML's own whitespace may be left out of the copy. */
function hasOwnText(node: ParentNode): boolean {
  for (let child = (node as Node).firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3 && /[^\t\n\f\r ]/.test(child.nodeValue ?? '')) return true;
  }
  return false;
}

/** Copies of the elements from `source` down to `flow`, without their children, nested in `into`; returns the innermost. */
function copyWrappers(source: ParentNode, flow: ParentNode, into: HTMLElement, doc: Document): ParentNode {
  const chain: Node[] = [];
  for (let node: Node | null = flow as Node; node && node !== source; node = node.parentNode) chain.unshift(node);
  let target: ParentNode = into;
  for (const wrapper of chain) {
    const copy = doc.importNode(wrapper, false) as Element;
    target.append(copy);
    target = copy;
  }
  return target;
}

/** The child of `parent` that is `node` or holds it. */
function childOf(parent: ParentNode, node: Element): Element {
  let child = node;
  while (child.parentNode !== parent) child = child.parentElement!;
  return child;
}

/** Scrollable tables, media that load lazily, links that open a new tab. */
function adaptBlocks(root: DocumentFragment, doc: Document): void {
  for (const table of Array.from(root.querySelectorAll('table'))) {
    const wrapper = doc.createElement('div');
    wrapper.className = 'table-scroll';
    table.replaceWith(wrapper);
    wrapper.append(table);
  }
  for (const image of Array.from(root.querySelectorAll('img'))) {
    image.loading = 'lazy';
    image.decoding = 'async';
  }
  for (const link of Array.from(root.querySelectorAll('a[href]'))) {
    link.setAttribute('target', '_blank');
    link.setAttribute('rel', 'noopener noreferrer');
  }
}
