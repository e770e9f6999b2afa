import { htmlToMarkdown } from '../core/markdown.js';
import { absolutizeUrls } from '../core/prepare.js';
import { BROWSER_BOUNDS, BROWSER_TIME_LIMIT_MS, exceededBound, liftPastBounds } from '../core/page-bounds.js';
import { readArticleInStages } from '../core/read-article.js';
import { sanitizeArticleHtml } from '../core/sanitize.js';
import type { ExceededLimit, ReadResult, Removal } from '../core/types.js';
import { cleanDocument, type CleanResult } from '../core/clean/clean.js';
import { CleanedPlaces } from './cleaned-places.js';
import { findInvisible, removeCopies } from './layout-signals.js';
import { copyShadowContent } from './shadow-clone.js';

export const HOST_TAG = 'readmark-reader';

export interface PageRead {
  result: ReadResult;
  /** The sanitized article tree, for the reader and for Markdown; null without an article. */
  body: HTMLElement | null;
  layoutRemovals: Removal[];
}

/**
 * The bound of BROWSER_BOUNDS the live page is past (depth, then elements), or null: checked
 * before anything is cloned. Only a page's own script nests past the parser's depth.
 */
export function pageBeyondBounds(): ExceededLimit | null {
  return exceededBound(document, BROWSER_BOUNDS);
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
 * Cleaning first, then the layout stage on what cleaning kept (`onStage` is given each step's time): the layout stage costs a style
 * read and often a box per element, and cleaning takes most of a long page's chrome (menus,
 * comment threads, footers: 60 % of the benchmark's long page). Clone, cleaning and layout run
 * in one task, so the live page is the tree that was cloned while the places are compared.
 */
export function visibleClone(onStage?: (stage: 'clone' | 'clean' | 'layout', ms: number) => void): VisibleClone {
  let lapStarted = onStage ? performance.now() : 0;
  const lap = (stage: 'clone' | 'clean' | 'layout') => {
    if (!onStage) return;
    const now = performance.now();
    onStage(stage, now - lapStarted);
    lapStarted = now;
  };
  const clone = cloneLiveDocument();
  copyShadowContent(document, clone, HOST_TAG);
  lap('clone');
  const cleanedAway = clone.body ? new CleanedPlaces(clone.body) : undefined;
  // The reader's own host (read while it is open) goes first; it counts as a place if a script moved it into body.
  removeReaderHosts(clone, (host) => cleanedAway?.record(host));
  const cleaned = cleanDocument(clone, undefined, { beforeRemove: cleanedAway && ((element) => cleanedAway.record(element)) });
  lap('clean');
  const invisible = findInvisible(document, window, cleanedAway);
  removeCopies(clone, invisible, cleanedAway);
  lap('layout');
  return { clone, cleaned, layoutRemovals: invisible.removals };
}

/**
 * A clone of the live page without what the user cannot see there, not cleaned: recovery asks
 * for one when the article comes out short. The whole page is judged for it (the first pass
 * skipped what cleaning took), right before the clone is made.
 */
export function uncleanedVisibleClone(): Document {
  const invisible = findInvisible(document, window);
  const clone = cloneLiveDocument();
  copyShadowContent(document, clone, HOST_TAG);
  removeCopies(clone, invisible);
  removeReaderHosts(clone);
  return clone;
}

function removeReaderHosts(clone: Document, beforeRemove?: (host: Element) => void): void {
  for (const host of Array.from(clone.querySelectorAll(HOST_TAG))) {
    beforeRemove?.(host);
    host.remove();
  }
}

/**
 * A pause that gives the event loop a turn once this long has passed without one: a
 * typical page reads in one task (no added latency), a long page in several, so that
 * the tab keeps answering input while it is read.
 */
const TURN_AFTER_MS = 50;

/** Thrown between stages once the read has taken longer than its time bound. */
export class OutOfTime extends Error {
  constructor(readonly limit: ExceededLimit) {
    super('out of time');
  }
}

export function pacer(deadline: number | null): () => Promise<void> {
  const started = performance.now();
  let lastTurn = started;
  return async () => {
    const now = performance.now();
    if (deadline !== null && now - started > deadline) throw new OutOfTime({ what: 'time', value: Math.round(now - started), limit: deadline });
    if (now - lastTurn < TURN_AFTER_MS) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    lastTurn = performance.now();
  };
}

/** A clone for a forced read: what is nested past the bounds lifted up, so that it reads in seconds. */
export function withinBounds(clone: Document): Document {
  liftPastBounds(clone, BROWSER_BOUNDS);
  return clone;
}

/**
 * Runs the core on a clone of the live page, after dropping what the user cannot see. Without
 * `force`, a read that outlasts BROWSER_TIME_LIMIT_MS stops at the next stage with OutOfTime.
 */
export async function readLivePage(options: { force: boolean }): Promise<PageRead> {
  const pause = pacer(options.force ? null : BROWSER_TIME_LIMIT_MS);
  const { clone, cleaned, layoutRemovals } = visibleClone();
  if (options.force) withinBounds(clone);
  await pause();
  const { result, body } = await readArticleInStages(
    // Recovery re-clones the live page (never touched) only for an article that came out short.
    { document: clone, window, url: location.href, uncleanedPage: options.force ? () => withinBounds(uncleanedVisibleClone()) : uncleanedVisibleClone, cleaned },
    { force: options.force },
    pause,
  );
  return { result, body, layoutRemovals };
}

/** Child-index path from the document down to `node`. */
export function pathOf(node: Node): number[] {
  const path: number[] = [];
  let current: Node | null = node;
  while (current && current.parentNode) {
    path.unshift(Array.prototype.indexOf.call(current.parentNode.childNodes, current));
    current = current.parentNode;
  }
  return path;
}

export function nodeAt(root: Node, path: number[]): Node | null {
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
  const clone = cloneLiveDocument();
  const selected = selectedFragment(clone);
  if (!selected) return '';
  const container = clone.createElement('div');
  container.append(selected);
  const body = sanitizeArticleHtml(container.innerHTML, window);
  absolutizeUrls(body, document.baseURI || location.href);
  return htmlToMarkdown(body).trim();
}

/**
 * The user's selection copied out of `clone`, a clone of the live document made since (nothing
 * changed in between), or null when nothing is selected.
 */
export function selectedFragment(clone: Document): DocumentFragment | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const fragment = clone.createDocumentFragment();
  for (let index = 0; index < selection.rangeCount; index++) {
    const range = selection.getRangeAt(index);
    const start = nodeAt(clone, pathOf(range.startContainer));
    const end = nodeAt(clone, pathOf(range.endContainer));
    if (!start || !end) continue;
    const cloneRange = clone.createRange();
    cloneRange.setStart(start, range.startOffset);
    cloneRange.setEnd(end, range.endOffset);
    fragment.append(cloneRange.cloneContents());
  }
  return fragment;
}
