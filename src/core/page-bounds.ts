import type { ExceededLimit, NotAnArticle } from './types.js';
import { isElement } from './dom.js';
import { BLOCK_ELEMENTS } from './vocabulary.js';

/** How much page the reader takes on before it asks. */
export interface PageBounds {
  /** Deepest element nesting, the root element being 1. */
  depth: number;
  elements: number;
  /**
   * The sum of every element's depth: Readability scores each block against all it holds, so
   * its work grows with this, and a page of ordinary depth and size can still be past it (a
   * template leaving 240 elements unclosed before 4,000 paragraphs).
   */
  nesting: number;
}

/**
 * Browsers' parsers nest no deeper than 513 (512 open elements below the document), so in the
 * browser only a page's own script builds deeper trees, and Readability's cost climbs steeply
 * past that depth. On jsdom, Readability's cost grows with a level's width times its depth, so
 * Node stops at half the parser's depth, still far deeper than real pages nest; jsdom is also
 * many times slower per element than a browser. The corpus's pages nest at most 42 deep, with
 * at most 10,112 elements and a nesting of 148,089.
 */
export const BROWSER_BOUNDS: PageBounds = { depth: 513, elements: 50_000, nesting: 500_000 };
export const NODE_BOUNDS: PageBounds = { depth: 256, elements: 25_000, nesting: 500_000 };
/**
 * The content script stops a read that takes longer, at its next stage: the tab must answer.
 * Node has no such bound of its own: wall-clock time there depends on the machine's load and
 * would make a batch's results vary from run to run; the CLI's --timeout-per-page bounds it.
 */
export const BROWSER_TIME_LIMIT_MS = 3_000;

/** Calls `visit` with `root` and each element inside it and its depth (root's is 1), in document order; stops when it returns false. */
function walkElements(root: Element | null, visit: (element: Element, depth: number) => boolean | void): void {
  // Sibling links and a depth counter: no recursion, no live collections.
  let element: Element | null = root;
  let depth = 1;
  while (element) {
    if (visit(element, depth) === false) return;
    if (element.firstElementChild) {
      element = element.firstElementChild;
      depth++;
      continue;
    }
    while (element && element !== root && !element.nextElementSibling) {
      element = element.parentElement;
      depth--;
    }
    element = element && element !== root ? element.nextElementSibling : null;
  }
}

/** The first bound that `doc` exceeds (elements, depth, nesting), or null; one walk, cut short past the element bound. */
export function exceededBound(doc: Document, bounds: PageBounds): ExceededLimit | null {
  let elements = 0;
  let deepest = 0;
  let nesting = 0;
  walkElements(doc.documentElement, (_, depth) => {
    elements++;
    nesting += depth;
    if (depth > deepest) deepest = depth;
    return elements <= bounds.elements;
  });
  if (elements > bounds.elements) return { what: 'elements', value: doc.getElementsByTagName('*').length, limit: bounds.elements };
  if (deepest > bounds.depth) return { what: 'depth', value: deepest, limit: bounds.depth };
  if (nesting > bounds.nesting) return { what: 'nesting', value: nesting, limit: bounds.nesting };
  return null;
}

/**
 * Lifted pieces per element at most: jsdom finds a child's index, and refreshes a live list of
 * children, by walking all of them, so Readability's edits of a wide element cost its width squared.
 */
const LIFTED_RUN = 100;

/** Blocks are never lifted above this depth: the corpus's pages nest at most 42 deep. */
const SHALLOWEST_LIFT = 48;

/**
 * What `force` reads: `doc` with the blocks nested past the bounds lifted up, so that a forced
 * read costs about what a page at the bounds costs instead of minutes. The depth is the
 * deepest that keeps both the depth and the nesting bound, and never shallower than real
 * pages nest; a page past only the element bound is read as it is.
 */
export function liftPastBounds(doc: Document, bounds: PageBounds): void {
  const atDepth: number[] = [];
  walkElements(doc.documentElement, (_, depth) => {
    atDepth[depth] = (atDepth[depth] ?? 0) + 1;
  });
  /** The nesting `doc` would have with every element at most `limit` deep. */
  const nestingWithin = (limit: number) => atDepth.reduce((sum, count, depth) => sum + (count ?? 0) * Math.min(depth, limit), 0);
  let depth = Math.min(bounds.depth, atDepth.length - 1);
  while (depth > SHALLOWEST_LIFT && nestingWithin(depth) > bounds.nesting) depth--;
  if (depth < atDepth.length - 1) flattenBeyond(doc, depth);
}

/**
 * Lifts the blocks nested deeper than `depth` up to that depth, in document order, as
 * browsers' parsers do at their own depth; paragraphs past it are kept whole (only elements
 * holding blocks are unwrapped), so no text moves and none is lost.
 */
function flattenBeyond(doc: Document, depth: number): void {
  walkElements(doc.documentElement, (element, level) => {
    if (level === depth) liftBlocks(element);
  });
}

/** The elements inside `container` that have a block somewhere inside them: one walk, each ancestor marked once. */
function elementsHoldingBlocks(container: Element): Set<Element> {
  const holding = new Set<Element>();
  walkElements(container, (element) => {
    if (element === container || !BLOCK_ELEMENTS.has(element.localName)) return;
    for (let parent = element.parentElement; parent && parent !== container && !holding.has(parent); parent = parent.parentElement) holding.add(parent);
  });
  return holding;
}

/**
 * Replaces the elements in `container` that hold blocks, however deep, by what they hold, until
 * its children are paragraphs and leaves. Only those are moved, once each: moving a wrapper costs its
 * whole subtree in jsdom, and a deep chain of them would cost its depth times its size.
 */
function liftBlocks(container: Element): void {
  const holding = elementsHoldingBlocks(container);
  if (holding.size === 0) return;
  const pieces: Node[] = [];
  const pending = Array.from(container.childNodes).reverse();
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (holding.has(node as Element)) {
      for (let child = node.lastChild; child; child = child.previousSibling) pending.push(child);
    } else {
      pieces.push(node);
    }
  }
  const doc = container.ownerDocument;
  const fragment = doc.createDocumentFragment();
  let group: ParentNode = fragment;
  // Runs of blocks go into plain divs: one element with thousands of children is slow in jsdom too.
  let inGroup = pieces.length > LIFTED_RUN ? LIFTED_RUN : 0;
  for (const piece of pieces) {
    if (inGroup >= LIFTED_RUN && isElement(piece) && BLOCK_ELEMENTS.has(piece.localName)) {
      group = fragment.appendChild(doc.createElement('div'));
      inGroup = 0;
    }
    group.append(piece);
    inGroup++;
  }
  container.replaceChildren(fragment);
}

const DESCRIPTIONS: Record<ExceededLimit['what'], (limit: ExceededLimit) => string> = {
  depth: ({ value, limit }) => `its elements nest ${value} deep (the limit is ${limit})`,
  elements: ({ value, limit }) => `it has ${value} elements (the limit is ${limit})`,
  nesting: ({ value, limit }) => `its elements' depths add up to ${value} (the limit is ${limit})`,
  time: ({ limit }) => `reading it took longer than ${limit / 1000} s`,
};

/** The result for a page past a bound. */
export function tooComplex(doc: Document, url: string | null, limit: ExceededLimit): NotAnArticle {
  return {
    kind: 'not-article',
    url,
    title: doc.title.trim(),
    reason: 'too-complex',
    message: `This page is too complex to read: ${DESCRIPTIONS[limit.what](limit)}.`,
    limit,
  };
}
