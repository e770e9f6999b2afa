import { countWords, wordTotal } from './text.js';

/** About two sentences: a name, phrase or line selected to look up or quote stays below, a paragraph is above. */
export const READING_SELECTION_MIN_WORDS = 30;

/**
 * True when selected text asks to be read rather than looked up: it holds at least
 * READING_SELECTION_MIN_WORDS words, each Han or kana character counting as one word, as the
 * reading time counts them.
 */
export function isReadingSelection(text: string): boolean {
  return wordTotal(countWords(text)) >= READING_SELECTION_MIN_WORDS;
}
