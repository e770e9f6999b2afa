/** Readability alone, as its README runs it: a clone of the document, then parse(). */
import { Readability } from '@mozilla/readability';
import { install, wordsOf } from './shared.js';

function readabilityAlone(): { times: Record<string, number>; words: number } {
  const started = performance.now();
  const clone = document.cloneNode(true) as Document;
  const cloned = performance.now();
  const article = new Readability(clone).parse();
  const parsed = performance.now();
  return { times: { clone: cloned - started, parse: parsed - cloned, total: parsed - started }, words: wordsOf(article?.textContent) };
}

install('__benchReadability', readabilityAlone);
