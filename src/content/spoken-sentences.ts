import { sentenceSpans } from '../core/sentences.js';
import { BLOCK_SELECTOR } from '../core/vocabulary.js';

/** A sentence to speak, and the text nodes of the reader's copy that hold it (for the highlight). */
export interface SpokenSentence {
  text: string;
  nodes: Text[];
}

/** Not read aloud: code, formulas (their text is symbol soup to a voice) and footnote markers. */
const UNSPOKEN = 'pre, math, svg, sup, script, style, .katex-mathml';

/**
 * The sentences of `roots` (the title and the article in the reader), in reading order. Each
 * block's text is cut with the core's sentenceSpans, and its text nodes are split where the
 * sentences meet, so that a sentence is a list of whole text nodes: the highlight then wraps
 * and unwraps them without ever cutting a node again. Only the reader's own copy is changed,
 * and splitting a text node changes nothing a reader sees.
 */
export function spokenSentences(roots: Element[], lang: string | null): SpokenSentence[] {
  const sentences: SpokenSentence[] = [];
  for (const run of blockRuns(roots)) {
    const text = run.map((node) => node.data).join('');
    const spans = sentenceSpans(text, lang);
    if (spans.length === 0) continue;
    const nodes = splitAt(run, spans.flatMap(({ start, end }) => [start, end]));
    let offset = 0;
    const placed = nodes.map((node) => {
      const start = offset;
      offset += node.data.length;
      return { node, start, end: offset };
    });
    for (const span of spans) {
      sentences.push({
        text: text.slice(span.start, span.end).replace(/\s+/g, ' '),
        nodes: placed.filter((piece) => piece.start >= span.start && piece.end <= span.end && piece.end > piece.start).map((piece) => piece.node),
      });
    }
  }
  return sentences;
}

/** Runs of text nodes in document order that share the nearest block: one paragraph, list item, heading. */
function blockRuns(roots: Element[]): Text[][] {
  const runs: Text[][] = [];
  let current: Text[] = [];
  let currentBlock: Element | null = null;
  for (const root of roots) {
    const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const parent = node.parentElement;
      if (!parent || parent.closest(UNSPOKEN)) continue;
      const block = parent.closest(BLOCK_SELECTOR) ?? root;
      if (block !== currentBlock && current.length) {
        runs.push(current);
        current = [];
      }
      currentBlock = block;
      current.push(node);
    }
    if (current.length) runs.push(current);
    current = [];
    currentBlock = null;
  }
  return runs;
}

/** `run` with its nodes split at every offset of `cuts` (offsets into the run's joined text). */
function splitAt(run: Text[], cuts: number[]): Text[] {
  const result: Text[] = [];
  let start = 0;
  for (const node of run) {
    const end = start + node.data.length;
    const inside = [...new Set(cuts.filter((cut) => cut > start && cut < end))].sort((a, b) => b - a);
    const pieces: Text[] = [];
    // From the last cut back, so the offsets of the earlier cuts stay right in `node`.
    for (const cut of inside) pieces.unshift(node.splitText(cut - start));
    result.push(node, ...pieces);
    start = end;
  }
  return result;
}
