/** Defuddle's browser build (the package's main entry, a webpack UMD bundle): parse() on the live document (it clones it itself). */
import DefuddleModule from 'defuddle';
import { install, wordsOf } from './shared.js';

type DefuddleClass = new (doc: Document, options?: object) => { parse(): { content: string; wordCount?: number } };
const moduleValue = DefuddleModule as unknown as DefuddleClass | { default: DefuddleClass };
const Defuddle: DefuddleClass = typeof moduleValue === 'function' ? moduleValue : moduleValue.default;

function defuddle(): { times: Record<string, number>; words: number } {
  const started = performance.now();
  const result = new Defuddle(document).parse();
  const parsed = performance.now();
  const text = new DOMParser().parseFromString(result.content, 'text/html').body.textContent;
  return { times: { total: parsed - started }, words: result.wordCount ?? wordsOf(text) };
}

install('__benchDefuddle', defuddle);
