import { htmlToMarkdown } from '../core/markdown.js';
import { absolutizeUrls } from '../core/prepare.js';
import { readArticleInStages } from '../core/read-article.js';
import { sanitizeArticleHtml } from '../core/sanitize.js';
import type { ReadResult, Removal } from '../core/types.js';
import { cleanDocument, type CleanResult } from '../core/clean/clean.js';
import { findInvisible, removeCopies, type InvisibleElements } from './layout-signals.js';

export const HOST_TAG = 'readmark-reader';

export interface PageRead {
  result: ReadResult;
  layoutRemovals: Removal[];
}

/**
 * Past this many elements the reader asks before it works: every stage is linear in the
 * page's size, and at this size the longest stage nears 300 ms on a 2-core machine
 * (`npm run bench -- --long-scale N`; the generated long page has about 19,000 elements).
 */
export const MAX_PAGE_ELEMENTS = 50_000;

/** The live page's element count, when it is over MAX_PAGE_ELEMENTS; null otherwise. */
export function oversizedPage(): number | null {
  const elements = document.getElementsByTagName('*').length;
  return elements > MAX_PAGE_ELEMENTS ? elements : null;
}

/**
 * A clone of the live document. It has no browsing context, so nothing in it loads or
 * runs: the reader's own work never makes the page's tracking pixels fire.
 */
function cloneLiveDocument(): Document {
  return document.cloneNode(true) as Document;
}

/** A clone of the live page, cleaned and without what the user cannot see. */
export interface VisibleClone {
  clone: Document;
  cleaned: CleanResult;
  layoutRemovals: Removal[];
}

/**
 * The layout stage on the live page first, then the clone without what it found, then cleaning
 * on the clone (`onStage` is given each step's time). Layout and clone run in one task, so the
 * clone is the tree that was judged.
 */
export function visibleClone(onStage?: (stage: 'layout' | 'clone' | 'clean', ms: number) => void): VisibleClone {
  let lapStarted = onStage ? performance.now() : 0;
  const lap = (stage: 'layout' | 'clone' | 'clean') => {
    if (!onStage) return;
    const now = performance.now();
    onStage(stage, now - lapStarted);
    lapStarted = now;
  };
  const invisible = findInvisible(document, window);
  lap('layout');
  const clone = cloneWithout(invisible);
  lap('clone');
  const cleaned = cleanDocument(clone);
  lap('clean');
  return { clone, cleaned, layoutRemovals: invisible.removals };
}

/** A clone of the live page without what the user cannot see, not cleaned: recovery asks for one when the article comes out short. */
export function uncleanedVisibleClone(): Document {
  return cloneWithout(findInvisible(document, window));
}

/** A clone of the live page made right after `invisible` was found on it, without those elements and without the reader. */
function cloneWithout(invisible: InvisibleElements): Document {
  const clone = cloneLiveDocument();
  removeCopies(clone, invisible);
  for (const host of Array.from(clone.querySelectorAll(HOST_TAG))) host.remove();
  return clone;
}

/**
 * A pause that gives the event loop a turn once this long has passed without one: a
 * typical page reads in one task (no added latency), a long page in several, so that
 * the tab keeps answering input while it is read.
 */
const TURN_AFTER_MS = 50;

function pacer(): () => Promise<void> {
  let lastTurn = performance.now();
  return async () => {
    if (performance.now() - lastTurn < TURN_AFTER_MS) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    lastTurn = performance.now();
  };
}

/**
 * Runs the core on a clone of the live page, after dropping what the user cannot see.
 * `frontMatter` may still be on its way from storage: the clone and the layout stage do
 * not need it, and run meanwhile.
 */
export async function readLivePage(options: { force: boolean; frontMatter: boolean | Promise<boolean>; deferMarkdown?: boolean }): Promise<PageRead> {
  const pause = pacer();
  const { clone, cleaned, layoutRemovals } = visibleClone();
  await pause();
  const frontMatter = await options.frontMatter;
  const result = await readArticleInStages(
    // Recovery re-clones the live page (never touched) only for an article that came out short.
    { document: clone, window, url: location.href, uncleanedPage: uncleanedVisibleClone, cleaned },
    { force: options.force, frontMatter, deferMarkdown: options.deferMarkdown ?? false },
    pause,
  );
  return { result, layoutRemovals };
}

/** Child-index path from the document down to `node`. */
function pathOf(node: Node): number[] {
  const path: number[] = [];
  let current: Node | null = node;
  while (current && current.parentNode) {
    path.unshift(Array.prototype.indexOf.call(current.parentNode.childNodes, current));
    current = current.parentNode;
  }
  return path;
}

function nodeAt(root: Node, path: number[]): Node | null {
  let current: Node | null = root;
  for (const index of path) current = current?.childNodes[index] ?? null;
  return current;
}

/**
 * Markdown of the user's selection, with links and images made absolute. The selection is
 * mapped onto a clone of the document and copied out there: cloning it in the live
 * document would create live <img> elements that start loading.
 */
export function selectionMarkdown(): string {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return '';
  const clone = cloneLiveDocument();
  const container = clone.createElement('div');
  for (let index = 0; index < selection.rangeCount; index++) {
    const range = selection.getRangeAt(index);
    const start = nodeAt(clone, pathOf(range.startContainer));
    const end = nodeAt(clone, pathOf(range.endContainer));
    if (!start || !end) continue;
    const cloneRange = clone.createRange();
    cloneRange.setStart(start, range.startOffset);
    cloneRange.setEnd(end, range.endOffset);
    container.append(cloneRange.cloneContents());
  }
  const { body } = sanitizeArticleHtml(container.innerHTML, window);
  absolutizeUrls(body, document.baseURI || location.href);
  return htmlToMarkdown(body).trim();
}
