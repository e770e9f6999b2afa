/**
 * CSS Text's segment break rule for Chinese and Japanese, applied to the markup itself:
 * white space that holds a line break, between two East Asian wide characters, is no
 * space. Source HTML often breaks lines between inline elements (`哈萨克</a>\n<a>因为`);
 * browsers differ on this rule, and the plain text and Markdown have no renderer at all.
 */
import { BLOCK_ELEMENTS, isWideNonHangul } from './vocabulary.js';

/** Elements whose white space is kept as written. */
const PRESERVED_WHITESPACE = new Set(['pre', 'textarea', 'listing', 'xmp', 'plaintext']);
/** Elements with no rendered text: passed over, as if they were not there. */
const UNRENDERED = new Set(['script', 'style', 'template', 'noscript', 'head', 'title']);
/** Elements that stand in the line as something other than text: the characters on either side are not neighbours. */
const NOT_TEXT = new Set(['br', 'img', 'picture', 'video', 'audio', 'iframe', 'object', 'embed', 'canvas', 'svg', 'input', 'select', 'button']);

/** CSS's collapsible white space: spaces, tabs and segment breaks (and HTML's form feed). */
const isWhiteSpace = (character: string): boolean => character === ' ' || character === '\t' || character === '\n' || character === '\r' || character === '\f';
const isSegmentBreak = (character: string): boolean => character === '\n' || character === '\r';

interface Span {
  node: Text;
  start: number;
  end: number;
}

/**
 * Removes, in `root`, each run of white space that holds a line break and sits between two
 * East Asian wide characters that are not Hangul, across text nodes and inline elements.
 * Spaces typed on one line stay, and so does white space in `<pre>` and beside a block's
 * edge, a `<br>` or an image.
 */
export function removeSegmentBreaksBetweenWideCharacters(root: Node): void {
  const removed: Span[] = [];
  // The last character seen in the current line of inline content, and the white space since.
  let previous: string | null = null;
  let spaces: Span[] = [];
  let spacesBreakLine = false;
  const startLine = (): void => {
    previous = null;
    spaces = [];
    spacesBreakLine = false;
  };

  const readText = (node: Text): void => {
    const value = node.data;
    let index = 0;
    while (index < value.length) {
      const character = String.fromCodePoint(value.codePointAt(index)!);
      if (isWhiteSpace(character)) {
        const start = index;
        while (index < value.length && isWhiteSpace(value.charAt(index))) {
          if (isSegmentBreak(value.charAt(index))) spacesBreakLine = true;
          index++;
        }
        spaces.push({ node, start, end: index });
        continue;
      }
      if (previous !== null && spacesBreakLine && isWideNonHangul(previous) && isWideNonHangul(character)) removed.push(...spaces);
      previous = character;
      spaces = [];
      spacesBreakLine = false;
      index += character.length;
    }
  };

  const walk = (parent: Node): void => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) readText(child as Text);
      if (child.nodeType !== 1) continue;
      const name = (child as Element).localName;
      if (UNRENDERED.has(name)) continue;
      if (PRESERVED_WHITESPACE.has(name) || NOT_TEXT.has(name)) {
        startLine();
        continue;
      }
      const isBlock = BLOCK_ELEMENTS.has(name);
      if (isBlock) startLine();
      walk(child);
      if (isBlock) startLine();
    }
  };

  if (root.nodeType === 1 && PRESERVED_WHITESPACE.has((root as Element).localName)) return;
  walk(root);
  // Last first: a deletion moves only the offsets after it in its node.
  for (const span of removed.reverse()) span.node.deleteData(span.start, span.end - span.start);
}
