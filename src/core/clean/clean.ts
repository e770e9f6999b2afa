import type { Removal } from '../types.js';
import { collapseWhitespace } from '../vocabulary.js';
import { CLEANING_RULES, type CleaningRule, type RuleContext } from './rules.js';
import { detach } from '../dom.js';

export interface CleanResult {
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

/** The record of one removal; its text only when asked for (a debug trace), since reading it costs. */
export function removalOf(rule: { family: string; name: string }, element: Element, recordText = false): Removal {
  const removal: Removal = { family: rule.family, rule: rule.name, element: describeElement(element) };
  if (recordText) removal.text = collapseWhitespace(element.textContent);
  return removal;
}

/** Text a reader could see: scripts and styles in the body are no part of the page's text. */
function visibleTextLength(body: HTMLElement): number {
  let length = body.textContent?.length ?? 0;
  for (const unread of Array.from(body.querySelectorAll('script, style, template'))) length -= unread.textContent?.length ?? 0;
  return length;
}

interface RuleGroup {
  candidates: string;
  rules: CleaningRule[];
}

/**
 * Consecutive rules that share a candidate selector, so that the engine queries the
 * document once for all of them (the boilerplate rules all look at the same blocks).
 */
function groupConsecutive(rules: readonly CleaningRule[]): RuleGroup[] {
  const groups: RuleGroup[] = [];
  for (const rule of rules) {
    const last = groups[groups.length - 1];
    if (last && last.candidates === rule.candidates) last.rules.push(rule);
    else groups.push({ candidates: rule.candidates, rules: [rule] });
  }
  return groups;
}

export interface CleanOptions {
  /** Each removal's text in its record (a debug trace). */
  recordText?: boolean;
  /** Called with each element just before it is removed. */
  beforeRemove?: (element: Element) => void;
}

/**
 * Removes ads, tracking pixels and hidden elements from `doc`, which must be a
 * clone: the caller's live page is never passed here. Within a group of rules sharing
 * candidates, an element goes to the first rule that matches it.
 */
export function cleanDocument(doc: Document, rules: readonly CleaningRule[] = CLEANING_RULES, options: CleanOptions = {}): CleanResult {
  const context: RuleContext = { baseUrl: doc.baseURI && doc.baseURI !== 'about:blank' ? doc.baseURI : undefined };
  const removals: Removal[] = [];
  const body = doc.body;
  const root = doc.documentElement;
  const pageTextLength = body ? visibleTextLength(body) : 0;
  const guardText = pageTextLength >= MIN_PAGE_TEXT_FOR_GUARD;

  for (const group of groupConsecutive(rules)) {
    const candidates = doc.querySelectorAll(group.candidates);
    for (let index = 0; index < candidates.length; index++) {
      const element = candidates[index]!;
      if (element === body || element === root || !element.isConnected) continue;
      let textLength: number | undefined;
      for (const rule of group.rules) {
        if (rule.matches && !rule.matches(element, context)) continue;
        textLength ??= element.textContent?.length ?? 0;
        if (guardText && textLength > pageTextLength * (rule.maxShareOfPageText ?? MAX_SHARE_OF_PAGE_TEXT)) continue;
        removals.push(removalOf(rule, element, options.recordText));
        options.beforeRemove?.(element);
        detach(element);
        break;
      }
    }
  }
  return { removals };
}
