/**
 * Reads one part of the live page (a block the user chose, or the selection) through the same
 * pipeline as the whole page: the page is cloned, the part kept in the clone with the page's
 * head (see core/block-document.ts), and the result is forced: the user said this is the text.
 */
import { keepOnly } from '../core/block-document.js';
import { readArticleInStages } from '../core/read-article.js';
import { HOST_TAG, nodeAt, pacer, pathOf, selectedFragment, withinBounds, type PageRead } from './extract-page.js';
import { findInvisible, removeCopies } from './layout-signals.js';
import { copyShadowContent } from './shadow-clone.js';

async function readNarrowedClone(clone: Document): Promise<PageRead> {
  const { result, body } = await readArticleInStages({ document: withinBounds(clone), window, url: location.href }, { force: true }, pacer(null));
  return { result, body, layoutRemovals: [] };
}

/** `part`, an element of the live page, read without what the user cannot see in it. */
export async function readChosenPart(part: Element): Promise<PageRead> {
  const invisible = findInvisible(document, window);
  const clone = document.cloneNode(true) as Document;
  // Found by its place before anything in the clone changes; the object stays the copy after.
  const copy = nodeAt(clone, pathOf(part));
  if (!copy || copy.nodeType !== 1) throw new Error('The chosen part is no longer in the page');
  copyShadowContent(document, clone, HOST_TAG);
  removeCopies(clone, invisible);
  keepOnly(clone, copy as Element);
  return readNarrowedClone(clone);
}

/** The selection read as a part of the page, or null when nothing is selected. */
export async function readSelectedPart(): Promise<PageRead | null> {
  const clone = document.cloneNode(true) as Document;
  const selected = selectedFragment(clone);
  if (!selected) return null;
  keepOnly(clone, selected);
  return readNarrowedClone(clone);
}
