import type { Removal } from '../types.js';
import { CLEANING_RULES, type CleaningRule, type RuleContext } from './rules.js';

export interface CleanResult {
  removed: number;
  removals: Removal[];
}

/**
 * A rule that matched a wrapper holding most of the page's text has misfired
 * (say, a site that puts the word "ad" in its main container's class); such an
 * element is kept whatever the rule says.
 */
const MAX_SHARE_OF_PAGE_TEXT = 0.4;
const MIN_PAGE_TEXT_FOR_GUARD = 500;

export function describeElement(element: Element): string {
  const id = element.getAttribute('id');
  const classes = (element.getAttribute('class') ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 3);
  return element.localName + (id ? `#${id}` : '') + classes.map((name) => `.${name}`).join('');
}

/**
 * Removes ads, tracking pixels and hidden elements from `doc`, which must be a
 * clone: the caller's live page is never passed here.
 */
export function cleanDocument(doc: Document, rules: readonly CleaningRule[] = CLEANING_RULES): CleanResult {
  const context: RuleContext = { baseUrl: doc.baseURI && doc.baseURI !== 'about:blank' ? doc.baseURI : undefined };
  const removals: Removal[] = [];
  const body = doc.body;
  const pageTextLength = body?.textContent?.length ?? 0;
  const guardText = pageTextLength >= MIN_PAGE_TEXT_FOR_GUARD;

  for (const rule of rules) {
    for (const element of Array.from(doc.querySelectorAll(rule.candidates))) {
      if (!element.isConnected || element === body || element === doc.documentElement) continue;
      if (rule.matches && !rule.matches(element, context)) continue;
      if (guardText && (element.textContent?.length ?? 0) > pageTextLength * (rule.maxShareOfPageText ?? MAX_SHARE_OF_PAGE_TEXT)) continue;
      removals.push({ family: rule.family, rule: rule.name, element: describeElement(element) });
      element.remove();
    }
  }
  return { removed: removals.length, removals };
}
