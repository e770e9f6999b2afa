import type { ExceededLimit, NotAnArticle } from './types.js';

/** How much page the reader takes on before it asks; `force` skips every bound. */
export interface PageBounds {
  /** Deepest element nesting, the root element being 1. */
  depth: number;
  elements: number;
}

/**
 * Browsers' parsers nest no deeper than 513 (512 open elements below the document), so in the
 * browser only a page's own script builds deeper trees, and Readability's cost climbs steeply
 * past that depth. On jsdom, Readability's cost grows with a level's width times its depth, so
 * Node stops at half the parser's depth, still far deeper than real pages nest; jsdom is also
 * many times slower per element than a browser.
 */
export const BROWSER_BOUNDS: PageBounds = { depth: 513, elements: 50_000 };
export const NODE_BOUNDS: PageBounds = { depth: 256, elements: 25_000 };
/**
 * The content script stops a read that takes longer, at its next stage: the tab must answer.
 * Node has no such bound of its own: wall-clock time there depends on the machine's load and
 * would make a batch's results vary from run to run; the CLI's --timeout-per-page bounds it.
 */
export const BROWSER_TIME_LIMIT_MS = 3_000;

/** The first bound of depth or size that `doc` exceeds, or null; one walk, cut short past the element bound. */
export function exceededBound(doc: Document, bounds: PageBounds): ExceededLimit | null {
  const root = doc.documentElement;
  if (!root) return null;
  let elements = 0;
  let deepest = 0;
  // Sibling links and a depth counter: no recursion, no live collections.
  let element: Element | null = root;
  let depth = 1;
  while (element) {
    elements++;
    if (elements > bounds.elements) return { what: 'elements', value: doc.getElementsByTagName('*').length, limit: bounds.elements };
    if (depth > deepest) deepest = depth;
    if (element.firstElementChild) {
      element = element.firstElementChild;
      depth++;
      continue;
    }
    while (element && !element.nextElementSibling) {
      element = element === root ? null : element.parentElement;
      depth--;
    }
    element = element && element !== root ? element.nextElementSibling : null;
  }
  return deepest > bounds.depth ? { what: 'depth', value: deepest, limit: bounds.depth } : null;
}

const DESCRIPTIONS: Record<ExceededLimit['what'], (limit: ExceededLimit) => string> = {
  depth: ({ value, limit }) => `its elements nest ${value} deep (the limit is ${limit})`,
  elements: ({ value, limit }) => `it has ${value} elements (the limit is ${limit})`,
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
