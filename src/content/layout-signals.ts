import { describeElement } from '../core/clean/clean.js';
import type { Removal } from '../core/types.js';
import { detach, elementSteps } from '../core/dom.js';
import { WHITESPACE } from '../core/vocabulary.js';
import { indexAfterRemovals, type CleanedPlaces, type PlaceNode } from './cleaned-places.js';
import { liveShadowRoot } from './shadow-clone.js';

/**
 * Layout signals only a live page has: what the user cannot see. Everything is measured on
 * the live page; what is found is removed from a clone made right after, by its place in the tree.
 */

/** Elements never judged by their box: they have none, or hidden is their normal state. */
const NO_BOX_TAGS = new Set([
  'script', 'style', 'link', 'meta', 'template', 'noscript', 'source', 'track', 'br', 'wbr', 'head', 'title', 'base',
  'area', 'map', 'param', 'col', 'colgroup', 'option', 'optgroup', 'datalist', 'picture',
]);
/** MathML and SVG internals report odd boxes; judge their outer element only. */
const FOREIGN_NAMESPACES = new Set(['http://www.w3.org/1998/Math/MathML', 'http://www.w3.org/2000/svg']);
/** A fixed or sticky element holding more than this share of the page's text is the page itself. */
const MAIN_CONTENT_SHARE = 0.3;
const TABLE_PARTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption']);
const TINY_IMAGE_PX = 2;
const STICKY_BAR_MAX_TEXT = 200;

type LayoutRule = 'hidden-by-style' | 'zero-size-image' | 'zero-size-box' | 'off-screen' | 'fixed-overlay';

/** Elements whose text no reader sees. */
const UNSEEN_TEXT = new Set(['script', 'style', 'noscript', 'template']);

/**
 * Characters of text a reader could see in `root`, whitespace aside: scripts and styles do not
 * count. The page and each element it is compared with are measured alike. Counted per text
 * node, since news pages carry hundreds of kilobytes of inline script that a `textContent`
 * would copy and scan.
 */
export function visibleTextLength(root: Element): number {
  return textCounter(root)(Number.POSITIVE_INFINITY);
}

function visibleLength(text: Node): number {
  const parent = text.parentNode as Element | null;
  if (parent && UNSEEN_TEXT.has(parent.localName)) return 0;
  const value = text.nodeValue ?? '';
  return value.trim() ? value.replace(WHITESPACE, '').length : 0;
}

/**
 * `visibleTextLength(body)`, counted only as far as a question needs: `upTo(n)` is exact
 * while the text is no longer than `n`, and past `n` only says so. The count resumes where
 * the last question left it, so the page is walked at most once. A hidden menu only needs
 * to know the page is some times longer than itself; the long benchmark page spent 15 ms
 * counting all of its text for that.
 */
export function textCounter(root: Element): (upTo: number) => number {
  let counted = 0;
  let walker: TreeWalker | undefined;
  return (upTo) => {
    if (counted > upTo) return counted;
    walker ??= root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      counted += visibleLength(node);
      if (counted > upTo) break;
    }
    return counted;
  };
}

function hasVisibleDescendant(element: Element, view: Window): boolean {
  for (const descendant of Array.from(element.querySelectorAll('*'))) {
    if (view.getComputedStyle(descendant).visibility === 'visible') return true;
  }
  return false;
}

/**
 * A pixel, not a picture. Lazy images and images still loading have no size yet and are
 * content more often than not, so only a declared tiny size or a loaded tiny image counts.
 */
function isTinyImage(image: HTMLImageElement, box: DOMRect): boolean {
  if (box.width > TINY_IMAGE_PX && box.height > TINY_IMAGE_PX) return false;
  const declaredTiny = ['width', 'height'].some((name) => {
    const value = image.getAttribute(name);
    return value !== null && value.trim() !== '' && Number.parseFloat(value) <= TINY_IMAGE_PX;
  });
  if (declaredTiny) return true;
  const lazy = image.loading === 'lazy' || Array.from(image.attributes).some((attribute) => /^data-.*src/i.test(attribute.name));
  if (lazy) return false;
  return image.complete && image.naturalWidth > 0;
}

/** What every judgement needs from the page, read once: each read of `scrollX` costs as much as a box. */
interface PageMetrics {
  view: Window;
  /** The page's visible text length, exact up to the bound given (see `textCounter`). */
  textLength: (upTo: number) => number;
  scrollX: number;
  scrollY: number;
}

function judge(element: Element, page: PageMetrics): LayoutRule | null {
  const { view } = page;
  // Each read of a computed property costs as much as a small DOM call: read each once.
  const style = view.getComputedStyle(element);
  const display = style.display;
  // Pages that hide their whole body until a script reveals it (AMP, anti-flicker
  // snippets) must still read: a hidden element holding the bulk of the text stays.
  // The element's own visible text: several judgements may ask, it is counted once.
  let ownText: number | undefined;
  const ownTextLength = () => (ownText ??= visibleTextLength(element));
  const holdsMainContent = () => {
    const own = ownTextLength();
    if (own === 0) return false;
    // Past this bound the share is below MAIN_CONTENT_SHARE whatever the rest of the page holds.
    const pageTextLength = page.textLength(own / MAIN_CONTENT_SHARE + 1);
    return pageTextLength > 0 && own / pageTextLength >= MAIN_CONTENT_SHARE;
  };
  if (display === 'none') return holdsMainContent() ? null : 'hidden-by-style';
  if (display === 'contents') return null;
  const visibility = style.visibility;
  if (visibility === 'hidden' || visibility === 'collapse') {
    // Judge the element that does the hiding, not everything under a hidden ancestor.
    const parent = element.parentElement;
    const parentVisible = !parent || view.getComputedStyle(parent).visibility === 'visible';
    if (parentVisible && !holdsMainContent() && !hasVisibleDescendant(element, view)) return 'hidden-by-style';
  }

  // An inline box in the flow (a link, an emphasis) is never a pixel, a banner or off-screen
  // on its own; skipping its box measurement halves this stage on text-heavy pages. A fixed
  // element is never inline (CSS blockifies it), so only sticky needs a look.
  const isImage = element.localName === 'img';
  const position = style.position;
  if (display === 'inline' && !isImage && position !== 'sticky') return null;

  const box = element.getBoundingClientRect();
  if (isImage) {
    if (isTinyImage(element as HTMLImageElement, box)) return 'zero-size-image';
  } else if (box.width === 0 && box.height === 0 && (style.overflow !== 'visible' || ownTextLength() === 0)) {
    return 'zero-size-box';
  }
  // Entirely left of or above the document's origin: no scrolling can ever reveal it.
  if (box.width > 0 && box.height > 0 && (box.right + page.scrollX <= 0 || box.bottom + page.scrollY <= 0)) return 'off-screen';

  // Sticky text blocks are a scrolling-story layout; only sticky bars (headers, app bars) are chrome.
  const name = element.localName;
  const stickyBar = position === 'sticky' && !TABLE_PARTS.has(name) && !/^h[1-6]$/.test(name) && (/^(?:header|footer|nav|aside)$/.test(name) || ownTextLength() < STICKY_BAR_MAX_TEXT);
  if ((position === 'fixed' || stickyBar) && !holdsMainContent()) return 'fixed-overlay';
  return null;
}

/** What the layout stage found: the elements the user cannot see, as records and as places in the tree. */
export interface InvisibleElements {
  removals: Removal[];
  /** The live elements found. */
  elements: Element[];
  /** Each one's element-child indices from `body` down, in document order. */
  paths: number[][];
}

/**
 * Finds the elements the live page does not show to the user: hidden by a stylesheet,
 * zero-size or off-screen boxes and images (tracking pixels), fixed or sticky overlays
 * (cookie banners, subscribe modals, app bars). Reads the live page only, never changes it.
 * With `cleanedAway`, the live elements whose copies cleaning removed from the clone are not
 * judged: the clone has lost them already.
 */
export function findInvisible(live: Document, view: Window, cleanedAway?: CleanedPlaces): InvisibleElements {
  const found: InvisibleElements = { removals: [], elements: [], paths: [] };
  const body = live.body;
  if (!body) return found;
  const page: PageMetrics = { view, textLength: textCounter(body), scrollX: view.scrollX, scrollY: view.scrollY };
  const steps = elementSteps(body);
  const path: number[] = [];
  const walk = (parent: Element, places: PlaceNode | undefined): void => {
    const removed = places?.removed;
    let removedAt = 0;
    let index = 0;
    for (let child = steps.firstChild.call(parent); child; child = steps.next.call(child), index++) {
      if (removed && removed[removedAt] === index) {
        removedAt++;
        continue;
      }
      const name = child.localName;
      if (NO_BOX_TAGS.has(name)) continue;
      const rule = judge(child, page);
      // Only the outer element of a MathML or SVG tree is judged, and only by where it is. The
      // parser puts nothing else of those namespaces in an HTML element; a script could.
      const foreign = (name === 'svg' || name === 'math') && child.namespaceURI !== null && FOREIGN_NAMESPACES.has(child.namespaceURI);
      if (rule && (!foreign || rule === 'hidden-by-style' || rule === 'fixed-overlay' || rule === 'off-screen')) {
        found.removals.push({ family: 'layout', rule, element: describeElement(child) });
        found.elements.push(child);
        found.paths.push([...path, index]);
      } else if (!foreign && !liveShadowRoot(child)) {
        // A host's children in the clone are its flattened shadow content: places below it differ.
        path.push(index);
        walk(child, places?.below.get(index));
        path.pop();
      }
    }
  };
  walk(body, cleanedAway?.root);
  return found;
}

/**
 * Removes from `clone` the copies of what `findInvisible` found, by their places in the tree:
 * `clone` must be a clone of the live document made since, with nothing run in between but the
 * cleaning `cleanedAway` recorded. Walking the clone in step with the live page cost as much
 * again as walking the page, since every element touched from a content script's world gets a
 * wrapper of its own.
 */
export function removeCopies(clone: Document, found: Pick<InvisibleElements, 'elements' | 'paths'>, cleanedAway?: CleanedPlaces): void {
  const body = clone.body;
  if (!body) return;
  const { children } = elementSteps(body);
  // Last first: a removal shifts only the indices of later siblings, whose paths come later.
  for (let index = found.paths.length - 1; index >= 0; index--) {
    let element: Element | undefined = body;
    let places: PlaceNode | undefined = cleanedAway?.root;
    for (const step of found.paths[index]!) {
      element = element && children.call(element)[indexAfterRemovals(places, step)];
      places = places?.below.get(step);
    }
    // A copy that is not what was judged stays: better a hidden element kept than a wrong one lost.
    if (element && element.localName === found.elements[index]!.localName) detach(element);
  }
}
