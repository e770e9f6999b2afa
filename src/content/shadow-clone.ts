/**
 * Shadow content for the clone of the live page: `cloneNode` copies no shadow roots, so a page
 * built from web components would read as empty hosts. The live page and its fresh clone are
 * walked in step, and each live host's shadow tree (open, or closed where the browser lets an
 * extension see it) is flattened into the clone's copy of the host by the core.
 */
import { elementSteps } from '../core/dom.js';
import { flattenShadowTrees } from '../core/shadow.js';

interface ChromeDom {
  dom?: { openOrClosedShadowRoot?: (element: HTMLElement) => ShadowRoot | null };
}

/** Firefox gives content scripts this property on every element, closed roots included. */
type FirefoxElement = Element & { openOrClosedShadowRoot?: ShadowRoot | null };

const chromeDom = (globalThis as { chrome?: ChromeDom }).chrome?.dom?.openOrClosedShadowRoot;

/**
 * The shadow root a live element hosts, or null. Open roots are read from the element. Closed
 * ones come from Firefox's `openOrClosedShadowRoot` property, or in Chromium from
 * `chrome.dom.openOrClosedShadowRoot`, asked only of custom elements: that is a call through
 * the extension bindings for each element, and a closed root on a built-in element is rare.
 */
export function liveShadowRoot(element: Element): ShadowRoot | null {
  const firefox = (element as FirefoxElement).openOrClosedShadowRoot;
  if (firefox !== undefined) return firefox;
  const open = element.shadowRoot;
  if (open || !chromeDom || !element.localName.includes('-') || !(element instanceof HTMLElement)) return open;
  try {
    return chromeDom(element) ?? null;
  } catch {
    return null;
  }
}

/**
 * Fills `clone` (made from `live` just now, nothing changed since) with the flattened content
 * of the live page's shadow roots. Elements named `skipTag` (the reader's own host) are left out.
 */
export function copyShadowContent(live: Document, clone: Document, skipTag: string): void {
  const liveRoot = live.documentElement;
  const cloneRoot = clone.documentElement;
  if (!liveRoot || !cloneRoot) return;
  const { firstChild, next } = elementSteps(liveRoot);
  const rootsOfCopies = new Map<Element, ShadowRoot>();
  const pairs: Array<[Element, Element]> = [[liveRoot, cloneRoot]];
  while (pairs.length > 0) {
    const [liveElement, copy] = pairs.pop()!;
    if (liveElement.localName === skipTag) continue;
    const shadow = liveShadowRoot(liveElement);
    if (shadow) rootsOfCopies.set(copy, shadow);
    let liveChild = firstChild.call(liveElement);
    let copyChild = firstChild.call(copy);
    for (; liveChild && copyChild; liveChild = next.call(liveChild), copyChild = next.call(copyChild)) pairs.push([liveChild, copyChild]);
  }
  if (rootsOfCopies.size === 0) return;
  // The clone's hosts map to live roots; elements inside live shadow trees are asked directly.
  flattenShadowTrees(clone, (element) => (element.ownerDocument === clone ? (rootsOfCopies.get(element) ?? null) : liveShadowRoot(element)));
}
