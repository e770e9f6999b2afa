/**
 * Plain text of an article with a blank line between blocks (Readability's
 * `textContent` glues `a</p><p>b` into `ab`), and CJK-aware word counts.
 */

import { BLOCK_ELEMENTS, HAN, HTML_WHITESPACE, KANA, TABLE_CELLS, WHITESPACE, WRITTEN_WITHOUT_SPACES, collapseWhitespace } from './vocabulary.js';

/** Ruby annotations (furigana and their fallback parentheses): shown above the text, not part of it. */
const RUBY_ANNOTATIONS = new Set(['rt', 'rp']);

/**
 * Text as a reader copies and searches it: composed (NFC) characters and no soft
 * hyphens, which are invisible line-break hints that split words for search and diff.
 */
export function normalizeText(text: string): string {
  return text.replace(/\u00ad/g, '').normalize('NFC');
}

export function blockText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node, inPre: boolean): void => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      parts.push(inPre ? protectPreformatted(value) : value.replace(HTML_WHITESPACE, ' '));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) return;
    const name = node.nodeType === 1 ? (node as Element).localName : '';
    if (name === 'br') {
      parts.push('\n');
      return;
    }
    if (RUBY_ANNOTATIONS.has(name)) return;
    // A cell is a block that stays on its row's line.
    const isCell = TABLE_CELLS.has(name);
    const isBlock = !isCell && BLOCK_ELEMENTS.has(name);
    if (isBlock) parts.push('\n\n');
    if (isCell) parts.push('\t');
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child, inPre || name === 'pre');
    if (isBlock) parts.push('\n\n');
  };
  walk(root, false);
  return normalizeText(parts.join(''))
    .split('\n')
    .map((line) => line.replace(/^[ \t]+|[ \t]+$/g, '').replace(/ {2,}/g, ' '))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .replace(/[\uE000-\uE002]/g, (mark) => PRE_MARKS[mark] ?? '');
}

// Whitespace inside <pre> is kept through the normalization above by standing in for it.
const PRE_MARKS: Record<string, string> = { '\uE000': ' ', '\uE001': '\t', '\uE002': '\n' };

function protectPreformatted(value: string): string {
  return value.replace(/ /g, '\uE000').replace(/\t/g, '\uE001').replace(/\r?\n/g, '\uE002');
}

const CJK_CHARACTER = new RegExp(WRITTEN_WITHOUT_SPACES.source, 'gu');
// A word in a script written with spaces: letters or digits, with inner apostrophes and hyphens.
const SPACED_WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;

export interface WordCount {
  /** Words in scripts written with spaces (Latin, Cyrillic, Arabic, Hangul…). */
  words: number;
  /** Han characters (Chinese, and kanji in Japanese). */
  han: number;
  /** Japanese kana characters. */
  kana: number;
}

export function countWords(text: string): WordCount {
  // Most pages have no Han or kana, and skip the per-character pass.
  if (!WRITTEN_WITHOUT_SPACES.test(text)) return { words: text.match(SPACED_WORD)?.length ?? 0, han: 0, kana: 0 };
  let han = 0;
  let kana = 0;
  for (const character of text.match(CJK_CHARACTER) ?? []) {
    if (HAN.test(character)) han += 1;
    else if (KANA.test(character)) kana += 1;
  }
  const withoutCjk = text.replace(CJK_CHARACTER, ' ');
  const words = withoutCjk.match(SPACED_WORD)?.length ?? 0;
  return { words, han, kana };
}

/**
 * Reading speeds from the IReST study (Trauzettel-Klosinski et al., 2012) of
 * silent reading by adults: English ≈ 228 words a minute, Chinese ≈ 255
 * characters, Japanese ≈ 357 characters a minute.
 */
const WORDS_PER_MINUTE = 228;
const HAN_PER_MINUTE = 255;
const JAPANESE_PER_MINUTE = 357;

/** Total count: each Han or kana character counts as one word, as CJK word counters do. */
export function wordTotal(count: WordCount): number {
  return count.words + count.han + count.kana;
}

export function readingMinutes(count: WordCount): number {
  const hanSpeed = count.kana > 0 ? JAPANESE_PER_MINUTE : HAN_PER_MINUTE;
  const minutes = count.words / WORDS_PER_MINUTE + count.han / hanSpeed + count.kana / JAPANESE_PER_MINUTE;
  return minutes === 0 ? 0 : Math.max(1, Math.round(minutes));
}

/** Characters of `element`'s text inside links, whitespace collapsed. */
export function linkTextLength(element: Element): number {
  return Array.from(element.querySelectorAll('a')).reduce((sum, link) => sum + collapseWhitespace(link.textContent).length, 0);
}

/**
 * `element`'s text, whitespace collapsed and trimmed, or null once it is longer than `maxChars`:
 * rules that look for short blocks do not read a wrapper's whole text to learn it is long.
 */
export function collapsedTextUpTo(element: Element, maxChars: number): string | null {
  let text = '';
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    text += (node.nodeValue ?? '').replace(WHITESPACE, ' ');
    // Text added later can only lengthen what is here, so the check is exact.
    if (text.length > maxChars && collapseWhitespace(text).length > maxChars) return null;
  }
  return collapseWhitespace(text);
}
