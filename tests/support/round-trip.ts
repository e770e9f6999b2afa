import { blockText } from '../../src/core/text.ts';
import { words, wordRecall } from './corpus.ts';
import { markdownRenderer } from './markdown-renderer.ts';

const renderer = markdownRenderer();

export interface Structure {
  headings: number;
  listItems: number;
  links: number;
  images: number;
  codeBlocks: number;
  tableRows: number;
}

export function structureOf(root: ParentNode): Structure {
  const count = (selector: string) => root.querySelectorAll(selector).length;
  return {
    headings: count('h1, h2, h3, h4, h5, h6'),
    listItems: count('li'),
    // Not the back-links markdown-it-footnote adds under each note.
    links: Array.from(root.querySelectorAll('a[href]:not(.footnote-backref)')).filter((link) => (link.textContent ?? '').trim() || link.querySelector('img')).length,
    images: count('img[src]'),
    codeBlocks: count('pre'),
    tableRows: count('tr'),
  };
}

export interface RoundTrip {
  wordsKept: number;
  source: Structure;
  rendered: Structure;
}

/** Renders `markdown` back to HTML in `doc` and compares it with `source`. */
export function roundTrip(source: HTMLElement, markdown: string, doc: Document): RoundTrip {
  const container = doc.createElement('div');
  container.innerHTML = renderer.render(markdown);
  return {
    wordsKept: wordRecall(words(blockText(source)), words(blockText(container))),
    source: structureOf(source),
    rendered: structureOf(container),
  };
}
