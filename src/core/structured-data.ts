/**
 * The article text that a page declares in its structured data (schema.org `articleBody`
 * in `application/ld+json`). Some pages render only a teaser and keep the story there;
 * recovery reads it as a cross-check when Readability's article is much shorter.
 */

import { collapseWhitespace } from './vocabulary.js';

/** Each JSON-LD block of the page, parsed; broken ones (common) are skipped. */
export function jsonLdBlocks(doc: Document): unknown[] {
  const blocks: unknown[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    try {
      blocks.push(JSON.parse(script.textContent ?? ''));
    } catch {
      // The page's other blocks may still be readable.
    }
  }
  return blocks;
}

/** The longest `articleBody` string in the page's JSON-LD, or null. */
export function declaredArticleBody(doc: Document): string | null {
  let longest: string | null = null;
  const visit = (value: unknown, depth: number): void => {
    if (depth > 8 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'articleBody' && typeof inner === 'string') {
        if (inner.length > (longest?.length ?? 0)) longest = inner;
      } else {
        visit(inner, depth + 1);
      }
    }
  };
  for (const block of jsonLdBlocks(doc)) visit(block, 0);
  return longest;
}

/**
 * The declared body as paragraphs of plain text in `doc` (never parsed as markup: any
 * tags in it are dropped as text), under a container like Readability's.
 */
export function articleFromDeclaredBody(doc: Document, body: string): HTMLElement {
  const article = doc.createElement('div');
  const page = doc.createElement('div');
  page.id = 'readability-page-1';
  article.append(page);
  const withoutTags = body.replace(/<[^>]*>/g, ' ');
  for (const paragraph of withoutTags.split(/\s*\n\s*/)) {
    const text = collapseWhitespace(paragraph);
    if (!text) continue;
    const element = doc.createElement('p');
    element.textContent = text;
    page.append(element);
  }
  return article;
}
