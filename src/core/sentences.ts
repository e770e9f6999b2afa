/**
 * A text cut into sentences, for reading it aloud one utterance per sentence: browsers' speech
 * engines cut off or stall on long utterances. Intl.Segmenter (both browsers, Node) does the
 * cutting; this module repairs the few places where its rules read a sentence wrong.
 */

/** A sentence as offsets into the text: `text.slice(start, end)`, without the white space around it. */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * Words that end with a dot and are followed by a name or a number, not a new sentence.
 * Intl.Segmenter ends a sentence after "Mr." (it has no list of abbreviations).
 */
const ABBREVIATION_BEFORE_NAME = /(?:^|[\s(])(?:mr|mrs|ms|mx|dr|prof|st|sr|jr|vs|cf|approx|e\.g|i\.e|[A-Z](?:\.[A-Z])*)\.$/i;
/** Words that end with a dot before a number only: "No. 5", "fig. 2"; "the answer was no." ends a sentence. */
const ABBREVIATION_BEFORE_NUMBER = /(?:^|[\s(])(?:no|nos|vol|pp?|fig|ch|art|sec)\.$/i;

/**
 * Opening quotes and brackets the segmenter leaves at the end of the sentence before them
 * when it follows a full-width terminator: `好的！“他说` → `好的！` + `“他说`. Only after CJK
 * terminators: in German „…“ the same `“` closes a quotation.
 */
const OPENING_AFTER_CJK_END = /(?<=[。！？｡])[“‘「『（《〈【〔［｛]+$/u;

/**
 * A Japanese quotation the segmenter ends a sentence after, though a particle goes on with it:
 * `「行こう。」と彼は言った。` is one sentence.
 */
const QUOTE_END = /[。！？][」』”’）]+$/u;
const PARTICLE_START = /^\p{Script=Hiragana}/u;

/** Longer than this, a sentence is cut at a pause (comma, semicolon) so one utterance never runs on. */
export const MAX_SENTENCE_CHARS = 300;
const PAUSE = /[,;:，；：、]\s*|\s+/gu;

function trimmedSpan(text: string, start: number, end: number): TextSpan | null {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

/** `span` cut into pieces of at most MAX_SENTENCE_CHARS, each ending at the last pause that fits. */
function cutLong(text: string, span: TextSpan): TextSpan[] {
  const pieces: TextSpan[] = [];
  let start = span.start;
  while (span.end - start > MAX_SENTENCE_CHARS) {
    const window = text.slice(start, start + MAX_SENTENCE_CHARS);
    let cut = 0;
    for (const match of window.matchAll(PAUSE)) if (match.index > 0) cut = match.index + match[0].length;
    if (cut === 0) cut = MAX_SENTENCE_CHARS;
    const piece = trimmedSpan(text, start, start + cut);
    if (piece) pieces.push(piece);
    start += cut;
  }
  const last = trimmedSpan(text, start, span.end);
  if (last) pieces.push(last);
  return pieces;
}

/**
 * The sentences of `text` in the language `lang` (a BCP 47 tag; the segmenter's rules are the
 * same for every language, the tag only picks locale tailorings where ICU has them).
 */
export function sentenceSpans(text: string, lang?: string | null): TextSpan[] {
  let locale: string | undefined;
  try {
    locale = lang ? Intl.getCanonicalLocales(lang)[0] : undefined;
  } catch {
    locale = undefined;
  }
  const segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
  const raw: Array<{ start: number; end: number }> = [];
  for (const { index, segment } of segmenter.segment(text)) raw.push({ start: index, end: index + segment.length });

  const merged: TextSpan[] = [];
  for (const segment of raw) {
    const previous = merged[merged.length - 1];
    const previousText = previous ? text.slice(previous.start, previous.end).trimEnd() : '';
    const beforeNumber = /^\d/.test(text.slice(segment.start, segment.end));
    const quoteGoesOn = QUOTE_END.test(previousText) && PARTICLE_START.test(text.slice(segment.start, segment.end));
    if (previous && (quoteGoesOn || ABBREVIATION_BEFORE_NAME.test(previousText) || (beforeNumber && ABBREVIATION_BEFORE_NUMBER.test(previousText)))) {
      previous.end = segment.end;
      continue;
    }
    merged.push({ ...segment });
  }
  for (let index = 0; index < merged.length - 1; index++) {
    const current = merged[index]!;
    const opening = OPENING_AFTER_CJK_END.exec(text.slice(current.start, current.end).trimEnd());
    if (!opening) continue;
    const moveTo = current.start + opening.index;
    merged[index + 1]!.start = moveTo;
    current.end = moveTo;
  }
  return merged.flatMap((span) => {
    const trimmed = trimmedSpan(text, span.start, span.end);
    return trimmed ? cutLong(text, trimmed) : [];
  });
}

/** The sentences of `text` as strings. */
export function sentences(text: string, lang?: string | null): string[] {
  return sentenceSpans(text, lang).map(({ start, end }) => text.slice(start, end));
}
