/**
 * The words the core reads pages with, each defined once: which elements make a block,
 * what counts as white space, what an inline style hides, which characters belong to the
 * scripts written without spaces.
 */

/**
 * Elements that HTML's rendering rules lay out as blocks (list items and table parts too),
 * plus `math`, which articles use for display formulas: their text stands apart from the
 * text around it.
 */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main',
  'math', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** BLOCK_ELEMENTS as a CSS selector. */
export const BLOCK_SELECTOR = [...BLOCK_ELEMENTS].join(', ');

/** Table cells: blocks of their own, side by side on one line of a row. */
export const TABLE_CELLS: ReadonlySet<string> = new Set(['td', 'th']);

/**
 * HTML's ASCII white space (tab, line feed, form feed, carriage return, space): what markup
 * and CSS collapse. A no-break space is not in it: a browser shows it as written.
 */
export const HTML_WHITESPACE = /[\t\n\f\r ]+/g;

/**
 * White space as a reader comparing or measuring text sees it: every Unicode space (no-break
 * and ideographic spaces included), since pages type them where an ordinary space is meant.
 */
export const WHITESPACE = /\s+/g;

/** `text` with every run of white space (any Unicode space) made one space, trimmed. */
/** The names a page gives an element: its class names and its id. */
export function classAndIdNames(element: Element): string[] {
  const names = (element.getAttribute('class') ?? '').split(HTML_WHITESPACE).filter(Boolean);
  const id = element.getAttribute('id');
  return id ? [...names, id] : names;
}

export function collapseWhitespace(text: string | null | undefined): string {
  return (text ?? '').replace(WHITESPACE, ' ').trim();
}

/** An inline style declaration that hides its element: `display: none` or `visibility: hidden`, as a whole declaration. */
export const HIDDEN_INLINE_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important)?\s*(?:;|$)/i;

/** Han ideographs (with extensions and compatibility forms) and Bopomofo. */
export const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3100-\u312f\u{20000}-\u{2fa1f}]/u;
/** Japanese kana, half-width forms included. */
export const KANA = /[\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f]/u;
/** A character of Chinese or Japanese, written without spaces between words: Han or kana. */
export const WRITTEN_WITHOUT_SPACES = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3100-\u312f\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f\u{20000}-\u{2fa1f}]/u;

/**
 * Characters whose East Asian Width is Wide, Fullwidth or Halfwidth, by block: ideographs,
 * kana, CJK punctuation and symbols, Yi, full- and half-width forms. Emoji are left out.
 */
const EAST_ASIAN_WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uffdc\uffe0-\uffee\u{20000}-\u{2fffd}\u{30000}-\u{3fffd}]/u;
const HANGUL = /\p{Script=Hangul}/u;

/**
 * True for a character between which and another such character a line break in the source
 * is no space (CSS Text 3, segment break transformation): East Asian Wide, Fullwidth or
 * Halfwidth, and not Hangul, which Korean writes with spaces.
 */
export function isWideNonHangul(character: string): boolean {
  return EAST_ASIAN_WIDE.test(character) && !HANGUL.test(character);
}
