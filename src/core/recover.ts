/**
 * Recovery of what Readability drops. The page's prose (blocks of running text)
 * is measured before Readability runs; when its article is short and leaves most
 * of that prose out, a second extraction is tried and kept only if it covers
 * clearly more of it:
 * - on the page as it was before cleaning, when cleaning took most of the prose;
 * - with a higher `charThreshold`, so that Readability relaxes its filters;
 * - from the page's declared `articleBody` (JSON-LD), when that is much longer;
 * - with the page's no-script content in place, when nothing at all was found.
 */
import { cleanDocument } from './clean/clean.js';
import { NOT_THE_STORY_RULES } from './clean/rules.js';
import { extract, type Extraction } from './extract.js';
import { articleFromDeclaredBody, declaredArticleBody } from './structured-data.js';
import { blockText } from './text.js';
import { BLOCK_ELEMENTS, collapseWhitespace as collapse } from './vocabulary.js';

const UNREAD_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'select', 'textarea', 'button', 'iframe', 'object', 'head', 'title']);

/** Shorter runs of text are labels, links and captions, not prose. */
const PROSE_MIN_LENGTH = 40;
const PROSE_MAX_LINK_SHARE = 0.5;

/** The text of one block element that is not inside a nested block. */
export interface TextBlock {
  element: Element;
  text: string;
  linkLength: number;
}

/** Every block's own text, in document order. */
export function textBlocks(root: Element): TextBlock[] {
  const blocks: TextBlock[] = [];
  interface Open { element: Element; parts: string[]; linkLength: number }
  const close = (open: Open) => {
    const text = collapse(open.parts.join(''));
    if (text) blocks.push({ element: open.element, text, linkLength: open.linkLength });
  };
  const walk = (parent: Element, open: Open, inLink: boolean): void => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const value = child.nodeValue ?? '';
        open.parts.push(value);
        if (inLink) open.linkLength += collapse(value).length;
        continue;
      }
      if (child.nodeType !== 1) continue;
      const element = child as Element;
      const name = element.localName;
      if (UNREAD_ELEMENTS.has(name)) continue;
      if (name === 'br' || name === 'img') {
        open.parts.push(' ');
      } else if (BLOCK_ELEMENTS.has(name)) {
        open.parts.push(' ');
        const nested: Open = { element, parts: [], linkLength: 0 };
        walk(element, nested, inLink);
        close(nested);
      } else {
        walk(element, open, inLink || name === 'a');
      }
    }
  };
  const top: Open = { element: root, parts: [], linkLength: 0 };
  walk(root, top, false);
  close(top);
  return blocks;
}

export function isProse(block: TextBlock): boolean {
  return block.text.length >= PROSE_MIN_LENGTH && block.linkLength / block.text.length < PROSE_MAX_LINK_SHARE;
}

/** Share of the prose's characters that appear in `text`. */
export function proseCoverage(prose: readonly TextBlock[], text: string): number {
  const total = lengthOf(prose);
  if (!total) return 1;
  const haystack = collapse(text);
  const covered = prose.reduce((sum, block) => sum + (haystack.includes(block.text) ? block.text.length : 0), 0);
  return covered / total;
}

function proseOf(doc: Document): TextBlock[] {
  return doc.body ? textBlocks(doc.body).filter(isProse) : [];
}

function lengthOf(prose: readonly TextBlock[]): number {
  return prose.reduce((sum, block) => sum + block.text.length, 0);
}

/** Below this many characters an article is suspect… */
const SHORT_ARTICLE = 1000;
/** …when it also covers less than this share of the page's prose. */
const LOW_COVERAGE = 0.5;
/** A page's declared `articleBody` replaces a short article when it is this long… */
const DECLARED_BODY_MIN = 500;
/** …and this many times longer than the article. */
const DECLARED_BODY_GAIN = 2;
/** A retry must cover this much more of the page's prose to replace the first result. */
const COVERAGE_GAIN = 0.3;
/** Cleaning "took most of the prose" when the article covers less than this share of the uncleaned page's prose… */
const LOST_TO_CLEANING = 0.2;
/** …and the uncleaned page's article covers at least this share. */
const FOUND_WITHOUT_CLEANING = 0.6;

interface Attempt {
  extraction: Extraction;
  text: string;
}

function attempt(doc: Document, charThreshold?: number): Attempt | null {
  const extraction = extract(doc, charThreshold ? { charThreshold } : {});
  return extraction ? { extraction, text: blockText(extraction.content) } : null;
}

/** The retry's content under the first attempt's metadata (the first read saw the whole cleaned page). */
function withContentOf(first: Attempt | null, retry: Attempt): Attempt {
  return first ? { extraction: { ...first.extraction, content: retry.extraction.content }, text: retry.text } : retry;
}

/** Elements that make a `<noscript>` a version of the page's content rather than a pixel or a notice. */
const CONTENT_IN_NOSCRIPT = 'p, article, h1, h2, h3';

/**
 * A page built by script may keep a whole version of itself for readers without scripts in
 * `<noscript>`, parsed as elements where scripts are off (as in Node). Readability removes every
 * noscript, content and all, so its content is put in place. True when there was some.
 */
function unwrapNoscriptContent(doc: Document): boolean {
  let unwrapped = false;
  for (const noscript of Array.from(doc.querySelectorAll('noscript'))) {
    if (!noscript.querySelector(CONTENT_IN_NOSCRIPT)) continue;
    noscript.replaceWith(...Array.from(noscript.childNodes));
    unwrapped = true;
  }
  return unwrapped;
}

/** Makes a fresh copy of the page as it was before cleaning (the retries rewrite it). */
export type UncleanedPage = () => Document;

/**
 * Readability on the cleaned `doc`, with the retries described at the top of this file.
 * Every retry is for an article that came out short, so `uncleanedPage` is only called
 * then. Null skips the retries; `doc` is rewritten.
 */
export function extractWithRecovery(doc: Document, uncleanedPage: UncleanedPage | null): Extraction | null {
  const first = extract(doc);
  if (!uncleanedPage) return first;
  let best: Attempt | null = first && { extraction: first, text: blockText(first.content) };
  const bestText = () => best?.text ?? '';
  if (bestText().length >= SHORT_ARTICLE) return first;

  const uncleaned = uncleanedPage();
  // Only for a page where nothing was found: elsewhere a noscript holds a notice or a copy.
  if (!best) unwrapNoscriptContent(uncleaned);
  cleanDocument(uncleaned, NOT_THE_STORY_RULES);
  // Read before the retries: Readability removes the scripts that hold it.
  const declared = declaredArticleBody(uncleaned);
  const uncleanedProse = proseOf(uncleaned);
  if (proseCoverage(uncleanedProse, bestText()) < LOST_TO_CLEANING) {
    const retry = attempt(uncleaned.cloneNode(true) as Document);
    if (retry && proseCoverage(uncleanedProse, retry.text) >= FOUND_WITHOUT_CLEANING) best = withContentOf(best, retry);
  }
  if (bestText().length >= SHORT_ARTICLE) return best?.extraction ?? null;

  // The cleaned page's prose, measured on a copy cleaned again (Readability has rewritten `doc`).
  cleanDocument(uncleaned);
  const prose = proseOf(uncleaned);
  const coverage = proseCoverage(prose, bestText());
  if (coverage < LOW_COVERAGE) {
    // Readability accepts the first candidate over `charThreshold` characters; asking for
    // half the page's prose makes it retry with its filters relaxed, one by one.
    const retry = attempt(uncleaned, Math.max(500, Math.round(lengthOf(prose) / 2)));
    if (retry && proseCoverage(prose, retry.text) >= coverage + COVERAGE_GAIN) best = withContentOf(best, retry);
  }
  if (best && declared && declared.length >= DECLARED_BODY_MIN && declared.length >= bestText().length * DECLARED_BODY_GAIN && bestText().length < SHORT_ARTICLE) {
    best = { extraction: { ...best.extraction, content: articleFromDeclaredBody(best.extraction.content.ownerDocument, declared) }, text: declared };
  }
  return best?.extraction ?? null;
}
