/**
 * The reference reader's content script, the least a reader overlay can be: Readability on a
 * clone of the page, and its HTML in a closed shadow root over the page. No sanitizer, no
 * options, no Markdown: the floor Readmark's first click is measured against.
 */
import { Readability } from '@mozilla/readability';

const article = new Readability(document.cloneNode(true) as Document).parse();
const host = document.createElement('reference-reader');
host.style.cssText = 'position: fixed; inset: 0; z-index: 2147483647; overflow: auto; background: #fff;';
const root = host.attachShadow({ mode: 'closed' });
const style = document.createElement('style');
style.textContent = 'article { max-width: 42em; margin: 0 auto; padding: 2em 1em; font: 18px/1.6 Georgia, serif; color: #111; } img { max-width: 100%; height: auto; }';
const body = document.createElement('article');
// Unsanitized on purpose: the reference is a reader with nothing but Readability.
// eslint-disable-next-line no-unsanitized/property
body.innerHTML = article?.content ?? '<p>No article.</p>';
root.append(style, body);
document.documentElement.append(host);
