/** The floor: one clone of the document and one full walk of it. No extractor can do less. */
import { install } from './shared.js';

function floor(): { times: Record<string, number>; nodes: number } {
  const started = performance.now();
  const clone = document.cloneNode(true) as Document;
  const cloned = performance.now();
  const walker = clone.createTreeWalker(clone, NodeFilter.SHOW_ALL);
  let nodes = 0;
  while (walker.nextNode()) nodes++;
  const walked = performance.now();
  return { times: { clone: cloned - started, walk: walked - cloned, total: walked - started }, nodes };
}

install('__benchFloor', floor);
