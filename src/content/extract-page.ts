import { htmlToMarkdown } from '../core/markdown.js';
import { absolutizeUrls } from '../core/prepare.js';
import { readArticle } from '../core/read-article.js';
import { sanitizeArticleHtml } from '../core/sanitize.js';
import type { ReadResult, Removal } from '../core/types.js';
import { dropInvisibleFromClone } from './layout-signals.js';

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

/** Runs the core on a clone of the live page, after dropping what the user cannot see. */
export function readLivePage(options: { force: boolean; frontMatter: boolean; deferMarkdown?: boolean }): PageRead {
  const clone = cloneLiveDocument();
  const layoutRemovals = dropInvisibleFromClone(document, clone, window);
  for (const host of Array.from(clone.querySelectorAll(HOST_TAG))) host.remove();
  const result = readArticle({ document: clone, window, url: location.href }, { force: options.force, frontMatter: options.frontMatter, deferMarkdown: options.deferMarkdown ?? false });
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
