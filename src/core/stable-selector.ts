/**
 * A CSS selector for an element the user chose, meant to find the same part on the next visit
 * and on other pages of the site: ids and class names a person wrote, tag names, and
 * `:nth-of-type` only where nothing else tells the element from its siblings.
 */

/** Prefixes that CSS-in-JS and scoped-style compilers put before a hash (emotion, styled-components, styled-jsx, Svelte, Astro). */
const GENERATOR_PREFIX = /^(?:css|sc|jsx|svelte|astro|emotion)-/i;
/**
 * A name a person types into a stylesheet, and a CSS identifier as it is: ASCII letters, digits,
 * `-` and `_`, not starting with a digit (React's `:r1:` ids are not).
 */
const PLAIN_NAME = /^-?[A-Za-z_][A-Za-z0-9_-]*$/;
/** Counters and ids of content: `post-4521`, `ember1234`, `yui_3_5_1_1392`. */
const DIGIT_RUN = /\d{3}/;
/** Segments this long that mix letters and digits are hashes (`1x2y3z`, `3xYz9`); short ones (`h2`, `col3`) are names. */
const MIXED_SEGMENT_MIN = 5;

/** Case changes between letters more often than every other character: `AxjAm`, `kXyzQp`, never `navBar` or `HeaderNav`. */
function looksRandomCase(segment: string): boolean {
  if (segment.length < MIXED_SEGMENT_MIN || !/^[A-Za-z]+$/.test(segment)) return false;
  let switches = 0;
  for (let index = 1; index < segment.length; index++) {
    if ((segment[index]! < 'a') !== (segment[index - 1]! < 'a')) switches++;
  }
  return switches > segment.length / 2;
}

function looksHashed(segment: string): boolean {
  return segment.length >= MIXED_SEGMENT_MIN && /\d/.test(segment) && /[A-Za-z]/.test(segment);
}

/**
 * The one definition of a generated name: a class or id a build tool or framework made up, which
 * changes with the next deploy or names one page's content. Such names never go into a selector.
 */
export function isGeneratedName(name: string): boolean {
  if (!PLAIN_NAME.test(name) || GENERATOR_PREFIX.test(name) || DIGIT_RUN.test(name)) return true;
  return name.split(/[-_]+/).some((segment) => looksHashed(segment) || looksRandomCase(segment));
}

/** Classes that say what state an element is in (hovered, open, stuck), not what it is. */
const STATE_CLASS = /^(?:is|has)-|^(?:active|current|selected|open|opened|closed|hover|focus|focused|visible|hidden|sticky|fixed|loaded|loading|collapsed|expanded)$/i;

const SIMPLE_TAG = /^[a-z][a-z0-9-]*$/;

interface Level {
  element: Element;
  /** Tag, then the id or the classes that narrow it most. */
  compound: string;
  /** `:nth-of-type(n)`, when needed to tell the element from its siblings. */
  position: string;
  kept: boolean;
}

function stableClasses(element: Element): string[] {
  const names = (element.getAttribute('class') ?? '').split(/[\t\n\f\r ]+/).filter(Boolean);
  return [...new Set(names)].filter((name) => !isGeneratedName(name) && !STATE_CLASS.test(name));
}

/**
 * The tag with the element's id when it is stable, else with its rarest stable class (a name
 * chosen on purpose, it still holds where the tag alone stops being unique) and up to two more,
 * each kept only if it narrows.
 */
function compoundOf(element: Element, doc: Document): string {
  const tag = SIMPLE_TAG.test(element.localName) ? element.localName : '*';
  const id = element.getAttribute('id');
  if (id && !isGeneratedName(id)) return `${tag}#${id}`;
  const count = (selector: string) => doc.querySelectorAll(selector).length;
  const byRarity = stableClasses(element)
    .map((name) => ({ name, matches: count(`.${name}`) }))
    .sort((a, b) => a.matches - b.matches);
  let compound = tag;
  let matches = count(tag);
  for (const { name } of byRarity.slice(0, 3)) {
    const narrower = `${compound}.${name}`;
    const narrowerMatches = count(narrower);
    if (narrowerMatches < matches || compound === tag) {
      compound = narrower;
      matches = narrowerMatches;
    }
    if (matches === 1) break;
  }
  return compound;
}

/** `:nth-of-type(n)` for `element` when its compound also fits a sibling, else ''. */
function positionAmongSiblings(element: Element, compound: string): string {
  const parent = element.parentElement;
  if (!parent) return '';
  const siblings = Array.from(parent.querySelectorAll(':scope > *'));
  if (siblings.filter((sibling) => sibling.matches(compound)).length <= 1) return '';
  const sameTag = siblings.filter((sibling) => sibling.localName === element.localName);
  return `:nth-of-type(${sameTag.indexOf(element) + 1})`;
}

/** The kept levels, top first: `>` between levels that are parent and child, a space where levels were dropped. */
function selectorOf(levels: readonly Level[]): string {
  let selector = '';
  let previousKept = -1;
  for (let index = levels.length - 1; index >= 0; index--) {
    const level = levels[index]!;
    if (!level.kept) continue;
    const part = level.compound + level.position;
    selector = previousKept === -1 ? part : `${selector}${previousKept === index + 1 ? ' > ' : ' '}${part}`;
    previousKept = index;
  }
  return selector;
}

/**
 * A selector that `element.ownerDocument.querySelectorAll` answers with exactly `element`, or
 * null when the element is not in a document. Levels from the root down to the element are
 * tried without positions first; positions are added only where siblings look alike, and then
 * every position and every level that uniqueness does not need is dropped again.
 */
export function stableSelector(element: Element): string | null {
  const doc = element.ownerDocument;
  if (!element.isConnected || !doc.documentElement.contains(element)) return null;
  const levels: Level[] = [];
  for (let current: Element | null = element; current; current = current.parentElement) {
    levels.push({ element: current, compound: compoundOf(current, doc), position: '', kept: true });
  }
  const isExact = () => {
    const found = doc.querySelectorAll(selectorOf(levels));
    return found.length === 1 && found[0] === element;
  };
  if (!isExact()) {
    for (const level of levels) level.position = positionAmongSiblings(level.element, level.compound);
    // Every level now picks one child of the one above, from the root: exact by construction.
    for (const level of levels.slice().reverse()) {
      if (!level.position) continue;
      const position = level.position;
      level.position = '';
      if (!isExact()) level.position = position;
    }
  }
  // Levels the selector does not need, from the root down; the element's own level stays.
  for (let index = levels.length - 1; index > 0; index--) {
    const level = levels[index]!;
    level.kept = false;
    if (!isExact()) level.kept = true;
  }
  return selectorOf(levels);
}
